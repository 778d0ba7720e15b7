// The emulated hardware. A saved state restores only into a machine with exactly these options, so the
// snapshot builder records their fingerprint and a restore compares it (see snapshotIncompatibility).
// images/build.sh keys its cache on this file: changing the hardware rebuilds the snapshot.
import type { V86Options } from "v86";
import type { ShellPort } from "./emulator-protocol.ts";
import type { GuestManifest } from "./manifest.ts";

export function machineOptions(manifest: Pick<GuestManifest, "vm">): Partial<V86Options> {
  return {
    memory_size: manifest.vm.memorySize,
    // Nothing draws the VGA screen (the terminals are serial lines): v86's least video memory, 256 KiB,
    // instead of its default 8 MiB that every tab would hold.
    vga_memory_size: 256 * 1024,
    uart1: true,
    uart2: manifest.vm.uarts > 2,
    uart3: manifest.vm.uarts > 3,
    // One NE2000 network card (the kernel's NE2K_PCI driver makes it eth0). It has no backend: the page
    // wires two machines' cards together by hand (see network-link.ts), so no frame ever leaves the page.
    net_device: { type: "ne2k" },
    // v86 gives every card a random MAC; a restored card keeps the one its kernel saw when the snapshot
    // was saved, so the device and the guest's eth0 agree (a cold boot still draws a fresh one).
    preserve_mac_from_state_image: true,
    // An empty 9p file system on virtio, the lab's file exchange: the host puts a file in it and the guest
    // agent copies it out (and back for downloads), megabytes a second where the serial line does ~30 kB/s.
    // The guest mounts it only while a transfer runs (see src/files/guest-files.ts).
    filesystem: {},
  };
}

/**
 * The hardware a state is bound to: the options above and the /usr disk's geometry (an IDE disk the
 * emulator's core gives v86, see lazy-disk.ts; not where its parts come from).
 */
export function machineFingerprint(manifest: Pick<GuestManifest, "vm" | "disk">): string {
  return JSON.stringify({ ...machineOptions(manifest), hda: { size: manifest.disk.size, chunk: manifest.disk.chunkSize } });
}

/** The serial ports of learner shells besides the console (ttyS0) and the agent (ttyS1): as many as the UARTs allow. */
export function extraShellPorts(uarts: number): ShellPort[] {
  return ([2, 3] as const).filter((port) => port < uarts);
}
