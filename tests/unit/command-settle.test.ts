import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CommandSettle } from "../../src/session/command-settle.ts";

describe("a learner's command settling", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("settles once the shells have been quiet for a moment after Enter", () => {
    const settled = vi.fn();
    const settle = new CommandSettle(settled, 400);
    settle.noteInput("ls");
    vi.advanceTimersByTime(1000);
    expect(settled).not.toHaveBeenCalled(); // no Enter yet: still typing
    settle.noteInput(new Uint8Array([13]));
    vi.advanceTimersByTime(300);
    settle.noteOutput(); // the command prints
    vi.advanceTimersByTime(300);
    expect(settled).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(settled).toHaveBeenCalledOnce();
    settle.noteOutput(); // output with no command typed since (a background job) does not settle again
    vi.advanceTimersByTime(1000);
    expect(settled).toHaveBeenCalledOnce();
  });

  it("forgets a command whose machine went away", () => {
    const settled = vi.fn();
    const settle = new CommandSettle(settled, 400);
    settle.noteInput("make\n");
    settle.stop();
    vi.advanceTimersByTime(1000);
    expect(settled).not.toHaveBeenCalled();
  });
});
