import type { Terminal } from "@xterm/xterm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { blinkWhileTyping } from "../../src/terminal/cursor-blink.ts";

/** The parts of an xterm.js Terminal the cursor's blinking uses. */
function fakeTerminal(): { terminal: Terminal; type: () => void; textarea: HTMLTextAreaElement } {
  let onData: (() => void) | undefined;
  const textarea = new EventTarget() as HTMLTextAreaElement;
  const terminal = {
    options: { cursorBlink: true },
    textarea,
    onData: (listener: () => void) => {
      onData = listener;
      return { dispose: () => (onData = undefined) };
    },
  } as unknown as Terminal;
  return { terminal, textarea, type: () => onData?.() };
}

describe("the terminal cursor's blinking", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("blinks after the focus arrives and after each key, and rests once nothing was typed for a while", () => {
    const { terminal, type, textarea } = fakeTerminal();
    const undo = blinkWhileTyping(terminal, 5000);
    expect(terminal.options.cursorBlink).toBe(false);
    textarea.dispatchEvent(new Event("focus"));
    expect(terminal.options.cursorBlink).toBe(true);
    vi.advanceTimersByTime(4000);
    type();
    vi.advanceTimersByTime(4000);
    expect(terminal.options.cursorBlink).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(terminal.options.cursorBlink).toBe(false);
    undo();
    type();
    expect(terminal.options.cursorBlink).toBe(false);
  });

  it("never blinks for a learner who asked for reduced motion", () => {
    vi.stubGlobal("matchMedia", (query: string) => ({ matches: query.includes("reduced-motion") }));
    const { terminal, type } = fakeTerminal();
    blinkWhileTyping(terminal, 5000);
    type();
    expect(terminal.options.cursorBlink).toBe(false);
  });
});
