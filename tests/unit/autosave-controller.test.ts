// When the autosave saves, with fake timers, a fake host and a SavedWork that counts saves.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AutosaveController } from "../../src/saved/autosave-controller.ts";
import type { SavedWork, SaveReason, WorkChange } from "../../src/saved/saved-work.ts";

class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {}
  readonly updateComplete = Promise.resolve(true);
  connect(): void {
    for (const c of this.controllers) c.hostConnected?.();
  }
  disconnect(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

class FakeWork {
  saves = 0;
  readonly reasons = new Set<SaveReason>();
  listeners = new Set<(change: WorkChange) => void>();
  watchWork(listener: (change: WorkChange) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  save(reason: SaveReason = "learner"): Promise<boolean> {
    this.saves++;
    this.reasons.add(reason);
    return Promise.resolve(true);
  }
  change(change: WorkChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

function setup(visible = true) {
  const host = new FakeHost();
  const work = new FakeWork();
  const page = new EventTarget();
  let isVisible = visible;
  new AutosaveController(host, () => work as unknown as SavedWork, {
    intervalMs: 60_000,
    idleMs: 5_000,
    visible: () => isVisible,
    visibilityTarget: page,
  });
  host.connect();
  return { host, work, page, hide: () => ((isVisible = false), page.dispatchEvent(new Event("visibilitychange"))) };
}

describe("AutosaveController", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves as soon as a step is done", () => {
    const { work } = setup();
    work.change("step-done");
    expect(work.saves).toBe(1);
    // As an automatic save, which a fork bomb in the learner's shell holds back (see SavedWork).
    expect([...work.reasons]).toEqual(["automatic"]);
  });

  it("saves once the console has been quiet for a while after the learner typed, not on every key", () => {
    const { work } = setup();
    for (let i = 0; i < 10; i++) {
      work.change(i < 3 ? "input" : "output"); // typing, then a command printing
      vi.advanceTimersByTime(1_000);
    }
    expect(work.saves).toBe(0);
    vi.advanceTimersByTime(4_000);
    expect(work.saves).toBe(1);
    vi.advanceTimersByTime(30_000);
    expect(work.saves).toBe(1);
  });

  it("does not save for output alone (a boot log, a restored console)", () => {
    const { work } = setup();
    work.change("output");
    vi.advanceTimersByTime(59_000);
    expect(work.saves).toBe(0);
  });

  it("saves every interval while visible, and tries when the page is hidden", () => {
    const { work, hide } = setup();
    vi.advanceTimersByTime(60_000);
    expect(work.saves).toBe(1);
    hide();
    expect(work.saves).toBe(2);
    vi.advanceTimersByTime(60_000);
    expect(work.saves).toBe(2);
  });

  it("stops everything when its element leaves the page", () => {
    const { host, work } = setup();
    work.change("input");
    host.disconnect();
    expect(work.listeners.size).toBe(0);
    vi.advanceTimersByTime(10 * 60_000);
    expect(work.saves).toBe(0);
  });
});
