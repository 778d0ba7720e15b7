// The learner's progress through the course as stored in localStorage: pure parsing and updating, no
// DOM. The key carries a version; a stored value that cannot be read is ignored (and reported), never
// allowed to break the page.
import { LOCALES, type Locale } from "../exercises/locales.ts";
import { decode, formatIssues, integer, isoDateTime, literal, object, oneOf, optional, record, array, string, tagged } from "../shared/decode.ts";
import { errorText } from "../shared/error-text.ts";

export const PROGRESS_KEY = "isolation-lab.progress.v1";

/** Where the learner is: the course overview, or a step of an exercise. */
export type Position =
  | { readonly view: "overview" }
  | { readonly view: "step"; readonly exercise: string; readonly step: number };

export interface Progress {
  readonly locale?: Locale;
  readonly position: Position;
  /** Per exercise id, the ids of the steps done. */
  readonly done: Readonly<Record<string, readonly string[]>>;
  /** Per `exercise/step`, the answer the learner gave correctly. */
  readonly answers: Readonly<Record<string, string>>;
  /** Per `exercise/step`, when it was done (ISO 8601), for the instructor's report; older progress has none. */
  readonly doneAt?: Readonly<Record<string, string>>;
}

export const EMPTY_PROGRESS: Progress = { position: { view: "overview" }, done: {}, answers: {} };

const storedForm = object({
  version: literal(1),
  locale: optional(oneOf(LOCALES)),
  position: tagged("view", {
    overview: object({ view: literal("overview") }),
    step: object({ view: literal("step"), exercise: string({ min: 1 }), step: integer({ min: 0 }) }),
  }),
  done: record(array(string())),
  answers: record(string()),
  doneAt: optional(record(isoDateTime())),
});

export type ParsedProgress =
  | { readonly kind: "empty"; readonly progress: Progress }
  | { readonly kind: "ok"; readonly progress: Progress }
  | { readonly kind: "corrupt"; readonly progress: Progress; readonly reason: string };

/** Reads a stored value (null when nothing was stored). */
export function parseProgress(stored: string | null): ParsedProgress {
  if (stored === null) return { kind: "empty", progress: EMPTY_PROGRESS };
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch (error) {
    return { kind: "corrupt", progress: EMPTY_PROGRESS, reason: errorText(error) };
  }
  const result = decode(storedForm, json);
  if (!result.ok) return { kind: "corrupt", progress: EMPTY_PROGRESS, reason: formatIssues(result.issues, "") };
  const { version: _version, ...progress } = result.value;
  void _version;
  return { kind: "ok", progress };
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify({ version: 1, ...progress });
}

export function answerKey(exercise: string, step: string): string {
  return `${exercise}/${step}`;
}

export function isStepDone(progress: Progress, exercise: string, step: string): boolean {
  return progress.done[exercise]?.includes(step) ?? false;
}

export function withStepDone(progress: Progress, exercise: string, step: string, at: Date = new Date()): Progress {
  if (isStepDone(progress, exercise, step)) return progress;
  return {
    ...progress,
    done: { ...progress.done, [exercise]: [...(progress.done[exercise] ?? []), step] },
    doneAt: { ...progress.doneAt, [answerKey(exercise, step)]: at.toISOString() },
  };
}

export function withAnswer(progress: Progress, exercise: string, step: string, answer: string): Progress {
  return { ...progress, answers: { ...progress.answers, [answerKey(exercise, step)]: answer } };
}

/**
 * Only what exists in this course (content changes between visits): unknown exercises and steps left
 * out, a position past the end back to the overview. For figures shown to the learner; never stored,
 * so progress in a pack this build lacks survives for a build that has it.
 */
export function reconcileProgress(progress: Progress, course: ReadonlyMap<string, readonly string[]>): Progress {
  const done: Record<string, string[]> = {};
  for (const [exercise, steps] of Object.entries(progress.done)) {
    const known = course.get(exercise);
    if (!known) continue;
    const kept = steps.filter((s, i) => known.includes(s) && steps.indexOf(s) === i);
    if (kept.length > 0) done[exercise] = kept;
  }
  const answers: Record<string, string> = {};
  for (const [key, answer] of Object.entries(progress.answers)) {
    const [exercise, step] = key.split("/");
    if (exercise && step && course.get(exercise)?.includes(step)) answers[key] = answer;
  }
  const position = progress.position;
  const valid = position.view === "overview" || position.step < (course.get(position.exercise)?.length ?? 0);
  const reconciled: Progress = { ...progress, done, answers, position: valid ? position : { view: "overview" } };
  if (!progress.doneAt) return reconciled;
  const doneAt: Record<string, string> = {};
  for (const [key, at] of Object.entries(progress.doneAt)) {
    const [exercise, step] = key.split("/");
    if (exercise && step && done[exercise]?.includes(step)) doneAt[key] = at;
  }
  return { ...reconciled, doneAt };
}

/**
 * Combines two copies of the progress: every step done in either is done (at the earlier time), every
 * answer kept (the imported one wins when both answered), and the imported position is where to continue.
 * Steps of exercises this build does not have are kept too (a content pack can come back).
 */
export function mergeProgress(current: Progress, imported: Progress): Progress {
  const done: Record<string, string[]> = {};
  for (const source of [current.done, imported.done]) {
    for (const [exercise, steps] of Object.entries(source)) {
      const merged = (done[exercise] ??= []);
      for (const step of steps) if (!merged.includes(step)) merged.push(step);
    }
  }
  const doneAt: Record<string, string> = { ...current.doneAt };
  for (const [key, at] of Object.entries(imported.doneAt ?? {})) {
    const known = doneAt[key];
    if (!known || Date.parse(at) < Date.parse(known)) doneAt[key] = at;
  }
  const locale = current.locale ?? imported.locale;
  return {
    ...(locale ? { locale } : {}),
    position: imported.position,
    done,
    answers: { ...current.answers, ...imported.answers },
    ...(Object.keys(doneAt).length > 0 ? { doneAt } : {}),
  };
}

/** How many steps a progress has done in all (for "imported 12 steps"). */
export function countDone(progress: Progress): number {
  return Object.values(progress.done).reduce((n, steps) => n + steps.length, 0);
}

/**
 * This tab's progress after another tab stored `theirs`: every step done in either, every answer (this
 * tab's wins), and this tab's position and language (each tab shows its own place in the course).
 */
export function mergeFromOtherTab(mine: Progress, theirs: Progress): Progress {
  const merged = mergeProgress(theirs, mine);
  return mine.locale ? { ...merged, locale: mine.locale } : merged;
}
