// The host's side of the /usr disk (lazy-disk.ts is the emulator's): loads its parts through the
// AssetSource, verified like every guest file, and hands them to the emulator. The parts a boot or a
// resume reads before the guest first answers (the image build measures them; manifest `disk.prefetch`)
// are loaded together as the machine starts, beside its other files, instead of one after another as
// the guest asks; any other part is loaded when the guest asks for it.
import { AssetDownloadError, AssetsMissingError, type AssetSource } from "./asset-source.ts";
import type { GuestManifest } from "./manifest.ts";
import { errorText } from "../shared/error-text.ts";

/** A part that fails to load is tried this many times in all, a second apart (a network that blinked). */
const ATTEMPTS = 3;
const RETRY_MS = 1000;

export class DiskFeeder {
  /** Parts the guest asked for, in the order it asked (not those sent ahead): what the build measures. */
  readonly asked = new Set<number>();
  private readonly loading = new Set<number>();
  /** Parts loaded before the emulator could take them. */
  private readonly early = new Map<number, ArrayBuffer>();
  private send: ((index: number, data: ArrayBuffer) => void) | undefined;

  constructor(
    private readonly disk: GuestManifest["disk"],
    private readonly assets: AssetSource,
    /** A part could not be loaded: the guest's read would wait for ever, so the machine fails. */
    private readonly onFailure: (error: Error) => void,
    private readonly signal: AbortSignal,
  ) {}

  /** Starts loading parts the guest is about to read (unknown indexes are ignored). */
  prefetch(indexes: readonly number[]): void {
    for (const index of indexes) if (index >= 0 && index < this.disk.parts.length) void this.load(index);
  }

  /** The emulator runs: parts go to it from now on, starting with those that arrived before. */
  attach(send: (index: number, data: ArrayBuffer) => void): void {
    this.send = send;
    for (const [index, data] of this.early) send(index, data);
    this.early.clear();
  }

  /** The guest waits for a part. */
  need(index: number): void {
    this.asked.add(index);
    if (index < 0 || index >= this.disk.parts.length) {
      this.onFailure(new AssetDownloadError(`the guest read part ${index} of the /usr disk, which has ${this.disk.parts.length}`));
      return;
    }
    void this.load(index);
  }

  private async load(index: number): Promise<void> {
    if (this.loading.has(index)) return;
    this.loading.add(index);
    const part = this.disk.parts[index]!;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const data = await this.assets.load(part, undefined, this.signal);
          if (this.signal.aborted) return;
          if (this.send) this.send(index, data);
          else this.early.set(index, data);
          return;
        } catch (error) {
          // A missing part (a server pointed at another build) will not appear by asking again.
          if (this.signal.aborted) return;
          if (attempt >= ATTEMPTS || error instanceof AssetsMissingError) throw error;
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
    } catch (error) {
      this.onFailure(new AssetDownloadError(`Part ${index + 1} of ${this.disk.parts.length} of the /usr disk could not be loaded: ${errorText(error)}`));
    } finally {
      this.loading.delete(index);
    }
  }
}
