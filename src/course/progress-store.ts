// The progress as a service: holds it, saves every change to a Storage (localStorage in the page) and
// tells subscribers. Elements get it through @lit/context (progress-context.ts).
// Nothing is lost on the way: loading never writes; a stored value this build cannot read is kept
// under UNREADABLE_PROGRESS_KEY before anything replaces it; every write merges what another tab stored
// meanwhile, and watch() merges another tab's writes as they happen (the `storage` event), so two tabs
// never erase each other's steps. Steps of exercises this build does not know are kept as they are.
import { TypedEvents, type Unsubscribe } from "../shared/typed-events.ts";
import type { Locale } from "../exercises/locales.ts";
import {
  EMPTY_PROGRESS,
  PROGRESS_KEY,
  mergeFromOtherTab,
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

/** Where a stored progress this build could not read is kept, for a later build or a person to recover. */
export const UNREADABLE_PROGRESS_KEY = `${PROGRESS_KEY}.unreadable`;

export interface ProgressEvents {
  change: Progress;
}

/** What a `storage` event carries (StorageEvent in a browser). */
interface StorageChange {
  readonly key: string | null;
  readonly newValue: string | null;
}

export class ProgressStore {
  readonly events = new TypedEvents<ProgressEvents>();
  private current: Progress;
  /** Why the stored progress was ignored, if it was. */
  readonly corruptReason: string | undefined;
  /** The unreadable stored text, until it is copied aside (just before the first write). */
  private unreadable: string | undefined;

  constructor(private readonly storage: Storage | undefined) {
    const stored = this.readStored();
    const parsed = parseProgress(stored);
    this.current = parsed.progress;
    this.corruptReason = parsed.kind === "corrupt" ? parsed.reason : undefined;
    if (parsed.kind === "corrupt") this.unreadable = stored ?? undefined;
  }

  get progress(): Progress {
    return this.current;
  }

  /** Merges what other tabs store from now on (`target`: the page's window). */
  watch(target: EventTarget): Unsubscribe {
    const onStorage = (event: Event): void => {
      const change = event as Event & Partial<StorageChange>;
      if (change.key !== PROGRESS_KEY || change.newValue === null || change.newValue === undefined) return;
      const theirs = parseProgress(change.newValue);
      if (theirs.kind !== "ok") return;
      const merged = mergeFromOtherTab(this.current, theirs.progress);
      if (JSON.stringify(merged) === JSON.stringify(this.current)) return;
      this.current = merged;
      this.events.emit("change", merged);
    };
    target.addEventListener("storage", onStorage);
    return () => target.removeEventListener("storage", onStorage);
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

  /** Forgets done steps, answers, challenges and position; keeps the language. The one write that merges nothing. */
  reset(): void {
    this.update({ ...EMPTY_PROGRESS, ...(this.current.locale ? { locale: this.current.locale } : {}) }, { merge: false });
  }

  replace(progress: Progress): void {
    this.update(progress);
  }

  private update(next: Progress, { merge = true }: { merge?: boolean } = {}): void {
    if (next === this.current) return;
    // Another tab may have stored steps this one has not heard of yet: keep them.
    const theirs = merge ? parseProgress(this.readStored()) : undefined;
    this.current = theirs?.kind === "ok" ? mergeFromOtherTab(next, theirs.progress) : next;
    try {
      if (this.unreadable !== undefined) {
        this.storage?.setItem(UNREADABLE_PROGRESS_KEY, this.unreadable);
        this.unreadable = undefined;
      }
      this.storage?.setItem(PROGRESS_KEY, serializeProgress(this.current));
    } catch {
      // full or disabled storage: keep going with the progress in memory
    }
    this.events.emit("change", this.current);
  }

  private readStored(): string | null {
    try {
      return this.storage?.getItem(PROGRESS_KEY) ?? null;
    } catch {
      return null; // storage disabled: progress lasts for this page only
    }
  }
}
