// The stored course progress: reading it back (also when it is damaged or from another version),
// updating it, fitting it to the current content, and the store that saves every change.
import { describe, expect, it } from "vitest";
import {
  EMPTY_PROGRESS,
  PROGRESS_KEY,
  isStepDone,
  parseProgress,
  reconcileProgress,
  serializeProgress,
  withAnswer,
  withStepDone,
  type Progress,
} from "../../src/course/progress.ts";
import { ProgressStore } from "../../src/course/progress-store.ts";

class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  failWrites = false;
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new Error("QuotaExceededError");
    this.items.set(key, value);
  }
}

const sample: Progress = {
  locale: "ko",
  position: { view: "step", exercise: "chroot", step: 1 },
  done: { chroot: ["build-rootfs"] },
  answers: { "chroot/enter": "42" },
};

describe("parseProgress", () => {
  it("starts empty when nothing was stored", () => {
    expect(parseProgress(null)).toEqual({ kind: "empty", progress: EMPTY_PROGRESS });
  });

  it("reads back what it wrote", () => {
    expect(parseProgress(serializeProgress(sample))).toEqual({ kind: "ok", progress: sample });
  });

  it("ignores text that is not JSON, saying why", () => {
    const parsed = parseProgress("{not json");
    expect(parsed.kind).toBe("corrupt");
    expect(parsed.progress).toEqual(EMPTY_PROGRESS);
  });

  it.each([
    ["another version", JSON.stringify({ ...JSON.parse(serializeProgress(sample)), version: 2 })],
    ["no version", JSON.stringify({ position: { view: "overview" }, done: {}, answers: {} })],
    ["an unknown locale", serializeProgress(sample).replace('"ko"', '"fr"')],
    ["a negative step", serializeProgress({ ...sample, position: { view: "step", exercise: "x", step: -1 } })],
    ["done steps that are not a list", JSON.stringify({ version: 1, position: { view: "overview" }, done: { a: "b" }, answers: {} })],
    ["null", "null"],
    ["an array", "[]"],
  ])("ignores progress with %s", (_, stored) => {
    const parsed = parseProgress(stored);
    expect(parsed.kind).toBe("corrupt");
    expect(parsed.progress).toEqual(EMPTY_PROGRESS);
  });
});

describe("updating progress", () => {
  it("marks a step done once", () => {
    const once = withStepDone(EMPTY_PROGRESS, "chroot", "enter");
    expect(isStepDone(once, "chroot", "enter")).toBe(true);
    expect(isStepDone(once, "chroot", "escape")).toBe(false);
    expect(withStepDone(once, "chroot", "enter")).toBe(once);
  });

  it("keeps answers per exercise and step", () => {
    expect(withAnswer(EMPTY_PROGRESS, "a", "b", "7").answers).toEqual({ "a/b": "7" });
  });

  it("drops exercises, steps and answers the course no longer has, and a position past the end", () => {
    const course = new Map([["chroot", ["build-rootfs"]]]);
    const stored: Progress = {
      position: { view: "step", exercise: "chroot", step: 3 },
      done: { chroot: ["build-rootfs", "gone", "build-rootfs"], removed: ["x"] },
      answers: { "chroot/gone": "1", "chroot/build-rootfs": "2" },
    };
    expect(reconcileProgress(stored, course)).toEqual({
      position: { view: "overview" },
      done: { chroot: ["build-rootfs"] },
      answers: { "chroot/build-rootfs": "2" },
    });
  });
});

describe("ProgressStore", () => {
  it("restores saved progress and saves every change under the versioned key", () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, serializeProgress(sample));
    const store = new ProgressStore(storage);
    expect(store.progress).toEqual(sample);
    expect(store.corruptReason).toBeUndefined();

    const changes: Progress[] = [];
    store.events.on("change", (p) => changes.push(p));
    store.markDone("chroot", "enter");
    store.setLocale("en");
    expect(changes).toHaveLength(2);
    expect(parseProgress(storage.getItem(PROGRESS_KEY)).progress).toEqual(store.progress);
    expect(new ProgressStore(storage).progress.locale).toBe("en");
  });

  it("reports corrupt progress and starts afresh", () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, "]]");
    const store = new ProgressStore(storage);
    expect(store.corruptReason).toBeTruthy();
    expect(store.progress).toEqual(EMPTY_PROGRESS);
  });

  it("resets everything but the language", () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, serializeProgress(sample));
    const store = new ProgressStore(storage);
    store.reset();
    expect(store.progress).toEqual({ ...EMPTY_PROGRESS, locale: "ko" });
  });

  it("keeps working in memory when storage refuses writes or is missing", () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const store = new ProgressStore(storage);
    store.markDone("a", "b");
    expect(isStepDone(store.progress, "a", "b")).toBe(true);
    const noStorage = new ProgressStore(undefined);
    noStorage.setPosition({ view: "step", exercise: "a", step: 0 });
    expect(noStorage.progress.position).toEqual({ view: "step", exercise: "a", step: 0 });
  });
});
