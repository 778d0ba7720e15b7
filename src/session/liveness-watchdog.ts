// Probes a running guest at a steady pace and reports when it stops answering (a learner's fork bomb,
// a guest stuck with interrupts off) and when it answers again. One probe at a time: the next one is
// scheduled only after the previous one settled, so a slow guest is never flooded with requests.

export interface LivenessWatchdogOptions {
  /** Resolves when the guest answered, rejects when it did not (e.g. an agent ping with a timeout). */
  readonly probe: () => Promise<unknown>;
  /** Called when the guest stops answering (`false`) and when it answers again (`true`). */
  readonly onChange: (responsive: boolean) => void;
  /** Pause between the end of one probe and the start of the next (default 5 s). */
  readonly intervalMs?: number;
  /** Consecutive failed probes before the guest counts as unresponsive (default 2). */
  readonly maxMisses?: number;
  /**
   * While this returns true no probe is sent and misses are forgotten: a hidden tab's timers are
   * throttled, which would make a healthy guest look hung.
   */
  readonly isPaused?: () => boolean;
}

export class LivenessWatchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private misses = 0;
  private responsive = true;
  /** Bumped by stop(): a probe that settles after it belongs to an old run and is ignored. */
  private run = 0;

  constructor(private readonly options: LivenessWatchdogOptions) {}

  get isResponsive(): boolean {
    return this.responsive;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.misses = 0;
    this.responsive = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.run++;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => this.tick(), this.options.intervalMs ?? 5000);
  }

  private tick(): void {
    this.timer = undefined;
    if (this.options.isPaused?.()) {
      this.misses = 0;
      this.schedule();
      return;
    }
    const run = this.run;
    this.options.probe().then(
      () => {
        if (run !== this.run) return;
        this.misses = 0;
        this.setResponsive(true);
        this.schedule();
      },
      () => {
        if (run !== this.run) return;
        this.misses++;
        if (this.misses >= (this.options.maxMisses ?? 2)) this.setResponsive(false);
        this.schedule();
      },
    );
  }

  private setResponsive(responsive: boolean): void {
    if (this.responsive === responsive) return;
    this.responsive = responsive;
    this.options.onChange(responsive);
  }
}
