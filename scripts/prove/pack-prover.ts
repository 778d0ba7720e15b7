// Proves a content pack in the real guest, booted in Node, the way the guest tier proves the course:
// for every exercise, on a freshly restored machine,
//   1. no step's checks pass yet;
//   2. step by step: the checks fail, the reference solution is typed at the learner's console, and the
//      checks pass within a timeout;
//   3. running the checks (and the question's answer script) leaves the machine exactly as it was;
//   4. a question's answer script prints an answer that is accepted, and a wrong answer is refused.
// Each failure names the file and line (the step or check in exercise.md), the exercise, the step and
// the check. Content problems (the validator's) are failures too: a pack that does not load is not proven.
import { readFileSync } from "node:fs";
import path from "node:path";
import { NodeAssetSource, V86_VERSION, V86_WASM_PATH } from "../../images/node-asset-source.ts";
import { acceptedAnswers, checkAnswer, runChecks, withPrelude, type StepReport } from "../../src/exercises/check-runner.ts";
import { loadCourseWithPacks } from "../../src/exercises/course-packs.ts";
import { parseFrontMatter } from "../../src/exercises/front-matter.ts";
import { SHARED_FILE, formatProblem } from "../../src/exercises/loader.ts";
import { localize, type Exercise, type LessonStep } from "../../src/exercises/model.ts";
import { readCourse, readPack } from "../../src/exercises/pack-folders.ts";
import { outputText } from "../../src/vm/agent-client.ts";
import { parseManifest } from "../../src/vm/manifest.ts";
import { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { fingerprint, fingerprintDiff } from "./guest-fingerprint.ts";

export interface ProofFailure {
  /** `content-packs/x/01-y/exercise.md:12`, or the validator's file:line. */
  readonly where: string;
  readonly exercise?: string;
  readonly step?: string;
  readonly check?: string;
  readonly message: string;
}

export type ProofProgress =
  | { readonly kind: "exercise"; readonly exercise: string; readonly steps: number }
  | { readonly kind: "step"; readonly exercise: string; readonly step: string; readonly passed: boolean; readonly ms: number };

export interface PackProof {
  readonly pack: string;
  readonly exercises: number;
  readonly steps: number;
  readonly stepsProven: number;
  readonly failures: readonly ProofFailure[];
}

export interface ProveOptions {
  readonly onProgress?: (progress: ProofProgress) => void;
  /** How long typed solutions may take to make the checks pass. */
  readonly passTimeoutMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Where a step and its checks are written in exercise.md, for failure messages. */
function locator(dir: string, exercise: Exercise): { step: (index: number) => string; check: (index: number, id: string) => string } {
  const file = path.join(dir, exercise.folder, SHARED_FILE);
  const shown = path.relative(process.cwd(), file).split(path.sep).join("/");
  const parsed = parseFrontMatter(readFileSync(file, "utf8"));
  return {
    step: (index) => `${shown}:${parsed.lineOf(["steps", index, "id"])}`,
    check: (index, id) => `${shown}:${parsed.lineOf(["steps", index, "checks", id])}`,
  };
}

function describeReport(report: StepReport): string {
  return report.results.map((r) => `${r.id}: ${r.status}${r.detail ? ` (${r.detail})` : ""}`).join("; ");
}

async function startVm(): Promise<VirtualMachine> {
  const assets = new NodeAssetSource();
  const vm = new VirtualMachine({
    manifest: parseManifest(await assets.loadManifest()),
    assets,
    wasmPath: V86_WASM_PATH,
    v86Version: V86_VERSION,
    mode: "restore",
  });
  try {
    await vm.start();
  } catch (error) {
    await vm.dispose();
    throw error;
  }
  return vm;
}

/** Proves every exercise of the pack in `dir`; never throws for what the pack does wrong. */
export async function provePack(dir: string, options: ProveOptions = {}): Promise<PackProof> {
  const pack = readPack(path.resolve(dir));
  const loaded = loadCourseWithPacks(readCourse(), [pack]);
  const failures: ProofFailure[] = loaded.problems.map((p) => ({ where: p.line ? `${p.file}:${p.line}` : p.file, message: formatProblem(p) }));
  const ids = new Set(
    pack.files.filter((f) => f.path.endsWith(`/${SHARED_FILE}`)).map((f) => f.path.split("/")[0]!.replace(/^\d+-/, "")),
  );
  const exercises = loaded.exercises.filter((e) => ids.has(e.id) && pack.files.some((f) => f.path === `${e.folder}/${SHARED_FILE}`));
  let steps = 0;
  let stepsProven = 0;
  for (const exercise of exercises) {
    const result = await proveExercise(path.resolve(dir), exercise, options);
    failures.push(...result.failures);
    steps += result.steps;
    stepsProven += result.proven;
  }
  return { pack: pack.displayRoot.replace(/\/$/, ""), exercises: exercises.length, steps, stepsProven, failures };
}

async function proveExercise(dir: string, exercise: Exercise, options: ProveOptions): Promise<{ steps: number; proven: number; failures: ProofFailure[] }> {
  const lesson = localize(exercise, "en");
  const where = locator(dir, exercise);
  const failures: ProofFailure[] = [];
  const fail = (failure: Omit<ProofFailure, "exercise">) => failures.push({ exercise: exercise.folder, ...failure });
  options.onProgress?.({ kind: "exercise", exercise: exercise.folder, steps: lesson.steps.length });
  const vm = await startVm();
  let transcript = "";
  let lastOutput = performance.now();
  vm.events.on("console", (bytes) => {
    lastOutput = performance.now();
    transcript = (transcript + new TextDecoder().decode(bytes)).slice(-20_000);
  });
  const consoleQuiet = async (quietMs = 800, timeoutMs = 30_000): Promise<void> => {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() - lastOutput < quietMs && performance.now() < deadline) await sleep(100);
  };
  let proven = 0;
  let markers = 0;
  /** Steps already done on a fresh machine: not proven, whatever their solution does. */
  const doneWhenFresh = new Set<string>();
  try {
    // 1. A fresh machine: no step is done yet.
    for (const [index, step] of lesson.steps.entries()) {
      if (step.checks.length === 0) continue;
      const report = await runChecks(vm.agent, step.checks);
      if (report.passed) doneWhenFresh.add(step.id);
      if (report.passed) fail({ where: where.step(index), step: step.id, message: `passes on a fresh machine, before anything was typed (${describeReport(report)})` });
    }
    // 2-4. Step by step.
    for (const [index, step] of lesson.steps.entries()) {
      const started = performance.now();
      const before = failures.length;
      await proveStep(step, index);
      const passed = failures.length === before && !doneWhenFresh.has(step.id);
      if (passed) proven++;
      options.onProgress?.({ kind: "step", exercise: exercise.folder, step: step.id, passed, ms: performance.now() - started });
    }
  } finally {
    await vm.dispose();
  }
  return { steps: lesson.steps.length, proven, failures };

  async function proveStep(step: LessonStep, index: number): Promise<void> {
    vm.sendConsole(`${step.solution}\n`);
    if (step.checks.length > 0) {
      const deadline = performance.now() + (options.passTimeoutMs ?? 60_000);
      let report = await runChecks(vm.agent, step.checks);
      while (!report.passed && performance.now() < deadline) {
        await sleep(500);
        report = await runChecks(vm.agent, step.checks);
      }
      if (!report.passed) {
        for (const [checkIndex, result] of report.results.entries()) {
          if (result.passed) continue;
          const check = step.checks[checkIndex]!;
          fail({
            where: where.check(index, check.id),
            step: step.id,
            check: check.id,
            message: `still fails after the reference solution was typed: ${result.status}${result.detail ? ` (${result.detail})` : ""}\n--- console:\n${transcript.slice(-1200)}`,
          });
        }
        return;
      }
    }
    // Wait until the typed solution has run (the shell prints the marker only after it), then compare
    // the machine before and after the checks.
    markers++;
    vm.sendConsole(`echo $((${markers} + 1000))-settled\n`);
    const deadline = performance.now() + 60_000;
    while (!transcript.includes(`${markers + 1000}-settled`) && performance.now() < deadline) await sleep(100);
    await consoleQuiet();
    let first = await fingerprint(vm);
    for (let attempt = 0; attempt < 5; attempt++) {
      const again = await fingerprint(vm);
      if (again === first) break;
      first = again;
      await consoleQuiet();
    }
    if (step.checks.length > 0) await runChecks(vm.agent, step.checks);
    if (step.question) {
      const answers = await vm.agent.run(withPrelude(step.question.answer), { timeoutMs: step.question.timeoutMs });
      const accepted = acceptedAnswers(outputText(answers.stdout));
      if (accepted.length === 0) {
        fail({ where: where.step(index), step: step.id, check: "question.answer", message: `the answer script printed nothing: ${outputText(answers.stderr).trim()}` });
      } else {
        const right = await checkAnswer(vm.agent, step.question, accepted[0]!);
        if (!right.correct) fail({ where: where.step(index), step: step.id, check: "question.answer", message: `its own answer "${accepted[0]}" is refused` });
        const wrong = await checkAnswer(vm.agent, step.question, step.question.compare === "number" ? "-987654" : "not-this-one");
        if (wrong.correct) fail({ where: where.step(index), step: step.id, check: "question.answer", message: "a wrong answer is accepted" });
      }
    }
    const after = await fingerprint(vm);
    if (after !== first) {
      fail({ where: where.step(index), step: step.id, message: `running the checks changed the machine:\n${fingerprintDiff(first, after)}` });
    }
  }
}
