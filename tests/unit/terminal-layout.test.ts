import { describe, expect, it } from "vitest";
import {
  DEFAULT_LAYOUT,
  activate,
  closeTab,
  freePort,
  openTab,
  parseLayout,
  serializeLayout,
  setRatio,
  toggleSplit,
} from "../../src/terminal/terminal-layout.ts";

const PORTS = [0, 2, 3];

describe("the terminal layout", () => {
  it("opens terminals on free lines up to the three the machine has", () => {
    let layout = DEFAULT_LAYOUT;
    layout = openTab(layout, freePort(layout, PORTS)!);
    layout = openTab(layout, freePort(layout, PORTS)!);
    expect(layout).toMatchObject({ tabs: [0, 2, 3], active: 3 });
    expect(freePort(layout, PORTS)).toBeUndefined();
  });

  it("splits with another terminal, opening one when needed, and swaps sides when the right one is picked", () => {
    let layout = toggleSplit(DEFAULT_LAYOUT, PORTS);
    expect(layout).toMatchObject({ tabs: [0, 2], active: 0, split: 2 });
    layout = activate(layout, 2);
    expect(layout).toMatchObject({ active: 2, split: 0 });
    expect(toggleSplit(layout, PORTS).split).toBeUndefined();
  });

  it("never closes the last terminal, and closing the front one brings another forward", () => {
    expect(closeTab(DEFAULT_LAYOUT, 0)).toBe(DEFAULT_LAYOUT);
    const split = { tabs: [0, 2, 3], active: 2, split: 3, ratio: 0.5 };
    expect(closeTab(split, 2)).toMatchObject({ tabs: [0, 3], active: 3, split: undefined });
    expect(closeTab(split, 3)).toMatchObject({ tabs: [0, 2], active: 2, split: undefined });
  });

  it("keeps the split ratio between 20 and 80 percent", () => {
    expect(setRatio(DEFAULT_LAYOUT, 0.05).ratio).toBe(0.2);
    expect(setRatio(DEFAULT_LAYOUT, 0.634).ratio).toBe(0.63);
  });

  it("comes back from storage, kept to the lines the machine has", () => {
    const layout = { tabs: [0, 2, 3], active: 3, split: 2, ratio: 0.4 };
    expect(parseLayout(serializeLayout(layout), PORTS)).toEqual(layout);
    expect(parseLayout(serializeLayout(layout), [0])).toEqual({ tabs: [0], active: 0, split: undefined, ratio: 0.4 });
    expect(parseLayout("{not json", PORTS)).toBe(DEFAULT_LAYOUT);
    expect(parseLayout(JSON.stringify({ tabs: [], active: 0, ratio: 0.5 }), PORTS)).toBe(DEFAULT_LAYOUT);
    expect(parseLayout(null, PORTS)).toBe(DEFAULT_LAYOUT);
  });
});
