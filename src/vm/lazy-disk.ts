// The /usr disk as v86 sees it, inside the emulator's core: a disk buffer (v86 takes any object with
// load/get/set as one) whose fixed-size parts arrive by message from the host, which loads them through
// its AssetSource (verified against the manifest, like every guest file; see disk-feeder.ts).
//
// Why not v86's own `use_parts` disk: it fetches each part itself only when the guest reads it, so every
// first read of a program waits for one more request in turn (the guest's IDE queue holds one read), it
// cannot be told which parts a boot is about to need, and a part that fails to load leaves the guest's
// read hanging with nothing said. It also keeps every part it ever read as 256-byte blocks.
// Here the host sends the parts a boot or a resume reads before it is asked (the build measures them),
// a failed part fails the machine with a message, and only the most recently used parts are kept: the
// guest's page cache holds what it reads, so a part evicted here is only fetched again (from the
// service worker's cache) if the guest drops that page and reads it once more.

/** The disk's shape, as the manifest gives it. */
export interface DiskGeometry {
  readonly size: number;
  readonly chunkSize: number;
}

/** v86 splits its disks' state into 256-byte blocks; the written ones are what a saved state carries. */
const BLOCK = 256;
/** How many parts stay in memory after their last read (a read spans at most a couple). */
export const KEPT_PARTS = 48;

export class LazyDisk {
  readonly byteLength: number;
  onload: ((event: object) => void) | undefined;
  onprogress: ((event: object) => void) | undefined;
  /** Loaded parts by index, least recently used first (a Map keeps insertion order). */
  private readonly parts = new Map<number, Uint8Array>();
  /** Reads waiting for a part, by the part's index; a part is asked for once, when its first reader waits. */
  private readonly waiting = new Map<number, (() => void)[]>();
  /**
   * 256-byte blocks the guest wrote, by block index. /usr is mounted read-only, so this stays empty; it
   * is kept (and saved, in v86's own format) so that a write could never be silently lost.
   */
  private written = new Map<number, Uint8Array>();

  constructor(
    private readonly geometry: DiskGeometry,
    /** Asks the host for a part the guest is waiting for. */
    private readonly request: (index: number) => void,
    private readonly kept = KEPT_PARTS,
  ) {
    this.byteLength = geometry.size;
  }

  /** v86 calls this once, before the machine starts: nothing needs loading up front. */
  load(): void {
    this.onload?.(Object.create(null) as object);
  }

  /** A part from the host: kept, and every read that waited for it goes on. */
  receive(index: number, data: ArrayBuffer): void {
    if (data.byteLength !== this.partLength(index)) return;
    this.keep(index, new Uint8Array(data));
    const readers = this.waiting.get(index);
    this.waiting.delete(index);
    for (const reader of readers ?? []) reader();
  }

  /** v86's read: `length` bytes at `offset` (both multiples of 256), handed to `done` when all its parts are here. */
  get(offset: number, length: number, done: (data: Uint8Array) => void): void {
    const missing = this.partsOf(offset, length).filter((index) => !this.parts.has(index));
    if (missing.length === 0) {
      done(this.read(offset, length));
      return;
    }
    let left = missing.length;
    // Ask again when the last part arrives: one received before it may have been evicted meanwhile.
    const onePart = (): void => {
      if (--left === 0) this.get(offset, length, done);
    };
    for (const index of missing) {
      const readers = this.waiting.get(index);
      if (readers) readers.push(onePart);
      else {
        this.waiting.set(index, [onePart]);
        this.request(index);
      }
    }
  }

  get_and_cache(offset: number, length: number, done: (data: Uint8Array) => void): void {
    this.get(offset, length, done);
  }

  /** The bytes if every part they span is loaded (v86 reads the first sector this way for the geometry). */
  get_from_cache(offset: number, length: number): Uint8Array | undefined {
    return this.partsOf(offset, length).every((index) => this.parts.has(index)) ? this.read(offset, length) : undefined;
  }

  set(offset: number, data: Uint8Array, done: () => void): void {
    for (let at = 0; at < data.length; at += BLOCK) this.written.set((offset + at) / BLOCK, data.slice(at, at + BLOCK));
    done();
  }

  get_buffer(done: (buffer?: ArrayBuffer) => void): void {
    done(undefined);
  }

  /** v86's state for a lazily loaded disk: the blocks written, as [block index, bytes] pairs. */
  get_state(): [[number, Uint8Array][]] {
    return [[...this.written]];
  }

  set_state(state: [[number, Uint8Array][]]): void {
    this.written = new Map(state[0].map(([index, block]) => [index, block.slice()]));
  }

  private partLength(index: number): number {
    return Math.min(this.geometry.chunkSize, this.geometry.size - index * this.geometry.chunkSize);
  }

  private partsOf(offset: number, length: number): number[] {
    const { chunkSize } = this.geometry;
    const indexes: number[] = [];
    for (let index = Math.floor(offset / chunkSize); index * chunkSize < offset + length; index++) indexes.push(index);
    return indexes;
  }

  private keep(index: number, data: Uint8Array): void {
    this.parts.delete(index);
    this.parts.set(index, data);
    for (const oldest of this.parts.keys()) {
      if (this.parts.size <= this.kept) break;
      this.parts.delete(oldest);
    }
  }

  /** Copies the bytes out of their parts (v86 may keep what it is given) and lays written blocks over them. */
  private read(offset: number, length: number): Uint8Array {
    const { chunkSize } = this.geometry;
    const out = new Uint8Array(length);
    for (const index of this.partsOf(offset, length)) {
      const part = this.parts.get(index)!;
      this.keep(index, part); // now the most recently used
      const start = Math.max(offset, index * chunkSize);
      const end = Math.min(offset + length, index * chunkSize + part.length);
      out.set(part.subarray(start - index * chunkSize, end - index * chunkSize), start - offset);
    }
    if (this.written.size > 0) {
      for (let at = 0; at < length; at += BLOCK) {
        const block = this.written.get((offset + at) / BLOCK);
        if (block) out.set(block, at);
      }
    }
    return out;
  }
}
