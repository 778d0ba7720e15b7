// The saved machine's IndexedDB connection among several tabs, on fake-indexeddb (a complete in-memory
// IndexedDB): each test gets an empty browser, and "another tab" is a second connection to it.
import "fake-indexeddb/auto";
import { IDBFactory, forceCloseDatabase } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IndexedDbMachineStore, MachineStoreError } from "../../src/saved/machine-store.ts";

const DB = "isolation-lab";

beforeEach(() => {
  vi.stubGlobal("indexedDB", new IDBFactory());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** What another tab sees when it opens the database at `version`: blocked first, or straight in. */
function otherTabOpens(version: number): Promise<{ db: IDBDatabase; wasBlocked: boolean }> {
  return new Promise((resolve, reject) => {
    let wasBlocked = false;
    const request = indexedDB.open(DB, version);
    request.onblocked = () => (wasBlocked = true);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains("machines")) request.result.createObjectStore("machines");
    };
    request.onsuccess = () => resolve({ db: request.result, wasBlocked });
    request.onerror = () => reject(request.error ?? new Error("open failed"));
  });
}

function otherTabDeletes(): Promise<{ wasBlocked: boolean }> {
  return new Promise((resolve, reject) => {
    let wasBlocked = false;
    const request = indexedDB.deleteDatabase(DB);
    request.onblocked = () => (wasBlocked = true);
    request.onsuccess = () => resolve({ wasBlocked });
    request.onerror = () => reject(request.error ?? new Error("delete failed"));
  });
}

describe("IndexedDbMachineStore on IndexedDB", () => {
  it("keeps the saved machine, replaces it, and clears it", async () => {
    const store = new IndexedDbMachineStore();
    expect(await store.load()).toBeUndefined();
    await store.save(new Uint8Array([1, 2, 3]));
    await store.save(new Uint8Array([4, 5]));
    expect(await store.load()).toEqual(new Uint8Array([4, 5]));
    // A second tab reads what the first one saved.
    expect(await new IndexedDbMachineStore().load()).toEqual(new Uint8Array([4, 5]));
    await store.clear();
    expect(await store.load()).toBeUndefined();
  });

  it("lets another tab upgrade the database without blocking it, and then keeps working on the new version", async () => {
    const store = new IndexedDbMachineStore();
    await store.save(new Uint8Array([7]));
    const newer = await otherTabOpens(2);
    expect(newer.wasBlocked).toBe(false);
    newer.db.close();
    // This tab's build still asks for version 1, which no longer exists: it says so instead of hanging.
    await expect(store.load()).rejects.toBeInstanceOf(MachineStoreError);
    // A reloaded tab of the newer build finds the machine the upgrade kept.
    expect(await new IndexedDbMachineStore(2).load()).toEqual(new Uint8Array([7]));
  });

  it("lets another tab delete the database, and reopens a fresh one on its next use", async () => {
    const store = new IndexedDbMachineStore();
    await store.save(new Uint8Array([7]));
    expect(await otherTabDeletes()).toEqual({ wasBlocked: false });
    expect(await store.load()).toBeUndefined();
    await store.save(new Uint8Array([8, 9]));
    expect(await store.load()).toEqual(new Uint8Array([8, 9]));
  });

  it("reports a tab holding an older version open as blocked, and works once that tab lets go", async () => {
    // An older tab that does not close its connection when asked (no versionchange handler).
    const older = await otherTabOpens(1);
    const store = new IndexedDbMachineStore(2);
    const error = await store.save(new Uint8Array([1])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MachineStoreError);
    expect((error as MachineStoreError).kind).toBe("blocked");

    older.db.close();
    await store.save(new Uint8Array([1]));
    expect(await store.load()).toEqual(new Uint8Array([1]));
    // Neither the connection given up on while blocked nor the one in use holds up a later upgrade.
    const later = await otherTabOpens(3);
    expect(later.wasBlocked).toBe(false);
    later.db.close();
  });

  it("opens a new connection when the browser closed the one it had", async () => {
    const opened: IDBOpenDBRequest[] = [];
    const open = indexedDB.open.bind(indexedDB);
    vi.spyOn(indexedDB, "open").mockImplementation((name, version) => {
      const request = open(name, version);
      opened.push(request);
      return request;
    });
    const store = new IndexedDbMachineStore();
    await store.save(new Uint8Array([3]));
    expect(opened).toHaveLength(1);
    // What a browser does when the disk goes away or the learner clears site data.
    forceCloseDatabase(opened[0]!.result as unknown as Parameters<typeof forceCloseDatabase>[0]);
    expect(await store.load()).toEqual(new Uint8Array([3]));
    expect(opened).toHaveLength(2);
  });

  it("says IndexedDB is unavailable where the browser has none", async () => {
    vi.stubGlobal("indexedDB", undefined);
    const error = await new IndexedDbMachineStore().load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MachineStoreError);
    expect((error as MachineStoreError).kind).toBe("unavailable");
  });
});
