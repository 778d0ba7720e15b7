// SavedWork with a fake session and an in-memory store: what it tells the autosave, and files it refuses
// before reading them.
import { describe, expect, it } from "vitest";
import { ProgressStore } from "../../src/course/progress-store.ts";
import type { MachineStore } from "../../src/saved/machine-store.ts";
import { SavedWork, type WorkChange } from "../../src/saved/saved-work.ts";
import type { VmSession, VmSessionEvents } from "../../src/session/vm-session.ts";
import { TypedEvents } from "../../src/shared/typed-events.ts";

class FakeSession {
  readonly events = new TypedEvents<VmSessionEvents>();
  readonly state = { phase: "ready", mode: "restore", bootMs: 1, bootId: "b" } as const;
  maxStateBytes(): Promise<number> {
    return Promise.resolve(1_000_000);
  }
}

class MemoryStore implements MachineStore {
  bytes: Uint8Array | undefined;
  load(): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.bytes);
  }
  save(bytes: Uint8Array): Promise<void> {
    this.bytes = bytes;
    return Promise.resolve();
  }
  clear(): Promise<void> {
    this.bytes = undefined;
    return Promise.resolve();
  }
}

function savedWork() {
  const session = new FakeSession();
  const progress = new ProgressStore(undefined);
  const work = new SavedWork({
    session: session as unknown as VmSession,
    store: new MemoryStore(),
    progress,
    course: new Map([["chroot", ["build-rootfs", "enter"]]]),
  });
  return { session, progress, work };
}

describe("SavedWork", () => {
  it("tells the autosave when a step is done, when the learner types and when the console shows something", () => {
    const { session, progress, work } = savedWork();
    const changes: WorkChange[] = [];
    const stop = work.watchWork((change) => changes.push(change));
    progress.markDone("chroot", "enter");
    progress.setPosition({ view: "overview" }); // not a step done
    progress.markDone("chroot", "enter"); // already done
    session.events.emit("input", undefined);
    session.events.emit("console", new Uint8Array([0x6c]));
    expect(changes).toEqual(["step-done", "input", "output"]);
    stop();
    progress.markDone("chroot", "build-rootfs");
    expect(changes).toHaveLength(3);
  });

  it("refuses a file larger than this guest's machine can be without reading it", async () => {
    const { work } = savedWork();
    let read = false;
    const file = {
      name: "huge.islab",
      size: 600 * 1024 * 1024,
      arrayBuffer: () => {
        read = true;
        return Promise.resolve(new ArrayBuffer(0));
      },
    } as unknown as File;
    await work.importFile(file);
    expect(read).toBe(false);
    expect(work.problem).toMatchObject({ kind: "import-corrupt", fileName: "huge.islab" });
  });
});

/** A session whose machine can be saved, with a learner cgroup holding `processes` of at most 512. */
class SavableSession extends FakeSession {
  processes = 3;
  readonly vm = {
    agent: {
      read: () =>
        Promise.resolve({
          exitCode: 0,
          signal: 0,
          stdout: new TextEncoder().encode(`processes ${this.processes}\nlimit 512\npids.max 0\nmemory.oom_kill 0\n`),
          stderr: new Uint8Array(),
          truncated: false,
          durationMs: 1,
        }),
    },
  };
  saveState(): Promise<ArrayBuffer> {
    const state = new Uint8Array(1024);
    new DataView(state.buffer).setUint32(0, 0x86768676, true);
    return Promise.resolve(state.buffer);
  }
  origin() {
    return Promise.resolve({ v86Version: "0.5.462", machine: "m", inputsKey: "k" });
  }
  consoleText(): string {
    return "$ ";
  }
  start(): Promise<void> {
    return Promise.resolve();
  }
}

describe("SavedWork under a fork bomb", () => {
  function savable() {
    const session = new SavableSession();
    const store = new MemoryStore();
    const work = new SavedWork({ session: session as unknown as VmSession, store, progress: new ProgressStore(undefined), course: new Map() });
    work.startFresh();
    return { session, store, work };
  }

  it("does not let an automatic save replace the saved machine while the learner's processes fill their cgroup", async () => {
    const { session, store, work } = savable();
    expect(await work.save("automatic")).toBe(true);
    const beforeTheBomb = store.bytes;
    session.processes = 500;
    expect(await work.save("automatic")).toBe(false);
    expect(store.bytes).toBe(beforeTheBomb);
    expect(work.problem).toBeUndefined();
  });

  it("saves the machine as it is when the learner asks for it, and the next page's offer says so", async () => {
    const { session, store, work } = savable();
    session.processes = 500;
    expect(await work.save()).toBe(true);
    expect(store.bytes).toBeDefined();

    const nextPage = new SavedWork({ session: session as unknown as VmSession, store, progress: new ProgressStore(undefined), course: new Map() });
    await nextPage.startup();
    expect(nextPage.phase).toMatchObject({ kind: "offer", learnerRunaway: true });
  });

  it("offers a machine saved with a healthy shell without the warning", async () => {
    const { session, store, work } = savable();
    expect(await work.save()).toBe(true);
    const nextPage = new SavedWork({ session: session as unknown as VmSession, store, progress: new ProgressStore(undefined), course: new Map() });
    await nextPage.startup();
    expect(nextPage.phase).toMatchObject({ kind: "offer", learnerRunaway: false });
  });
});

