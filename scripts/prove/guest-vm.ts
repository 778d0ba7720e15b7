// A VirtualMachine on the built image in public/guest/, booted in Node exactly as the browser boots it
// (same module, files read from disk instead of fetched): for the guest tier and the pack prover.
import { NodeAssetSource, V86_VERSION, V86_WASM_PATH } from "../../images/node-asset-source.ts";
import { parseManifest, type GuestManifest } from "../../src/vm/manifest.ts";
import { VirtualMachine, type VirtualMachineOptions } from "../../src/vm/virtual-machine.ts";
import type { BootMode } from "../../src/vm/vm-state.ts";

let manifestPromise: Promise<GuestManifest> | undefined;

/** The built image's manifest, validated (read once per process). */
export function loadManifest(): Promise<GuestManifest> {
  manifestPromise ??= new NodeAssetSource().loadManifest().then((json) => parseManifest(json));
  return manifestPromise;
}

export type GuestVmOptions = Partial<Omit<VirtualMachineOptions, "manifest" | "assets" | "wasmPath" | "v86Version">> & {
  /** Default "restore": resumes the build-time snapshot in well under a second. */
  readonly mode?: BootMode;
};

/** Creates a VM (not started yet), so a caller can subscribe to its events before it boots. */
export async function createVm(options: GuestVmOptions = {}): Promise<VirtualMachine> {
  return new VirtualMachine({
    manifest: await loadManifest(),
    assets: new NodeAssetSource(),
    wasmPath: V86_WASM_PATH,
    v86Version: V86_VERSION,
    ...options,
    mode: options.mode ?? "restore",
  });
}

/** Creates and starts a VM; resolves once its agent answers. */
export async function startVm(options: GuestVmOptions = {}): Promise<VirtualMachine> {
  const vm = await createVm(options);
  try {
    await vm.start();
  } catch (error) {
    await vm.dispose();
    throw error;
  }
  return vm;
}
