// The pause between two readings that cost the emulated guest CPU (where the shells are, how the
// learner's cgroup fares): the steady pace after the learner typed or a reading found something new,
// doubling up to a cap while readings find nothing new and nobody types. No timers of its own.
export class CalmPace {
  private pause: number;
  /** Keys were typed since the current (or last) reading began. */
  private typed = false;
  /** Keys were typed between the last two readings' starts. */
  private typedBefore = false;

  constructor(
    private readonly baseMs: number,
    private readonly capMs: number,
  ) {
    this.pause = baseMs;
  }

  get pauseMs(): number {
    return this.pause;
  }

  /** A reading begins. */
  begin(): void {
    this.typedBefore = this.typed;
    this.typed = false;
  }

  /** The reading ended: calm when it found nothing new and nobody typed before or during it. */
  end(unchanged: boolean): void {
    const calm = unchanged && !this.typedBefore && !this.typed;
    this.pause = calm ? Math.min(this.pause * 2, this.capMs) : this.baseMs;
  }

  /** Keys were typed; true when that shortened the pause (a pending reading should come sooner). */
  noteInput(): boolean {
    this.typed = true;
    if (this.pause <= this.baseMs) return false;
    this.pause = this.baseMs;
    return true;
  }

  /** Back to the steady pace (asked for a reading soon). */
  reset(): void {
    this.pause = this.baseMs;
  }
}
