// The class's durable storage: an append-only file of JSON lines, one record per line, made durable with
// fsync before anyone is told a record is stored. Records that arrive while a write is on its way are
// written together with the next one and a single fsync (group commit), so 30 students sending an event a
// second cost a few fsyncs a second, not thirty. Reading it back replays every record in order; a last
// line cut short by a crash mid-write is dropped (it was never acknowledged) and cut off the file.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import path from "node:path";

export interface LogContents<T> {
  readonly records: T[];
  /** Lines that could not be read (not JSON, or refused by `parse`), with their line numbers. */
  readonly skipped: readonly { readonly line: number; readonly reason: string }[];
}

/** Reads a log written by EventLog; `parse` checks each record's shape. A missing file is an empty log. */
export function readLog<T>(file: string, parse: (value: unknown) => T): LogContents<T> {
  if (!existsSync(file)) return { records: [], skipped: [] };
  const text = readFileSync(file, "utf8");
  const records: T[] = [];
  const skipped: { line: number; reason: string }[] = [];
  const lines = text.split("\n");
  // Everything up to the last newline was written whole; bytes after it are a torn final write.
  const complete = lines.slice(0, -1);
  const torn = lines.at(-1) ?? "";
  complete.forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      records.push(parse(JSON.parse(line)));
    } catch (error) {
      skipped.push({ line: index + 1, reason: error instanceof Error ? error.message.split("\n")[0]! : String(error) });
    }
  });
  if (torn !== "") {
    truncateSync(file, Buffer.byteLength(text) - Buffer.byteLength(torn));
    skipped.push({ line: complete.length + 1, reason: "incomplete last line (a write cut short), removed" });
  }
  return { records, skipped };
}

export class EventLog<T> {
  private pending: { line: string; done: () => void; failed: (error: Error) => void }[] = [];
  private writing: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    readonly file: string,
  ) {}

  /** Opens (creating) the log for appending; the folder is created too. */
  static async open<T>(file: string): Promise<EventLog<T>> {
    mkdirSync(path.dirname(file), { recursive: true });
    const handle = await open(file, "a");
    // The file's directory entry must survive a power cut as well as its contents.
    const dir = openSync(path.dirname(file), "r");
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return new EventLog<T>(handle, file);
  }

  /** Resolves once the record is on disk (written and fsynced). */
  append(record: T): Promise<void> {
    if (this.closed) return Promise.reject(new Error("the class log is closed"));
    const line = `${JSON.stringify(record)}\n`;
    return new Promise((done, failed) => {
      this.pending.push({ line, done, failed });
      this.writing ??= this.drain();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.writing;
    await this.handle.close();
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.handle.write(batch.map((p) => p.line).join(""));
        await this.handle.sync();
        for (const p of batch) p.done();
      } catch (error) {
        for (const p of batch) p.failed(error instanceof Error ? error : new Error(String(error)));
      }
    }
    this.writing = undefined;
  }
}
