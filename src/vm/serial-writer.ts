// Host-to-guest serial input with flow control.
//
// v86's UART raises its interrupt only when a byte arrives, and the PIC is edge-triggered. Linux's 8250
// driver reads at most 256 bytes per pass and 512 passes per interrupt; if more than that is queued it
// returns with the line still raised, no new edge ever comes, and the port is dead for good (a 1 MB
// paste stalled after 131,584 bytes; even Ctrl+C no longer got through). So the writer never lets the
// UART's queue grow past what one pass drains, and feeds the rest as the guest takes it.

/** How many bytes the emulated UART holds that the guest has not read yet; undefined if unknown. */
export type QueueProbe = () => number | undefined;

const MAX_QUEUED = 256;
/** Without a probe (a v86 build whose internals differ) fall back to a pace the guest keeps up with. */
const BLIND_CHUNK = 256;
const RETRY_MS = 2;

export class SerialWriter {
  private readonly pending: Uint8Array[] = [];
  private offset = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly deliver: (bytes: Uint8Array) => void,
    private readonly queued: QueueProbe,
  ) {}

  write(bytes: Uint8Array): void {
    if (this.disposed || bytes.length === 0) return;
    this.pending.push(bytes);
    this.pump();
  }

  /** Drops whatever has not been delivered (the machine is gone or was replaced). */
  dispose(): void {
    this.disposed = true;
    this.pending.length = 0;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private pump(): void {
    this.timer = undefined;
    if (this.disposed) return;
    const inQueue = this.queued();
    let budget = inQueue === undefined ? BLIND_CHUNK : MAX_QUEUED - inQueue;
    while (budget > 0 && this.pending.length > 0) {
      const head = this.pending[0]!;
      const take = Math.min(budget, head.length - this.offset);
      this.deliver(head.subarray(this.offset, this.offset + take));
      budget -= take;
      this.offset += take;
      if (this.offset === head.length) {
        this.pending.shift();
        this.offset = 0;
      }
    }
    if (this.pending.length > 0 && this.timer === undefined) this.timer = setTimeout(() => this.pump(), RETRY_MS);
  }
}
