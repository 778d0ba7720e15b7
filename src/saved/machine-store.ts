// Where the browser keeps the learner's saved machine: one record in IndexedDB (localStorage is far too
// small for ~10 MB), through `idb`. A save is one put in one transaction that must commit, so a save that
// fails (a full disk, a quota) leaves the previous saved machine intact.
// The connection is shared with other tabs of the lab: when one of them (a newer build) upgrades the
// database or deletes it, this tab closes its connection at once so that tab is not blocked, and opens a
// new one on its next use. When this tab is the one blocked (an older tab keeps the database open), the
// save fails with a problem that says so instead of waiting forever.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from "idb";
import { LabError } from "../shared/lab-error.ts";

export interface MachineStore {
  /** The saved machine's bytes (see machine-envelope.ts), or undefined when none was saved. */
  load(): Promise<Uint8Array | undefined>;
  /** Replaces the saved machine; throws MachineStoreError. */
  save(bytes: Uint8Array): Promise<void>;
  clear(): Promise<void>;
}

export type MachineStoreProblem =
  /** The browser's storage quota is used up (QuotaExceededError). */
  | "quota"
  /** IndexedDB is not available (disabled, private mode in some browsers). */
  | "unavailable"
  /** Another tab keeps an older version of the database open, so this tab cannot open its own. */
  | "blocked"
  | "failed";

export class MachineStoreError extends LabError<MachineStoreProblem> {
  override readonly name = "MachineStoreError";
}

const DB_NAME = "isolation-lab";
/** Raise when the schema changes; `upgrade` below must then bring every older version up to date. */
const DB_VERSION = 1;
const STORE = "machines";
const KEY = "current";

interface LabDatabase extends DBSchema {
  machines: { key: string; value: Uint8Array | ArrayBuffer | Blob };
}

type Database = IDBPDatabase<LabDatabase>;
type WritableStore = IDBPObjectStore<LabDatabase, ["machines"], "machines", "readwrite">;

export class IndexedDbMachineStore implements MachineStore {
  private db: Promise<Database> | undefined;

  /** `version`: the database's version (a newer build of the lab opens a higher one). */
  constructor(private readonly version = DB_VERSION) {}

  async load(): Promise<Uint8Array | undefined> {
    const value = await this.withDb((db) => db.get(STORE, KEY));
    if (value instanceof Uint8Array) return value;
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    if (value instanceof Blob) return new Uint8Array(await value.arrayBuffer());
    return undefined;
  }

  async save(bytes: Uint8Array): Promise<void> {
    await this.write((store) => store.put(bytes, KEY));
  }

  async clear(): Promise<void> {
    await this.write((store) => store.delete(KEY));
  }

  /** The data is only safe once the transaction commits; a quota error shows up as its abort. */
  private write(change: (store: WritableStore) => Promise<unknown>): Promise<void> {
    return this.withDb(async (db) => {
      const transaction = db.transaction(STORE, "readwrite");
      await Promise.all([change(transaction.store), transaction.done]);
    });
  }

  /**
   * Runs `use` on the open connection. A connection that closed under it (another tab's upgrade, the
   * browser) is replaced once and `use` runs again on the new one.
   */
  private async withDb<T>(use: (db: Database) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const opening = this.open();
      const db = await opening;
      try {
        return await use(db);
      } catch (error) {
        const closed = error instanceof DOMException && error.name === "InvalidStateError";
        if (closed && attempt === 0) {
          this.forget(opening);
          continue;
        }
        throw toStoreError(error);
      }
    }
  }

  private open(): Promise<Database> {
    if (this.db) return this.db;
    // idb opens through the global indexedDB (a test installs its own).
    if (typeof indexedDB === "undefined") return Promise.reject(new MachineStoreError("unavailable", "this browser does not offer IndexedDB"));
    let given = false;
    const opening = new Promise<Database>((resolve, reject) => {
      const give = (outcome: () => void): void => {
        if (given) return;
        given = true;
        outcome();
      };
      openDB<LabDatabase>(DB_NAME, this.version, {
        upgrade(db) {
          if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
        },
        blocked: () => give(() => reject(new MachineStoreError("blocked", "another tab of the lab keeps an older version of its database open"))),
        blocking: (_current, _wanted, event) => {
          // Another tab wants to upgrade or delete the database: let it, and reopen on the next use.
          (event.target as IDBDatabase).close();
          this.forget(opening);
        },
        terminated: () => this.forget(opening),
      }).then(
        (db) => {
          // Given up on (blocked) before it opened: nobody will use this connection, so it must not hold the database.
          if (given) db.close();
          else give(() => resolve(db));
        },
        (error: unknown) => give(() => reject(toStoreError(error))),
      );
    });
    this.db = opening;
    // A failed open is not kept: the next call tries again (e.g. after the learner freed space).
    opening.catch(() => this.forget(opening));
    return opening;
  }

  /** Drops `opening` as the connection to use (only if it still is one: a newer one may have replaced it). */
  private forget(opening: Promise<Database>): void {
    if (this.db === opening) this.db = undefined;
  }
}

export function toStoreError(error: unknown): MachineStoreError {
  if (error instanceof MachineStoreError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  const message = error instanceof Error || error instanceof DOMException ? error.message : typeof error === "string" ? error : "unknown error";
  if (name === "QuotaExceededError") return new MachineStoreError("quota", message);
  if (name === "SecurityError" || name === "InvalidStateError") return new MachineStoreError("unavailable", message);
  return new MachineStoreError("failed", message || name);
}
