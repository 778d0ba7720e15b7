// Starts a VM's emulator in its own Web Worker (browser only: Vite bundles emulator-worker.ts and v86
// into the worker's own file). The page keeps only the VirtualMachine, which talks to it by messages.
import type { CoreMessage, EmulatorChannel, EmulatorLauncher } from "./emulator-protocol.ts";
import { VirtualMachine, type VirtualMachineOptions } from "./virtual-machine.ts";

export function workerEmulator(): Promise<EmulatorChannel> {
  const worker = new Worker(new URL("./emulator-worker.ts", import.meta.url), { type: "module", name: "v86" });
  let listener: ((message: CoreMessage) => void) | undefined;
  /** What arrived before anyone listened (a worker started ahead of its machine may fail meanwhile). */
  const unheard: CoreMessage[] = [];
  const hear = (message: CoreMessage): void => {
    if (listener) listener(message);
    else unheard.push(message);
  };
  worker.onmessage = (event: MessageEvent<CoreMessage>) => hear(event.data);
  // A worker that cannot load (its script or v86's wasm) or throws reports it like the emulator would.
  worker.onerror = (event) => {
    event.preventDefault();
    hear({ type: "error", message: event.message || "the emulator's worker failed to start" });
  };
  return Promise.resolve({
    post: (message, transfer) => worker.postMessage(message, transfer ?? []),
    onMessage: (next) => {
      listener = next;
      for (const message of unheard.splice(0)) next(message);
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

/**
 * Worker machines whose first worker starts now, while the page is still setting up: its script loads
 * and v86's wasm compiles (from `wasmPath`) before the first machine is even created, instead of after.
 * Later machines (a reset, a cold boot) start their own worker as createWorkerMachine's do.
 */
export function createWorkerMachines(wasmPath: string): (options: VirtualMachineOptions) => VirtualMachine {
  let early: Promise<EmulatorChannel> | undefined = workerEmulator().then((channel) => {
    channel.post({ type: "prepare", wasmPath });
    return channel;
  });
  const launch: EmulatorLauncher = () => {
    const channel = early ?? workerEmulator();
    early = undefined;
    return channel;
  };
  return (options) => new VirtualMachine({ ...options, launchEmulator: launch });
}
