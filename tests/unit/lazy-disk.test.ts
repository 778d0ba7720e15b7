import { describe, expect, it, vi } from "vitest";
import { LazyDisk } from "../../src/vm/lazy-disk.ts";
import { DiskFeeder } from "../../src/vm/disk-feeder.ts";
import { AssetDownloadError, AssetsMissingError, type AssetSource } from "../../src/vm/asset-source.ts";
import { parseManifest, type ManifestFile } from "../../src/vm/manifest.ts";
import { SAMPLE_MANIFEST } from "./manifest-fixture.ts";

const CHUNK = 1024;
/** Part `index` of a 3.5-part disk, each byte telling its part and place. */
function part(index: number, size = 3.5 * CHUNK): ArrayBuffer {
  const length = Math.min(CHUNK, size - index * CHUNK);
  return Uint8Array.from({ length }, (_, i) => (index * 37 + i) & 0xff).buffer;
}
const byteAt = (offset: number): number => (Math.floor(offset / CHUNK) * 37 + (offset % CHUNK)) & 0xff;

function disk(kept?: number): { disk: LazyDisk; asked: number[] } {
  const asked: number[] = [];
  return { disk: new LazyDisk({ size: 3.5 * CHUNK, chunkSize: CHUNK }, (index) => asked.push(index), kept), asked };
}

describe("the /usr disk in the emulator's core", () => {
  it("asks for each missing part once, and answers a read across parts when the last one arrives", () => {
    const { disk: d, asked } = disk();
    const first = vi.fn<(data: Uint8Array) => void>();
    const second = vi.fn<(data: Uint8Array) => void>();
    d.get(CHUNK - 256, 512, first);
    d.get(CHUNK, 256, second);
    expect(asked).toEqual([0, 1]);
    d.receive(1, part(1));
    expect(second).toHaveBeenCalledOnce();
    expect(first).not.toHaveBeenCalled();
    d.receive(0, part(0));
    const data = first.mock.calls[0]![0];
    expect([...data]).toEqual(Array.from({ length: 512 }, (_, i) => byteAt(CHUNK - 256 + i)));
    expect(asked).toEqual([0, 1]);
  });

  it("answers at once from parts it holds, including the short last part", () => {
    const { disk: d, asked } = disk();
    d.receive(3, part(3));
    const read = vi.fn<(data: Uint8Array) => void>();
    d.get(3 * CHUNK, 512, read);
    expect(asked).toEqual([]);
    expect([...read.mock.calls[0]![0]]).toEqual(Array.from({ length: 512 }, (_, i) => byteAt(3 * CHUNK + i)));
    expect(d.get_from_cache(0, 512)).toBeUndefined();
  });

  it("ignores a part of the wrong size rather than serve wrong bytes", () => {
    const { disk: d } = disk();
    const read = vi.fn<(data: Uint8Array) => void>();
    d.get(0, 256, read);
    d.receive(0, new ArrayBuffer(100));
    expect(read).not.toHaveBeenCalled();
  });

  it("keeps only the most recently used parts, and asks again for one it let go", () => {
    const { disk: d, asked } = disk(2);
    for (const index of [0, 1, 2]) d.receive(index, part(index));
    const read = vi.fn<(data: Uint8Array) => void>();
    d.get(0, 256, read);
    expect(asked).toEqual([0]);
    d.receive(0, part(0));
    expect(read).toHaveBeenCalledOnce();
    d.get(2 * CHUNK, 256, read); // part 2 was used after part 1
    expect(asked).toEqual([0]);
  });

  it("lays blocks the guest wrote over the parts and carries them in its state", () => {
    const { disk: d } = disk();
    d.receive(0, part(0));
    const done = vi.fn();
    d.set(256, new Uint8Array(256).fill(0xee), done);
    expect(done).toHaveBeenCalledOnce();
    const state = d.get_state();
    expect(state[0].map(([index]) => index)).toEqual([1]);
    const { disk: restored } = disk();
    restored.set_state(state);
    restored.receive(0, part(0));
    expect([...restored.get_from_cache(0, 768)!.subarray(250, 262)]).toEqual([...Array.from({ length: 6 }, (_, i) => byteAt(250 + i)), ...Array<number>(6).fill(0xee)]);
  });
});

describe("the /usr disk's parts on the host", () => {
  const manifest = parseManifest(SAMPLE_MANIFEST);
  function source(load: (file: ManifestFile) => Promise<ArrayBuffer>): AssetSource {
    return { loadManifest: () => Promise.resolve(SAMPLE_MANIFEST), load };
  }

  it("sends parts loaded ahead once the emulator runs, and what the guest asks for as it arrives", async () => {
    const load = vi.fn((file: ManifestFile) => Promise.resolve(new TextEncoder().encode(file.path).buffer));
    const feeder = new DiskFeeder(manifest.disk, source(load), () => undefined, new AbortController().signal);
    feeder.prefetch([1, 7]);
    await vi.waitFor(() => expect(load).toHaveBeenCalledOnce());
    const sent: [number, string][] = [];
    feeder.attach((index, data) => sent.push([index, new TextDecoder().decode(data)]));
    expect(sent).toEqual([[1, "usr-262144-524288.img"]]);
    feeder.need(0);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual([0, "usr-0-262144.img"]);
    expect([...feeder.asked]).toEqual([0]);
  });

  it("tries a failed part again, and fails the machine with the part's name when it keeps failing", async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const failures: Error[] = [];
      const feeder = new DiskFeeder(
        manifest.disk,
        source(() => {
          calls++;
          return Promise.reject(new AssetDownloadError("Downloading usr-0-262144.img failed: HTTP 503"));
        }),
        (error) => failures.push(error),
        new AbortController().signal,
      );
      feeder.attach(() => undefined);
      feeder.need(0);
      await vi.advanceTimersByTimeAsync(5000);
      expect(calls).toBe(3);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toBeInstanceOf(AssetDownloadError);
      expect(failures[0]!.message).toMatch(/^Part 1 of 2 of the \/usr disk could not be loaded: .*HTTP 503/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not ask again for a missing part, nor for one beyond the disk", async () => {
    const failures: Error[] = [];
    const load = vi.fn(() => Promise.reject(new AssetsMissingError("/guest/usr-0-262144.img was not found")));
    const feeder = new DiskFeeder(manifest.disk, source(load), (error) => failures.push(error), new AbortController().signal);
    feeder.need(0);
    feeder.need(5);
    await vi.waitFor(() => expect(failures).toHaveLength(2));
    expect(load).toHaveBeenCalledOnce();
    expect(failures.map((e) => e.message)).toEqual([
      "the guest read part 5 of the /usr disk, which has 2",
      "Part 1 of 2 of the /usr disk could not be loaded: /guest/usr-0-262144.img was not found",
    ]);
  });
});
