// The progress as a service: holds it, saves every change to a Storage (localStorage in the page) and
// tells subscribers. Elements get it through @lit/context (progress-context.ts).
import { TypedEvents } from "../vm/typed-events.ts";
import type { Locale } from "../exercises/locales.ts";
import {
  EMPTY_PROGRESS,
  PROGRESS_KEY,
  parseProgress,
  serializeProgress,
  withAnswer,
  withChallengeSolved,
  withHintUsed,
  withSolutionRequest,
  withStepDone,
  type Position,
  type Progress,
} from "./progress.ts";

export interface ProgressEvents {
  change: Progress;
}

export class ProgressStore {
  readonly events = new TypedEvents<ProgressEvents>();
  private current: Progress;
  /** Why the stored progress was ignored, if it was. */
  readonly corruptReason: string | undefined;

  constructor(private readonly storage: Storage | undefined) {
    let stored: string | null;
    try {
      stored = storage?.getItem(PROGRESS_KEY) ?? null;
    } catch {
      stored = null; // storage disabled: progress lasts for this page only
    }
    const parsed = parseProgress(stored);
    this.current = parsed.progress;
    this.corruptReason = parsed.kind === "corrupt" ? parsed.reason : undefined;
  }

  get progress(): Progress {
    return this.current;
  }

  setLocale(locale: Locale): void {
    this.update({ ...this.current, locale });
  }

  setPosition(position: Position): void {
    this.update({ ...this.current, position });
  }

  markDone(exercise: string, step: string): void {
    this.update(withStepDone(this.current, exercise, step));
  }

  setAnswer(exercise: string, step: string, answer: string): void {
    this.update(withAnswer(this.current, exercise, step, answer));
  }

  /** Unlocks the next of a challenge's `available` hints. */
  useHint(challenge: string, available: number): void {
    this.update(withHintUsed(this.current, challenge, available));
  }

  requestSolution(challenge: string): void {
    this.update(withSolutionRequest(this.current, challenge));
  }

  markChallengeSolved(challenge: string): void {
    this.update(withChallengeSolved(this.current, challenge));
  }

  /** Forgets done steps, answers, challenges and position; keeps the language. */
  reset(): void {
    this.update({ ...EMPTY_PROGRESS, ...(this.current.locale ? { locale: this.current.locale } : {}) });
  }

  replace(progress: Progress): void {
    this.update(progress);
  }

  private update(next: Progress): void {
    if (next === this.current) return;
    this.current = next;
    try {
      this.storage?.setItem(PROGRESS_KEY, serializeProgress(next));
    } catch {
      // full or disabled storage: keep going with the progress in memory
    }
    this.events.emit("change", next);
  }
}
