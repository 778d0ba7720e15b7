// The machine's file-exchange share: an empty in-memory 9p file system on virtio (machine-options.ts).
// The host puts and takes files by name (VirtualMachine.putSharedFile/takeSharedFile); the guest mounts
// the share by its tag only while it copies (src/files/guest-files.ts).

/** The 9p mount tag v86 gives its file system: `mount -t 9p -o trans=virtio SHARE_TAG DIR`. */
export const SHARE_TAG = "host9p";

/** The share's path for a file name; refuses anything but a plain name (no directories, no dot files). */
export function sharePath(name: string): string {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name) || name.startsWith(".")) throw new Error(`not a share file name: ${JSON.stringify(name)}`);
  return `/${name}`;
}
