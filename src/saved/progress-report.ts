// What the instructor's progress report shows, computed from the course and the learner's progress:
// every exercise and step, done or not, and when. Pure, so the printable page only renders it.
import { answerKey, isStepDone, type Progress } from "../course/progress.ts";

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

export interface ProgressReport {
  readonly exercises: readonly ReportExercise[];
  readonly doneCount: number;
  readonly stepCount: number;
  readonly completedExercises: number;
}

export function buildReport(lessons: readonly ReportLesson[], progress: Progress): ProgressReport {
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
  return {
    exercises,
    doneCount: exercises.reduce((n, e) => n + e.doneCount, 0),
    stepCount: exercises.reduce((n, e) => n + e.steps.length, 0),
    completedExercises: exercises.filter((e) => e.steps.length > 0 && e.doneCount === e.steps.length).length,
  };
}

function parseTime(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time);
}
