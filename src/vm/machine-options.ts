// The emulated hardware. A saved state restores only into a machine with exactly these options, so the
// snapshot builder records their fingerprint and a restore compares it (see snapshotIncompatibility).
// images/build.sh keys its cache on this file: changing the hardware rebuilds the snapshot.
import type { V86Options } from "v86";
import type { GuestManifest } from "./manifest.ts";

export function machineOptions(manifest: Pick<GuestManifest, "vm">): Partial<V86Options> {
  return {
    memory_size: manifest.vm.memorySize,
    uart1: true,
    uart2: manifest.vm.uarts > 2,
    uart3: manifest.vm.uarts > 3,
  };
}

export function machineFingerprint(manifest: Pick<GuestManifest, "vm">): string {
  return JSON.stringify(machineOptions(manifest));
}
