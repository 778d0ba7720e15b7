// Where the browser keeps the learner's saved machine: one record in IndexedDB (localStorage is far too
// small for ~10 MB). A save is one put in one transaction, so a save that fails (a full disk, a quota)
// leaves the previous saved machine intact.
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
  | "failed";

export class MachineStoreError extends LabError<MachineStoreProblem> {
  override readonly name = "MachineStoreError";
}

const DB_NAME = "isolation-lab";
const DB_VERSION = 1;
const STORE = "machines";
const KEY = "current";

export class IndexedDbMachineStore implements MachineStore {
  private db: Promise<IDBDatabase> | undefined;

  constructor(private readonly factory: IDBFactory | undefined = globalThis.indexedDB) {}

  async load(): Promise<Uint8Array | undefined> {
    const value = await this.request("readonly", (store) => store.get(KEY));
    if (value instanceof Uint8Array) return value;
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    if (value instanceof Blob) return new Uint8Array(await value.arrayBuffer());
    return undefined;
  }

  async save(bytes: Uint8Array): Promise<void> {
    await this.request("readwrite", (store) => store.put(bytes, KEY));
  }

  async clear(): Promise<void> {
    await this.request("readwrite", (store) => store.delete(KEY));
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (!this.factory) {
        reject(new MachineStoreError("unavailable", "this browser does not offer IndexedDB"));
        return;
      }
      let request: IDBOpenDBRequest;
      try {
        request = this.factory.open(DB_NAME, DB_VERSION);
      } catch (error) {
        reject(toStoreError(error));
        return;
      }
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(toStoreError(request.error));
      request.onblocked = () => reject(new MachineStoreError("unavailable", "another tab holds an older version of the lab's database"));
    });
    // A failed open is not cached: the next call tries again (e.g. after the learner freed space).
    this.db.catch(() => (this.db = undefined));
    return this.db;
  }

  private async request(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
    const db = await this.open();
    return new Promise((resolve, reject) => {
      let result: unknown;
      let transaction: IDBTransaction;
      try {
        transaction = db.transaction(STORE, mode);
        const request = run(transaction.objectStore(STORE));
        request.onsuccess = () => {
          result = request.result as unknown;
        };
      } catch (error) {
        reject(toStoreError(error));
        return;
      }
      // The data is only safe once the transaction commits; a quota error shows up as its abort.
      transaction.oncomplete = () => resolve(result);
      transaction.onabort = () => reject(toStoreError(transaction.error));
      transaction.onerror = () => reject(toStoreError(transaction.error));
    });
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
