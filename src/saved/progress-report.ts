// What the instructor's progress report shows, computed from the course and the learner's progress:
// every exercise and step, done or not, and when; every challenge, solved or not, with the hints used.
// Pure, so the printable page only renders it.
import { answerKey, challengeProgress, isStepDone, type Progress } from "../course/progress.ts";

/** The parts of an exercise the report needs (a localized Lesson has them). */
export interface ReportLesson {
  readonly id: string;
  readonly title: string;
  readonly steps: readonly { readonly id: string; readonly title: string }[];
}

export interface ReportStep {
  readonly id: string;
  readonly title: string;
  readonly done: boolean;
  /** When it was done, when known (progress saved before times were recorded has none). */
  readonly doneAt?: Date;
}

export interface ReportExercise {
  readonly id: string;
  readonly title: string;
  readonly steps: readonly ReportStep[];
  readonly doneCount: number;
  /** The latest time a step of this exercise was done, when all are done and times are known. */
  readonly completedAt?: Date;
}

/** The parts of a challenge the report needs (a localized ChallengeLesson has them). */
export interface ReportChallengeLesson {
  readonly id: string;
  readonly title: string;
  readonly hints: readonly unknown[];
}

export interface ReportChallenge {
  readonly id: string;
  readonly title: string;
  readonly solved: boolean;
  readonly solvedAt?: Date;
  readonly hintsUsed: number;
  readonly hintCount: number;
  /** The learner asked twice to see the reference solution (before or after solving it). */
  readonly solutionRequested: boolean;
}

export interface ProgressReport {
  readonly exercises: readonly ReportExercise[];
  readonly doneCount: number;
  readonly stepCount: number;
  readonly completedExercises: number;
  readonly challenges: readonly ReportChallenge[];
  readonly solvedChallenges: number;
}

export function buildReport(
  lessons: readonly ReportLesson[],
  progress: Progress,
  challengeLessons: readonly ReportChallengeLesson[] = [],
): ProgressReport {
  const exercises = lessons.map((lesson): ReportExercise => {
    const steps = lesson.steps.map((step): ReportStep => {
      const done = isStepDone(progress, lesson.id, step.id);
      const at = done ? parseTime(progress.doneAt?.[answerKey(lesson.id, step.id)]) : undefined;
      return { id: step.id, title: step.title, done, ...(at ? { doneAt: at } : {}) };
    });
    const doneCount = steps.filter((s) => s.done).length;
    const times = steps.map((s) => s.doneAt?.getTime());
    const complete = doneCount === steps.length && steps.length > 0;
    const completedAt = complete && times.every((t) => t !== undefined) ? new Date(Math.max(...times)) : undefined;
    return { id: lesson.id, title: lesson.title, steps, doneCount, ...(completedAt ? { completedAt } : {}) };
  });
  const challenges = challengeLessons.map((lesson): ReportChallenge => {
    const state = challengeProgress(progress, lesson.id);
    const at = parseTime(state.solvedAt);
    return {
      id: lesson.id,
      title: lesson.title,
      solved: state.solvedAt !== undefined,
      ...(at ? { solvedAt: at } : {}),
      hintsUsed: Math.min(state.hintsUsed, lesson.hints.length),
      hintCount: lesson.hints.length,
      solutionRequested: state.solutionRequests >= 2,
    };
  });
  return {
    exercises,
    doneCount: exercises.reduce((n, e) => n + e.doneCount, 0),
    stepCount: exercises.reduce((n, e) => n + e.steps.length, 0),
    completedExercises: exercises.filter((e) => e.steps.length > 0 && e.doneCount === e.steps.length).length,
    challenges,
    solvedChallenges: challenges.filter((c) => c.solved).length,
  };
}

function parseTime(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time);
}
