// What the restore's memory saving relies on (src/vm/fresh-memory-zeroing.ts): when v86 restores a state
// into a machine it has just set up, it has written nothing to guest RAM above the first MiB (the BIOS and
// VGA BIOS lie below it). If a new v86 wrote more there, leaving that memory unzeroed would leak it into
// the restored guest: this fails first.
import { readFile } from "node:fs/promises";
import { V86, type V86Options } from "v86";
import { describe, expect, it } from "vitest";
import { NodeAssetSource, V86_WASM_PATH } from "../../images/node-asset-source.ts";
import { SETUP_WRITES_END } from "../../src/vm/fresh-memory-zeroing.ts";
import { LazyDisk } from "../../src/vm/lazy-disk.ts";
import { machineOptions } from "../../src/vm/machine-options.ts";
import { loadManifest } from "./helpers.ts";

type ZeroMemory = (address: number, length: number) => void;
type IsMemoryZeroed = (address: number, length: number) => number;

describe("a new machine's memory when v86 restores a state into it", () => {
  it("is still all zeros above the first MiB, so only that MiB needs zeroing", async () => {
    const manifest = await loadManifest();
    const assets = new NodeAssetSource();
    const [bios, state, module] = await Promise.all([
      assets.load(manifest.files.bios),
      assets.load(manifest.files.state),
      readFile(V86_WASM_PATH).then((bytes) => WebAssembly.compile(bytes)),
    ]);
    const zeroings: { address: number; length: number; untouchedAbove: boolean }[] = [];
    const emulator = new V86({
      ...machineOptions(manifest),
      wasm_path: V86_WASM_PATH,
      bios: { buffer: bios },
      initial_state: { buffer: state },
      autostart: false,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
      hda: new LazyDisk(manifest.disk, () => undefined) as unknown as V86Options["hda"],
      wasm_fn: async (imports) => {
        const exports = (await WebAssembly.instantiate(module, imports)).exports;
        const zero = exports.zero_memory as ZeroMemory;
        const isZeroed = exports.is_memory_zeroed as IsMemoryZeroed;
        return {
          ...exports,
          zero_memory: (address: number, length: number) => {
            const untouchedAbove = Boolean(isZeroed(address + SETUP_WRITES_END, length - SETUP_WRITES_END));
            zeroings.push({ address, length, untouchedAbove });
            zero(address, length);
          },
        };
      },
    });
    try {
      await new Promise((resolve) => emulator.add_listener("emulator-loaded", resolve));
      // The restore zeroed the whole memory once, and above the first MiB there was nothing to zero.
      expect(zeroings).toEqual([{ address: 0, length: manifest.vm.memorySize, untouchedAbove: true }]);
    } finally {
      await emulator.destroy();
    }
  });
});
