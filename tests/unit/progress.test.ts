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
import { ProgressStore, UNREADABLE_PROGRESS_KEY } from "../../src/course/progress-store.ts";

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

  it("writes nothing when it loads, so a build without a pack leaves the pack's progress stored", () => {
    const storage = new MemoryStorage();
    const withPack: Progress = { ...sample, done: { ...sample.done, "pack-only": ["first"] }, answers: { "pack-only/first": "7" } };
    const text = serializeProgress(withPack);
    storage.setItem(PROGRESS_KEY, text);
    const writes: string[] = [];
    const spy = Object.assign(Object.create(storage) as MemoryStorage, {
      setItem: (key: string, value: string) => {
        writes.push(key);
        storage.setItem(key, value);
      },
    });
    const store = new ProgressStore(spy);
    expect(writes).toEqual([]);
    // A change in this build keeps what it does not know.
    store.markDone("chroot", "enter");
    const stored = parseProgress(storage.getItem(PROGRESS_KEY)).progress;
    expect(stored.done["pack-only"]).toEqual(["first"]);
    expect(stored.answers["pack-only/first"]).toBe("7");
  });

  it("keeps an unreadable stored value aside before the first write replaces it", () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, '{"version":1,"done":"from a newer lab"}');
    const store = new ProgressStore(storage);
    expect(store.corruptReason).toMatch(/done/);
    expect(storage.getItem(UNREADABLE_PROGRESS_KEY)).toBeNull();
    store.markDone("chroot", "enter");
    expect(storage.getItem(UNREADABLE_PROGRESS_KEY)).toBe('{"version":1,"done":"from a newer lab"}');
    expect(isStepDone(parseProgress(storage.getItem(PROGRESS_KEY)).progress, "chroot", "enter")).toBe(true);
  });

  it("keeps steps another tab stored meanwhile when it writes", () => {
    const storage = new MemoryStorage();
    const tabA = new ProgressStore(storage);
    const tabB = new ProgressStore(storage);
    tabA.markDone("chroot", "enter");
    tabB.markDone("pid", "unshare"); // B has not heard of A's step: the write merges it
    const stored = parseProgress(storage.getItem(PROGRESS_KEY)).progress;
    expect(isStepDone(stored, "chroot", "enter")).toBe(true);
    expect(isStepDone(stored, "pid", "unshare")).toBe(true);
  });

  it("merges another tab's progress when the storage event arrives, keeping its own position", () => {
    const storage = new MemoryStorage();
    const tabA = new ProgressStore(storage);
    const tabB = new ProgressStore(storage);
    const window = new EventTarget();
    const stop = tabB.watch(window);
    tabB.setPosition({ view: "step", exercise: "pid", step: 1 });
    tabA.setPosition({ view: "step", exercise: "chroot", step: 0 });
    tabA.markDone("chroot", "enter");
    const changes: Progress[] = [];
    tabB.events.on("change", (p) => changes.push(p));
    window.dispatchEvent(Object.assign(new Event("storage"), { key: PROGRESS_KEY, newValue: storage.getItem(PROGRESS_KEY) }));
    expect(isStepDone(tabB.progress, "chroot", "enter")).toBe(true);
    expect(tabB.progress.position).toEqual({ view: "step", exercise: "pid", step: 1 });
    expect(changes).toHaveLength(1);
    // Other keys, a cleared storage and unreadable values change nothing.
    for (const [key, newValue] of [["other", "x"], [PROGRESS_KEY, null], [PROGRESS_KEY, "]]"]] as const) {
      window.dispatchEvent(Object.assign(new Event("storage"), { key, newValue }));
    }
    expect(changes).toHaveLength(1);
    stop();
    tabA.markDone("pid", "unshare");
    window.dispatchEvent(Object.assign(new Event("storage"), { key: PROGRESS_KEY, newValue: storage.getItem(PROGRESS_KEY) }));
    expect(isStepDone(tabB.progress, "pid", "unshare")).toBe(false);
  });

  it("resets deliberately: the reset is not merged back from storage", () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, serializeProgress(sample));
    const store = new ProgressStore(storage);
    store.reset();
    expect(parseProgress(storage.getItem(PROGRESS_KEY)).progress).toEqual({ ...EMPTY_PROGRESS, locale: "ko" });
  });
});
