// Runs the open step's (or challenge's) checks in the guest when it opens, when a command the learner
// typed has settled (the session says so), every few seconds while the machine is ready (for what
// changes by itself: a background process, a timer), and on request. Runs never overlap; a run for a
// step that is no longer open (or a machine that was replaced) is aborted and its results dropped.
// Everything it starts is stopped when the host leaves.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { VmSession } from "../session/vm-session.ts";
import type { Unsubscribe } from "../shared/typed-events.ts";
import { ChecksAbortedError, runChecks, type CheckResult, type StepReport } from "../exercises/check-runner.ts";
import type { Locale } from "../exercises/locales.ts";
import type { LessonCheck } from "../exercises/model.ts";

export interface StepChecksOptions {
  readonly session: () => VmSession | undefined;
  /** The open step's (or challenge's) checks, with a key that changes when another opens; undefined for none. */
  readonly checks: () => { readonly key: string; readonly checks: readonly LessonCheck[] } | undefined;
  readonly locale: () => Locale;
  /** A run finished; `previous` are the results of the run before it for the same step (undefined for its first). */
  readonly onReport: (key: string, report: StepReport, previous: readonly CheckResult[] | undefined) => void;
  readonly intervalMs?: number;
}

export class StepChecksController implements ReactiveController {
  /** The latest results for the open step (undefined until its first run finished). */
  results: readonly CheckResult[] | undefined;
  running = false;
  private key: string | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private abort: AbortController | undefined;
  private again = false;
  /** The session whose settled commands start a run, and how to stop listening to it. */
  private followed: VmSession | undefined;
  private unfollow: Unsubscribe | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: StepChecksOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => void this.run(), this.options.intervalMs ?? 5000);
    this.follow();
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unfollow?.();
    this.unfollow = undefined;
    this.followed = undefined;
    this.cancel();
  }

  hostUpdated(): void {
    this.follow();
    const key = this.currentKey();
    if (key === this.key) return;
    this.key = key;
    this.cancel();
    this.results = undefined;
    // checkNow, not run: the aborted run may not have ended yet, and the new step must not wait a
    // whole interval for its first results.
    if (key !== undefined) queueMicrotask(() => this.checkNow());
    this.host.requestUpdate();
  }

  /** Runs the checks now (or right after the run under way). */
  checkNow(): void {
    if (this.running) this.again = true;
    else void this.run();
  }

  /** Listens to the session the host has now (it may arrive after the host connected, or change). */
  private follow(): void {
    const session = this.options.session();
    if (session === this.followed) return;
    this.unfollow?.();
    this.followed = session;
    this.unfollow = session?.events.on("settled", () => {
      if (this.key !== undefined) this.checkNow();
    });
  }

  private currentKey(): string | undefined {
    const open = this.options.checks();
    const session = this.options.session();
    if (!open || !session || session.state.phase !== "ready" || open.checks.length === 0) return undefined;
    return `${session.generation}:${open.key}`;
  }

  private cancel(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.again = false;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    const key = this.currentKey();
    const open = this.options.checks();
    const agent = this.options.session()?.vm?.agent;
    if (key === undefined || key !== this.key || !open || !agent) return;
    const abort = new AbortController();
    this.abort = abort;
    this.running = true;
    this.host.requestUpdate();
    try {
      const report = await runChecks(agent, open.checks, { signal: abort.signal, locale: this.options.locale() });
      if (abort.signal.aborted || key !== this.key) return;
      const previous = this.results;
      this.results = report.results;
      this.options.onReport(open.key, report, previous);
    } catch (error) {
      if (!(error instanceof ChecksAbortedError)) throw error;
    } finally {
      this.running = false;
      if (this.abort === abort) this.abort = undefined;
      this.host.requestUpdate();
    }
    if (this.again) {
      this.again = false;
      void this.run();
    }
  }
}
