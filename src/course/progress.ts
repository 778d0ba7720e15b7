// The learner's progress through the course as stored in localStorage: pure parsing and updating, no
// DOM. The key carries a version; a stored value that cannot be read is ignored (and reported), never
// allowed to break the page.
import { z } from "zod";
import { LOCALES, type Locale } from "../exercises/locales.ts";

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

const schema = z.object({
  version: z.literal(1),
  locale: z.enum(LOCALES).optional(),
  position: z.union([
    z.object({ view: z.literal("overview") }),
    z.object({ view: z.literal("step"), exercise: z.string().min(1), step: z.number().int().min(0) }),
    z.object({ view: z.literal("challenge"), challenge: z.string().min(1) }),
  ]),
  done: z.record(z.string(), z.array(z.string())),
  answers: z.record(z.string(), z.string()),
  doneAt: z.record(z.string(), z.string().datetime()).optional(),
  challenges: z
    .record(
      z.string(),
      z.object({
        hintsUsed: z.number().int().min(0),
        solutionRequests: z.number().int().min(0),
        solvedAt: z.string().datetime().optional(),
      }),
    )
    .optional(),
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
    return { kind: "corrupt", progress: EMPTY_PROGRESS, reason: error instanceof Error ? error.message : String(error) };
  }
  const result = schema.safeParse(json);
  if (!result.success) return { kind: "corrupt", progress: EMPTY_PROGRESS, reason: result.error.message };
  const { version: _version, ...progress } = result.data;
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
 * Keeps only what still exists in the course (content changes between visits): unknown exercises and
 * steps are dropped, a position past the end goes back to the overview. With `challenges` (the ids the
 * page has), unknown challenges are dropped too.
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
