// Watches whether the learner's shell can still answer, which the machine-level liveness probe cannot
// tell: under a fork bomb the agent answers in a fraction of a second while the console stays silent
// for minutes. Two signs, read at a steady pace: the learner cgroup's counters (through the agent) and
// keys typed at the console that got no output back. One reading at a time; no DOM.
import type { GuestReadings } from "../vm/agent-client.ts";
import { CalmPace } from "./calm-pace.ts";
import { isRunaway, readLearnerLoad, type LearnerLoad } from "./runaway-processes.ts";

export type ShellHealth =
  | { readonly kind: "healthy" }
  /** The learner's processes fill their cgroup (a fork bomb). */
  | { readonly kind: "runaway"; readonly processes: number; readonly limit: number | undefined }
  /** Keys were typed and nothing came back for a while, although the agent answers. */
  | { readonly kind: "silent"; readonly silentMs: number };

export interface ShellHealthOptions {
  readonly agent: GuestReadings;
  readonly onChange: (health: ShellHealth) => void;
  /** Pause between the end of one reading and the start of the next (default 2 s). */
  readonly intervalMs?: number;
  /**
   * The longest pause (default 10 s): while nothing is typed and the learner's process count stays the
   * same, the pause doubles up to this, since every reading wakes the emulated CPU. A key
   * brings it back to `intervalMs`.
   */
  readonly calmIntervalMs?: number;
  /** Typed keys unanswered this long make the shell count as silent (default 8 s). */
  readonly silenceMs?: number;
  /** While true no reading is taken (a hidden tab's timers are throttled). */
  readonly isPaused?: () => boolean;
  readonly now?: () => number;
}

const HEALTHY: ShellHealth = { kind: "healthy" };

export class ShellHealthMonitor {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private previous: LearnerLoad | undefined;
  /** When the first key still waiting for output was typed. */
  private unansweredSince: number | undefined;
  private current: ShellHealth = HEALTHY;
  private run = 0;
  /** Counts stops: a reading taken before the latest one says nothing about the group afterwards. */
  private recoveries = 0;
  /** The pause before the next reading; longer while all is calm (see calmIntervalMs). */
  private readonly pace: CalmPace;

  constructor(private readonly options: ShellHealthOptions) {
    this.pace = new CalmPace(options.intervalMs ?? 2000, options.calmIntervalMs ?? 10_000);
  }

  get health(): ShellHealth {
    return this.current;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.run++;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The learner typed at the console. */
  noteInput(): void {
    this.unansweredSince ??= this.now();
    // Typing is when things start: read at the steady pace again, sooner than a calm pause would.
    if (this.pace.noteInput() && this.timer !== undefined) {
      clearTimeout(this.timer);
      this.schedule();
    }
  }

  /** The console wrote something: the shell is alive. */
  noteOutput(): void {
    this.unansweredSince = undefined;
    if (this.current.kind === "silent") this.set(HEALTHY);
  }

  /** After the learner's processes were stopped: start afresh, and read again soon. */
  recovered(): void {
    this.recoveries++;
    this.previous = undefined;
    this.unansweredSince = undefined;
    this.set(HEALTHY);
  }

  private now(): number {
    return (this.options.now ?? performance.now.bind(performance))();
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.tick(), this.pace.pauseMs);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    const run = this.run;
    const recoveries = this.recoveries;
    this.pace.begin();
    if (!this.options.isPaused?.()) {
      try {
        const load = await readLearnerLoad(this.options.agent);
        if (run !== this.run) return;
        // Taken while the stop still ran: it would raise the banner again over the stop's answer.
        if (recoveries === this.recoveries) {
          const before = this.previous;
          this.assess(load);
          this.pace.end(this.current.kind === "healthy" && before?.processes === load.processes);
        }
      } catch {
        // The agent did not answer: the machine-level watchdog reports that; nothing to say here.
        if (run !== this.run) return;
      }
    }
    this.schedule();
  }

  private assess(load: LearnerLoad): void {
    const runaway = isRunaway(this.previous, load);
    this.previous = load;
    if (runaway) {
      this.set({ kind: "runaway", processes: load.processes, limit: load.limit });
      return;
    }
    const silentMs = this.unansweredSince === undefined ? 0 : this.now() - this.unansweredSince;
    if (silentMs >= (this.options.silenceMs ?? 8000)) this.set({ kind: "silent", silentMs });
    else if (this.current.kind === "runaway" || this.unansweredSince === undefined) this.set(HEALTHY);
  }

  private set(health: ShellHealth): void {
    const same =
      health.kind === this.current.kind &&
      (health.kind !== "runaway" || (this.current.kind === "runaway" && this.current.processes === health.processes));
    this.current = health;
    if (!same || health.kind === "silent") this.options.onChange(health);
  }
}
