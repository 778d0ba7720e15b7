// The learner's progress through the course as stored in localStorage: pure parsing and updating, no
// DOM. The key carries a version; a stored value that cannot be read is ignored (and reported), never
// allowed to break the page.
import { LOCALES, type Locale } from "../exercises/locales.ts";
import { decode, formatIssues, integer, isoDateTime, literal, object, oneOf, optional, record, array, string, tagged } from "../shared/decode.ts";
import { errorText } from "../shared/error-text.ts";

export const PROGRESS_KEY = "isolation-lab.progress.v1";

/** Where the learner is: the course overview, a step of an exercise, or a challenge. */
export type Position =
  | { readonly view: "overview" }
  | { readonly view: "step"; readonly exercise: string; readonly step: number }
  | { readonly view: "challenge"; readonly challenge: string };

/** One challenge's progress: how much help the learner took, and when they solved it. */
export interface ChallengeProgress {
  /** Hints unlocked (they unlock one at a time, in order). */
  readonly hintsUsed: number;
  /** Requests to see the reference solution; it is shown from the second on (or once solved). */
  readonly solutionRequests: number;
  /** When the challenge's checks all passed (ISO 8601). */
  readonly solvedAt?: string;
}

export interface Progress {
  readonly locale?: Locale;
  readonly position: Position;
  /** Per exercise id, the ids of the steps done. */
  readonly done: Readonly<Record<string, readonly string[]>>;
  /** Per `exercise/step`, the answer the learner gave correctly. */
  readonly answers: Readonly<Record<string, string>>;
  /** Per `exercise/step`, when it was done (ISO 8601), for the instructor's report; older progress has none. */
  readonly doneAt?: Readonly<Record<string, string>>;
  /** Per challenge id; older progress has none. */
  readonly challenges?: Readonly<Record<string, ChallengeProgress>>;
}

export const EMPTY_PROGRESS: Progress = { position: { view: "overview" }, done: {}, answers: {} };

const storedForm = object({
  version: literal(1),
  locale: optional(oneOf(LOCALES)),
  position: tagged("view", {
    overview: object({ view: literal("overview") }),
    step: object({ view: literal("step"), exercise: string({ min: 1 }), step: integer({ min: 0 }) }),
    challenge: object({ view: literal("challenge"), challenge: string({ min: 1 }) }),
  }),
  done: record(array(string())),
  answers: record(string()),
  doneAt: optional(record(isoDateTime())),
  challenges: optional(
    record(object({ hintsUsed: integer({ min: 0 }), solutionRequests: integer({ min: 0 }), solvedAt: optional(isoDateTime()) })),
  ),
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

const NO_CHALLENGE_PROGRESS: ChallengeProgress = { hintsUsed: 0, solutionRequests: 0 };

export function challengeProgress(progress: Progress, challenge: string): ChallengeProgress {
  return progress.challenges?.[challenge] ?? NO_CHALLENGE_PROGRESS;
}

export function isChallengeSolved(progress: Progress, challenge: string): boolean {
  return challengeProgress(progress, challenge).solvedAt !== undefined;
}

function withChallenge(progress: Progress, challenge: string, change: (current: ChallengeProgress) => ChallengeProgress): Progress {
  const current = challengeProgress(progress, challenge);
  const next = change(current);
  if (next === current) return progress;
  return { ...progress, challenges: { ...progress.challenges, [challenge]: next } };
}

/** One more hint unlocked, up to `available`. */
export function withHintUsed(progress: Progress, challenge: string, available: number): Progress {
  return withChallenge(progress, challenge, (c) => (c.hintsUsed >= available ? c : { ...c, hintsUsed: c.hintsUsed + 1 }));
}

/** One more request to see the reference solution (two are enough; more change nothing). */
export function withSolutionRequest(progress: Progress, challenge: string): Progress {
  return withChallenge(progress, challenge, (c) => (c.solutionRequests >= 2 ? c : { ...c, solutionRequests: c.solutionRequests + 1 }));
}

/** The reference solution may be shown: asked for twice, or the challenge is solved. */
export function isSolutionUnlocked(progress: Progress, challenge: string): boolean {
  const c = challengeProgress(progress, challenge);
  return c.solvedAt !== undefined || c.solutionRequests >= 2;
}

export function withChallengeSolved(progress: Progress, challenge: string, at: Date = new Date()): Progress {
  return withChallenge(progress, challenge, (c) => (c.solvedAt !== undefined ? c : { ...c, solvedAt: at.toISOString() }));
}

/**
 * Only what exists in this course (content changes between visits): unknown exercises and steps left
 * out, a position past the end back to the overview; with `challenges` (the ids the page has), unknown
 * challenges too. For figures shown to the learner; never stored, so progress in a pack this build lacks
 * survives for a build that has it.
 */
export function reconcileProgress(
  progress: Progress,
  course: ReadonlyMap<string, readonly string[]>,
  challenges?: ReadonlySet<string>,
): Progress {
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
  const valid =
    position.view === "overview" ||
    (position.view === "step" && position.step < (course.get(position.exercise)?.length ?? 0)) ||
    (position.view === "challenge" && (challenges?.has(position.challenge) ?? true));
  const kept =
    progress.challenges && challenges
      ? Object.fromEntries(Object.entries(progress.challenges).filter(([id]) => challenges.has(id)))
      : progress.challenges;
  const reconciled: Progress = {
    ...progress,
    done,
    answers,
    position: valid ? position : { view: "overview" },
    ...(kept ? { challenges: kept } : {}),
  };
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
 * answer kept (the imported one wins when both answered), every challenge with the most help taken and
 * the earlier solve, and the imported position is where to continue. Steps of exercises this build does
 * not have are kept too (a content pack can come back).
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
  const challenges: Record<string, ChallengeProgress> = { ...current.challenges };
  for (const [id, theirs] of Object.entries(imported.challenges ?? {})) {
    const mine = challenges[id];
    challenges[id] = mine ? mergeChallenge(mine, theirs) : theirs;
  }
  const locale = current.locale ?? imported.locale;
  return {
    ...(locale ? { locale } : {}),
    position: imported.position,
    done,
    answers: { ...current.answers, ...imported.answers },
    ...(Object.keys(doneAt).length > 0 ? { doneAt } : {}),
    ...(Object.keys(challenges).length > 0 ? { challenges } : {}),
  };
}

function mergeChallenge(a: ChallengeProgress, b: ChallengeProgress): ChallengeProgress {
  const solvedAt = [a.solvedAt, b.solvedAt].filter((at): at is string => at !== undefined).sort((x, y) => Date.parse(x) - Date.parse(y))[0];
  return {
    hintsUsed: Math.max(a.hintsUsed, b.hintsUsed),
    solutionRequests: Math.max(a.solutionRequests, b.solutionRequests),
    ...(solvedAt !== undefined ? { solvedAt } : {}),
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
