// When a learner's command has had its say: after Enter in any of their shells, once the shells' output
// has been quiet for a moment. The course checks the open step then, instead of waiting for its next
// round, so a step turns done right after the command that does it (and the guest is not made to run
// checks while the learner is still typing). A command that keeps printing never settles; one that
// runs quietly in the background settles at once: the course's slower rounds cover both.

/** Quiet long enough for a prompt to have come back; short enough that the answer feels immediate. */
export const SETTLE_QUIET_MS = 400;

export class CommandSettle {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;

  constructor(
    private readonly onSettled: () => void,
    private readonly quietMs = SETTLE_QUIET_MS,
  ) {}

  /** The learner typed into a shell: Enter starts the wait, anything typed after it extends it. */
  noteInput(data: string | Uint8Array): void {
    if (hasEnter(data)) this.pending = true;
    if (this.pending) this.restart();
  }

  /** A shell printed something: still talking. */
  noteOutput(): void {
    if (this.pending) this.restart();
  }

  /** The machine went away: nothing it was running settles any more. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = false;
  }

  private restart(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pending = false;
      this.onSettled();
    }, this.quietMs);
  }
}

function hasEnter(data: string | Uint8Array): boolean {
  return typeof data === "string" ? /[\r\n]/.test(data) : data.includes(13) || data.includes(10);
}
