// Packs saved machines in a Web Worker of their own (browser only: Vite bundles machine-pack-worker.ts
// and the envelope code into the worker's file), started on the first save or resume and kept after.
// A page whose worker cannot start (or dies) packs on its own thread from then on: slower, never lost.
import { inPlacePacking, MachinePacker, type MachinePacking } from "./machine-packer.ts";

export function workerMachinePacking(): MachinePacking {
  let packer: MachinePacker | undefined;
  let broken = false;
  const current = (): MachinePacking => {
    if (broken) return inPlacePacking;
    if (packer) return packer;
    let worker: Worker;
    try {
      worker = new Worker(new URL("./machine-pack-worker.ts", import.meta.url), { type: "module", name: "machine-packer" });
    } catch {
      broken = true;
      return inPlacePacking;
    }
    const started = new MachinePacker(worker);
    worker.onerror = (event) => {
      event.preventDefault();
      broken = true;
      packer = undefined;
      worker.terminate();
      started.failAll(event.message || "the packing worker failed");
    };
    packer = started;
    return started;
  };
  return {
    pack: (input) => current().pack(input),
    unpack: (bytes, maxStateBytes) => current().unpack(bytes, maxStateBytes),
  };
}
