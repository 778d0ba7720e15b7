// The terminals' bar as the terminal card gives it its data: one tab per open terminal with its number
// and where its shell is (from the agent's reading), the new-terminal button, close, the split toggle
// and the container menu; what the learner asks goes up as TerminalRequestEvents.
import { describe, expect, it } from "vitest";
import "../../src/terminal/lab-terminal-tabs.ts";
import type { ShellLineStatus } from "../../src/session/shell-places.ts";
import { TerminalRequestEvent, type TerminalRequest } from "../../src/terminal/terminal-events.ts";
import type { TerminalLayout } from "../../src/terminal/terminal-layout.ts";
import { collect, mount } from "./mount.ts";

const threeOpen: TerminalLayout = { tabs: [0, 2, 3], active: 2, split: undefined, ratio: 0.5 };
const lines: readonly ShellLineStatus[] = [
  { port: 0, shellPid: 101, place: { kind: "host" } },
  { port: 2, shellPid: 102, place: { kind: "container", name: "web" } },
  { port: 3, shellPid: undefined, place: { kind: "host" } },
];

/** The requests the bar sends, read when asked (the events arrive after the call). */
function requests(): () => TerminalRequest[] {
  const events = collect<TerminalRequestEvent>(TerminalRequestEvent.type);
  return () => events.map((event) => event.request);
}

function tabsOf(root: ShadowRoot): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLButtonElement>('[data-testid="terminal-tab"]')];
}

describe("<lab-terminal-tabs>", () => {
  it("names each tab by its number and where its shell is, and marks the one in front", async () => {
    const { root } = await mount("lab-terminal-tabs", { set: (tabs) => Object.assign(tabs, { layout: threeOpen, lines }) });
    const tabs = tabsOf(root);
    expect(tabs.map((tab) => tab.getAttribute("aria-label"))).toEqual(["Terminal 1: host", "Terminal 2: container web", "Terminal 3: no shell"]);
    expect(tabs.map((tab) => tab.getAttribute("aria-selected"))).toEqual(["false", "true", "false"]);
    // One tab stop for the whole list.
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([-1, 0, -1]);
    // Only the line without a shell offers a restart.
    expect([...root.querySelectorAll('[data-testid="restart-shell"]')].map((b) => b.getAttribute("aria-label"))).toEqual([
      "Restart the shell of terminal 3",
    ]);
  });

  it("says the same in Korean", async () => {
    const { root } = await mount("lab-terminal-tabs", { locale: "ko", set: (tabs) => Object.assign(tabs, { layout: threeOpen, lines }) });
    expect(tabsOf(root).map((tab) => tab.getAttribute("aria-label"))).toEqual(["터미널 1: 호스트", "터미널 2: 컨테이너 web", "터미널 3: 셸 없음"]);
  });

  it("disables the new terminal button when every line has a tab, and asks to open one otherwise", async () => {
    const asked = requests();
    const { element, root } = await mount("lab-terminal-tabs", { set: (tabs) => Object.assign(tabs, { layout: threeOpen, lines }) });
    const open = root.querySelector<HTMLButtonElement>('[data-testid="new-terminal"]')!;
    expect(open.disabled).toBe(true);
    expect(open.title).toBe("All three terminals are open");
    element.canOpen = true;
    await element.updateComplete;
    expect(open.disabled).toBe(false);
    open.click();
    expect(asked()).toEqual([{ kind: "open" }]);
  });

  it("asks to activate, close and restart the terminal whose button was pressed", async () => {
    const asked = requests();
    const { root } = await mount("lab-terminal-tabs", { set: (tabs) => Object.assign(tabs, { layout: threeOpen, lines }) });
    tabsOf(root)[0]!.click();
    root.querySelectorAll<HTMLButtonElement>('[data-testid="close-terminal"]')[2]!.click();
    root.querySelector<HTMLButtonElement>('[data-testid="restart-shell"]')!.click();
    expect(asked()).toEqual([
      { kind: "activate", port: 0 },
      { kind: "close", port: 3 },
      { kind: "restart", port: 3 },
    ]);
  });

  it("offers no close button when only one terminal is open", async () => {
    const { root } = await mount("lab-terminal-tabs", {
      set: (tabs) => Object.assign(tabs, { layout: { tabs: [0], active: 0, split: undefined, ratio: 0.5 }, lines }),
    });
    expect(tabsOf(root)).toHaveLength(1);
    expect(root.querySelector('[data-testid="close-terminal"]')).toBeNull();
  });

  it("moves between tabs with the arrow keys and closes the one in front with Delete", async () => {
    const asked = requests();
    const { root } = await mount("lab-terminal-tabs", { set: (tabs) => Object.assign(tabs, { layout: threeOpen, lines }) });
    const list = root.querySelector('[role="tablist"]')!;
    for (const key of ["ArrowRight", "ArrowLeft", "Home", "End", "Delete"]) {
      list.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
    }
    expect(asked()).toEqual([
      { kind: "activate", port: 3 },
      { kind: "activate", port: 0 },
      { kind: "activate", port: 0 },
      { kind: "activate", port: 3 },
      { kind: "close", port: 2 },
    ]);
  });

  it("shows the split as a toggle (aria-pressed) and asks to split", async () => {
    const asked = requests();
    const { element, root } = await mount("lab-terminal-tabs", { set: (tabs) => Object.assign(tabs, { layout: threeOpen, lines }) });
    const split = root.querySelector<HTMLButtonElement>('[data-testid="split-toggle"]')!;
    expect(split.getAttribute("aria-pressed")).toBe("false");
    element.layout = { ...threeOpen, split: 3 };
    await element.updateComplete;
    expect(split.getAttribute("aria-pressed")).toBe("true");
    split.click();
    expect(asked()).toEqual([{ kind: "split" }]);
  });

  it("lists the running containers in its menu and asks for a shell in the one picked", async () => {
    const asked = requests();
    const { element, root } = await mount("lab-terminal-tabs", { set: (tabs) => Object.assign(tabs, { layout: threeOpen, lines }) });
    const menuButton = root.querySelector<HTMLButtonElement>('[data-testid="container-shell"]')!;
    menuButton.click();
    await element.updateComplete;
    expect(menuButton.getAttribute("aria-expanded")).toBe("true");
    expect(root.querySelector('[data-testid="no-containers"]')!.textContent).toContain("No container is running");
    menuButton.click();
    element.containers = [
      { pid: 340, name: "db" },
      { pid: 210, name: "web" },
    ];
    await element.updateComplete;
    menuButton.click();
    await element.updateComplete;
    const items = [...root.querySelectorAll<HTMLButtonElement>('[data-testid="container-item"]')];
    expect(items.map((item) => item.dataset.name)).toEqual(["db", "web"]);
    // The menu takes the focus when it opens.
    expect(root.activeElement).toBe(items[0]);
    items[1]!.click();
    await element.updateComplete;
    // Each opening asks for a fresh list of containers (the page reads them less often while all is calm).
    expect(asked()).toEqual([{ kind: "list-containers" }, { kind: "list-containers" }, { kind: "container", pid: 210, name: "web" }]);
    expect(root.querySelector('[role="menu"]')).toBeNull();
  });
});
