// Restoring a state, v86 first zeroes the whole guest RAM (its unpack_memory calls the wasm's zero_memory
// over every byte), then copies in the state's non-zero pages. In a machine just created for that restore
// the RAM is still fresh from the wasm memory's growth: all zeros, and not yet backed by the host. Writing
// zeros into it made every page resident and took ~0.4 s of page faults on a 2-core host: a restored
// 128 MiB guest held 143 MB in the tab though its state has ~16 MB of non-zero pages. So until the machine
// has run, only the first MiB is zeroed, where v86 put the BIOS and the VGA BIOS when it set the machine
// up; the rest stays untouched until the guest writes it. tests/guest/fresh-memory.test.ts proves v86 has
// written nothing above that MiB when it restores.

/** Below this address v86 writes guest RAM before a restore (the BIOS ends at 1 MiB). */
export const SETUP_WRITES_END = 0x10_0000;

type ZeroMemory = (address: number, length: number) => void;

export class FreshMemoryZeroing {
  private fresh = true;

  /** v86's wasm exports, with a zero_memory that leaves fresh memory above the first MiB alone. */
  wrap(exports: WebAssembly.Exports): WebAssembly.Exports {
    const zero = exports.zero_memory as ZeroMemory | undefined;
    if (typeof zero !== "function") return exports;
    return {
      ...exports,
      zero_memory: (address: number, length: number) => {
        if (!this.fresh) {
          zero(address, length);
          return;
        }
        const end = Math.min(address + length, SETUP_WRITES_END);
        if (end > address) zero(address, end - address);
      },
    };
  }

  /** The guest has started running: from now on its memory holds what it wrote, and zeroing is real. */
  ran(): void {
    this.fresh = false;
  }
}
