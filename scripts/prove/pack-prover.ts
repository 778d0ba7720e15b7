// Proves a content pack in the real guest, booted in Node, exactly as the guest tier proves the course,
// with the same proofs (guest-proofs.ts). For every exercise, on a freshly restored machine:
//   1. no step's checks pass yet, and running them changes nothing;
//   2. step by step: the checks fail, the reference solution is typed at the learner's console, the
//      checks pass within a timeout, running them (and the question's answer script) leaves the machine
//      exactly as it was, and a question's own answer is accepted while wrong ones are refused;
//   3. every listed mistake of a step, typed on a machine resumed from the state saved after the previous
//      step's solution (not retyped), leaves the step's checks failing and brings up the hint it names.
// Every challenge of the pack (its `challenges/` folder): the solution on a fresh machine as in 2, each
// mistake on a fresh machine as in 3.
// Each failure names the file and line (the step, check or mistake in exercise.md or challenge.md), the
// exercise or challenge, the step and the check. Content problems (the validator's) are failures too: a
// pack that does not load is not proven.
import { readFileSync } from "node:fs";
import path from "node:path";
import { CHALLENGE_FILE } from "../../src/exercises/challenge-loader.ts";
import { localizeChallenge, type Challenge } from "../../src/exercises/challenge-model.ts";
import { loadCourseWithPacks } from "../../src/exercises/course-packs.ts";
import { parseFrontMatter } from "../../src/exercises/front-matter.ts";
import { SHARED_FILE, formatProblem } from "../../src/exercises/loader.ts";
import { localize, type Exercise } from "../../src/exercises/model.ts";
import { challengesFolder, readCourse, readPack } from "../../src/exercises/pack-folders.ts";
import { proveFresh, proveMistake, proveSolution, type ProofProblem } from "./guest-proofs.ts";
import { startVm } from "./guest-vm.ts";
import { TypedTerminals } from "./typed-terminals.ts";

export interface ProofFailure {
  /** `content-packs/x/01-y/exercise.md:12`, or the validator's file:line. */
  readonly where: string;
  /** The exercise's or the challenge's folder. */
  readonly exercise?: string;
  readonly step?: string;
  readonly check?: string;
  readonly message: string;
}

export type ProofProgress =
  | { readonly kind: "exercise" | "challenge"; readonly folder: string; readonly steps: number; readonly mistakes: number }
  | {
      readonly kind: "step" | "mistake" | "solution";
      readonly folder: string;
      /** The step's id, the mistake's `why`, or the challenge's id. */
      readonly name: string;
      readonly passed: boolean;
      readonly ms: number;
    };

export interface PackProof {
  readonly pack: string;
  readonly exercises: number;
  readonly steps: number;
  readonly stepsProven: number;
  readonly challenges: number;
  readonly challengesProven: number;
  readonly mistakes: number;
  readonly mistakesProven: number;
  readonly failures: readonly ProofFailure[];
}

export interface ProveOptions {
  readonly onProgress?: (progress: ProofProgress) => void;
}

/** Where a key of a file's front matter is written, as `file:line` relative to the current directory. */
function locator(file: string): (keys: readonly PropertyKey[]) => string {
  const shown = path.relative(process.cwd(), file).split(path.sep).join("/");
  const parsed = parseFrontMatter(readFileSync(file, "utf8"));
  return (keys) => `${shown}:${parsed.lineOf(keys)}`;
}

/** A proof that throws (the guest did not answer, a console never settled) is a problem, not a crash. */
async function problemsOf(proof: () => Promise<ProofProblem[]>): Promise<ProofProblem[]> {
  try {
    return await proof();
  } catch (error) {
    return [{ message: error instanceof Error ? error.message : String(error) }];
  }
}

interface Tally {
  stepsProven: number;
  challengesProven: number;
  mistakes: number;
  mistakesProven: number;
  readonly failures: ProofFailure[];
}

/** Proves every exercise and challenge of the pack in `dir`; never throws for what the pack does wrong. */
export async function provePack(dir: string, options: ProveOptions = {}): Promise<PackProof> {
  const root = path.resolve(dir);
  const pack = readPack(root);
  const course = readCourse();
  const loaded = loadCourseWithPacks(course, [pack]);
  const failures: ProofFailure[] = loaded.problems.map((p) => ({ where: p.line ? `${p.file}:${p.line}` : p.file, message: formatProblem(p) }));
  // The pack's own come after the course's (one whose id the course already uses is left out, and reported).
  const courseAlone = loadCourseWithPacks(course, []);
  const exercises = loaded.exercises.slice(courseAlone.exercises.length);
  const challenges = loaded.challenges.slice(courseAlone.challenges.length);
  const tally: Tally = { stepsProven: 0, challengesProven: 0, mistakes: 0, mistakesProven: 0, failures };
  for (const exercise of exercises) await proveExercise(root, exercise, tally, options);
  for (const challenge of challenges) await proveChallenge(root, challenge, tally, options);
  return {
    pack: pack.displayRoot.replace(/\/$/, ""),
    exercises: exercises.length,
    steps: exercises.reduce((sum, e) => sum + e.steps.length, 0),
    stepsProven: tally.stepsProven,
    challenges: challenges.length,
    challengesProven: tally.challengesProven,
    mistakes: tally.mistakes,
    mistakesProven: tally.mistakesProven,
    failures,
  };
}

async function proveExercise(dir: string, exercise: Exercise, tally: Tally, options: ProveOptions): Promise<void> {
  const lesson = localize(exercise, "en");
  const at = locator(path.join(dir, exercise.folder, SHARED_FILE));
  const stepIndex = (id: string): number => lesson.steps.findIndex((s) => s.id === id);
  /** A problem's place: its mistake, its check, or its step. */
  const where = (step: string | undefined, problem: ProofProblem): string => {
    if (step === undefined) return at([]);
    const index = stepIndex(step);
    if (problem.mistake !== undefined) return at(["steps", index, "mistakes", problem.mistake, "why"]);
    if (problem.check === "question.answer") return at(["steps", index, "question", "answer"]);
    if (problem.check !== undefined) return at(["steps", index, "checks", problem.check]);
    return at(["steps", index, "id"]);
  };
  const report = (step: string | undefined, problems: readonly ProofProblem[]): void => {
    for (const problem of problems) {
      const named = problem.step ?? step;
      tally.failures.push({
        where: where(named, problem),
        exercise: exercise.folder,
        ...(named !== undefined ? { step: named } : {}),
        ...(problem.check !== undefined ? { check: problem.check } : {}),
        message: problem.message,
      });
    }
  };
  const mistakes = lesson.steps.reduce((sum, s) => sum + s.mistakes.length, 0);
  options.onProgress?.({ kind: "exercise", folder: exercise.folder, steps: lesson.steps.length, mistakes });

  /** Per step id: the guest as the previous steps' solutions left it, for that step's mistakes. */
  const before = new Map<string, ArrayBuffer>();
  const vm = await startVm();
  try {
    const learner = new TypedTerminals(vm);
    const fresh = await problemsOf(() => proveFresh(vm, lesson.steps));
    report(undefined, fresh);
    const doneWhenFresh = new Set(fresh.map((p) => p.step));
    for (const step of lesson.steps) {
      const started = performance.now();
      if (step.mistakes.length > 0) before.set(step.id, await vm.saveState());
      const problems = await problemsOf(() => proveSolution(vm, learner, step));
      // Said once: a step that passes on a fresh machine also passes before its solution.
      report(step.id, problems.filter((p) => !(p.beforeSolution && doneWhenFresh.has(step.id))));
      const passed = problems.length === 0 && !doneWhenFresh.has(step.id);
      if (passed) tally.stepsProven++;
      options.onProgress?.({ kind: "step", folder: exercise.folder, name: step.id, passed, ms: performance.now() - started });
    }
  } finally {
    await vm.dispose();
  }
  // One machine emulates at a time: each mistake resumes the state saved before its step.
  for (const step of lesson.steps) {
    for (const [index, mistake] of step.mistakes.entries()) {
      const started = performance.now();
      const problems = await problemsOf(() => proveMistake(step.checks, mistake, index, before.get(step.id)));
      report(step.id, problems.map((p) => ({ ...p, mistake: index })));
      tally.mistakes++;
      if (problems.length === 0) tally.mistakesProven++;
      options.onProgress?.({ kind: "mistake", folder: exercise.folder, name: `${step.id}: ${mistake.why}`, passed: problems.length === 0, ms: performance.now() - started });
    }
  }
}

async function proveChallenge(dir: string, challenge: Challenge, tally: Tally, options: ProveOptions): Promise<void> {
  const lesson = localizeChallenge(challenge, "en");
  const at = locator(path.join(challengesFolder(dir), challenge.folder, CHALLENGE_FILE));
  const report = (problems: readonly ProofProblem[]): void => {
    for (const problem of problems) {
      const keys = problem.mistake !== undefined ? ["mistakes", problem.mistake, "why"] : problem.check !== undefined ? ["checks", problem.check] : ["solution"];
      tally.failures.push({ where: at(keys), exercise: `${path.basename(challengesFolder(dir))}/${challenge.folder}`, ...(problem.check !== undefined ? { check: problem.check } : {}), message: problem.message });
    }
  };
  options.onProgress?.({ kind: "challenge", folder: challenge.folder, steps: 1, mistakes: challenge.mistakes.length });
  const started = performance.now();
  const vm = await startVm();
  let problems: ProofProblem[];
  try {
    problems = await problemsOf(() => proveSolution(vm, new TypedTerminals(vm), lesson));
  } finally {
    await vm.dispose();
  }
  report(problems);
  if (problems.length === 0) tally.challengesProven++;
  options.onProgress?.({ kind: "solution", folder: challenge.folder, name: challenge.id, passed: problems.length === 0, ms: performance.now() - started });
  for (const [index, mistake] of challenge.mistakes.entries()) {
    const began = performance.now();
    const found = await problemsOf(() => proveMistake(lesson.checks, mistake, index));
    report(found.map((p) => ({ ...p, mistake: index })));
    tally.mistakes++;
    if (found.length === 0) tally.mistakesProven++;
    options.onProgress?.({ kind: "mistake", folder: challenge.folder, name: mistake.why, passed: found.length === 0, ms: performance.now() - began });
  }
}
