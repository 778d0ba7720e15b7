// Which exercises the course-all spec completes in the UI. The guest tier types every exercise's
// solution and every mistake into the real guest and runs its checks (tests/guest/exercise-suite.ts);
// what completing an exercise in Chromium adds is the course panel and the terminals around them, and
// those show a step the same way whatever its content, except for the kinds of step listed below. So
// the spec completes the fewest exercises that between them show every kind of step the course uses:
// on a slow 2-core CI host, all 24 exercises took ~48 of the run's minutes, these few take a fraction
// of that. E2E_COURSE=all completes every exercise; E2E_COURSE=03-chroot,05-uts-ipc the ones named.
import { terminalParts } from "../src/exercises/terminal-parts.ts";
import type { Exercise } from "../src/exercises/model.ts";

/** What the UI does differently for a step: the kinds of its checks, its question, its terminals, its runtime. */
export function stepKinds(exercise: Exercise): Set<string> {
  const kinds = new Set<string>();
  for (const step of exercise.steps) {
    for (const check of step.checks) kinds.add(`${check.kind} check`);
    if (step.checks.length === 0) kinds.add("a step with a question only");
    if (step.question) kinds.add(`a ${step.question.compare} question`);
    for (const part of terminalParts(step.solution)) kinds.add(`typed in terminal ${part.terminal}`);
    // The lab's container runtime: a daemon in the guest, images pulled from the guest's registry.
    if (/\bminidock\b/.test(step.solution)) kinds.add("minidock");
  }
  if (exercise.text.en.recap) kinds.add("a recap");
  return kinds;
}

/**
 * The fewest exercises (found greedily: the one adding the most kinds first, the one with fewer steps
 * on a tie) whose steps show every kind any exercise's steps show; in course order.
 */
export function coveringExercises(exercises: readonly Exercise[]): Exercise[] {
  const kindsOf = new Map(exercises.map((exercise) => [exercise, stepKinds(exercise)]));
  const missing = new Set([...kindsOf.values()].flatMap((kinds) => [...kinds]));
  const chosen: Exercise[] = [];
  while (missing.size > 0) {
    let best: Exercise | undefined;
    let bestGain = 0;
    for (const [exercise, kinds] of kindsOf) {
      const gain = [...kinds].filter((kind) => missing.has(kind)).length;
      if (gain > bestGain || (gain === bestGain && best !== undefined && exercise.steps.length < best.steps.length)) {
        best = exercise;
        bestGain = gain;
      }
    }
    if (!best) break;
    chosen.push(best);
    for (const kind of kindsOf.get(best)!) missing.delete(kind);
  }
  return chosen.sort((a, b) => a.order - b.order);
}

/** The exercises E2E_COURSE selects: unset, the covering few; `all`, every one; else the folders named. */
export function selectedExercises(exercises: readonly Exercise[], selection = process.env.E2E_COURSE): Exercise[] {
  if (!selection) return coveringExercises(exercises);
  if (selection === "all") return [...exercises];
  const folders = selection.split(",");
  const unknown = folders.filter((folder) => !exercises.some((exercise) => exercise.folder === folder));
  if (unknown.length > 0) throw new Error(`E2E_COURSE names no exercise folder: ${unknown.join(", ")} (e.g. 05-uts-ipc, or all)`);
  return exercises.filter((exercise) => folders.includes(exercise.folder));
}
