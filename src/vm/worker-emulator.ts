// Starts a VM's emulator in its own Web Worker (browser only: Vite bundles emulator-worker.ts and v86
// into the worker's own file). The page keeps only the VirtualMachine, which talks to it by messages.
import type { CoreMessage, EmulatorChannel } from "./emulator-protocol.ts";
import { VirtualMachine, type VirtualMachineOptions } from "./virtual-machine.ts";

export function workerEmulator(): Promise<EmulatorChannel> {
  const worker = new Worker(new URL("./emulator-worker.ts", import.meta.url), { type: "module", name: "v86" });
  let listener: ((message: CoreMessage) => void) | undefined;
  worker.onmessage = (event: MessageEvent<CoreMessage>) => listener?.(event.data);
  // A worker that cannot load (its script or v86's wasm) or throws reports it like the emulator would.
  worker.onerror = (event) => {
    event.preventDefault();
    listener?.({ type: "error", message: event.message || "the emulator's worker failed to start" });
  };
  return Promise.resolve({
    post: (message, transfer) => worker.postMessage(message, transfer ?? []),
    onMessage: (next) => {
      listener = next;
    },
    close: () => {
      listener = undefined;
      worker.terminate();
    },
  });
}

/** A VirtualMachine whose emulator runs in a worker: what the page creates (VmSession's createMachine). */
export function createWorkerMachine(options: VirtualMachineOptions): VirtualMachine {
  return new VirtualMachine({ ...options, launchEmulator: workerEmulator });
}
