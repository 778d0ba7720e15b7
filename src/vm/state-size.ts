// How large a saved v86 state of this guest can be, to refuse a file that claims more before anything
// is allocated for it. v86 leaves all-zero memory pages out of a saved state (see
// ../shared/guest-findings.md), so a state holds at most the guest's memory, the VGA memory and the
// devices' state, which includes the in-memory 9p share a file transfer passes through.

/** v86's default VGA memory (machine-options.ts does not change it). */
const VGA_MEMORY_BYTES = 8 * 1024 * 1024;
/** Device state and the 9p share; the pristine snapshot's devices take well under 1 MiB. */
const DEVICE_STATE_BYTES = 64 * 1024 * 1024;

/** The largest state a machine with this memory can save (bytes, uncompressed). */
export function maxStateBytes(vm: { readonly memorySize: number }): number {
  return vm.memorySize + VGA_MEMORY_BYTES + DEVICE_STATE_BYTES;
}
