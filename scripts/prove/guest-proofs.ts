// What proves a step or a challenge in the real guest, written once for the guest tier (the course's
// exercises and challenges) and for the pack prover (`npm run prove`). Each proof returns the problems
// it found rather than throwing, so the tests assert an empty list and the prover prints each problem
// with the file and line it points at.
//   - proveFresh: on a fresh machine no step passes, and running the checks changes nothing;
//   - proveSolution: the checks fail, the reference solution typed at the console makes them pass, and
//     running them (and a question's answer script) leaves the guest exactly as it was; a question's
//     own answer is accepted, a wrong one and each listed wrong answer refused;
//   - proveMistake: a listed mistake, typed on a machine resumed from the state the previous steps'
//     solutions left (or a fresh one), leaves the checks failing and brings up the hint it names.
import { acceptedAnswers, checkAnswer, runChecks, withPrelude, type StepReport } from "../../src/exercises/check-runner.ts";
import type { Mistake } from "../../src/exercises/mistakes.ts";
import type { LessonCheck, LessonStep } from "../../src/exercises/model.ts";
import { outputText } from "../../src/vm/agent-client.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { fingerprint, fingerprintDiff } from "./guest-fingerprint.ts";
import { createVm, startVm } from "./guest-vm.ts";
import { TypedTerminals } from "./typed-terminals.ts";

export interface ProofProblem {
  /** The step it concerns (proveFresh names it; the others concern the step they were given). */
  readonly step?: string;
  /** The check that failed, or `question.answer`. */
  readonly check?: string;
  /** The index of the mistake (in its `mistakes:` list) that passed. */
  readonly mistake?: number;
  /** The checks passed before the solution was typed (on a first step: what proveFresh also finds). */
  readonly beforeSolution?: true;
  readonly message: string;
}

/** What a step or a challenge is proven with: its checks, its reference solution, its question. */
export interface ProvenTarget {
  readonly id: string;
  readonly checks: readonly LessonCheck[];
  readonly solution: string;
  readonly question?: LessonStep["question"];
}

/** How long a typed solution may take to make the checks pass. */
export const PASS_TIMEOUT_MS = 60_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function describeReport(report: StepReport): string {
  return report.results
    .map((r) => `${r.id}: ${r.status}${r.detail ? ` (${r.detail})` : ""}${r.recognised ? ` [recognised: ${r.recognised}]` : ""}\n${r.stdout ?? ""}${r.stderr ?? ""}`)
    .join("\n")
    .trimEnd();
}

async function check(vm: VirtualMachine, checks: readonly LessonCheck[], what: string): Promise<StepReport> {
  const report = await runChecks(vm.agent, checks);
  if (process.env.DEBUG_FINGERPRINT) {
    console.log(`${what}: ${report.results.map((r) => `${r.id} ${r.status} ${Math.round(r.durationMs)} ms`).join(", ")}`);
  }
  return report;
}

/** A fingerprint taken once the guest has stopped changing by itself (a typed command may still be finishing). */
async function stableFingerprint(vm: VirtualMachine, learner: TypedTerminals, what: string): Promise<string> {
  let first = await fingerprint(vm);
  for (let attempt = 0; attempt < 5; attempt++) {
    const again = await fingerprint(vm);
    if (again === first) break;
    if (process.env.DEBUG_FINGERPRINT) console.log(`guest still changing after ${what}`);
    first = again;
    await learner.settled(what);
  }
  return first;
}

/** On a fresh machine: every step with checks fails them, and running them changes nothing. */
export async function proveFresh(vm: VirtualMachine, steps: readonly Pick<ProvenTarget, "id" | "checks">[]): Promise<ProofProblem[]> {
  const problems: ProofProblem[] = [];
  const untouched = await fingerprint(vm);
  for (const step of steps) {
    if (step.checks.length === 0) continue;
    const report = await check(vm, step.checks, step.id);
    if (report.passed) problems.push({ step: step.id, message: `passes on a fresh machine, before anything was typed:\n${describeReport(report)}` });
  }
  const after = await fingerprint(vm);
  if (after !== untouched) problems.push({ message: `running the checks on a fresh machine changed it:\n${fingerprintDiff(untouched, after)}` });
  return problems;
}

/** Types the target's solution into the terminals of `vm` it names and proves it as the header says. */
export async function proveSolution(vm: VirtualMachine, learner: TypedTerminals, target: ProvenTarget): Promise<ProofProblem[]> {
  const problems: ProofProblem[] = [];
  if (target.checks.length > 0) {
    const report = await check(vm, target.checks, target.id);
    if (report.passed) problems.push({ beforeSolution: true, message: `passes before its solution is typed:\n${describeReport(report)}` });
  }

  await learner.type(target.solution, `${target.id}'s solution`);
  // Taken before the checks run on the solved machine: whatever they change shows below.
  const solved = await stableFingerprint(vm, learner, target.id);
  if (target.checks.length > 0) {
    const deadline = performance.now() + PASS_TIMEOUT_MS;
    let report = await check(vm, target.checks, target.id);
    while (!report.passed && performance.now() < deadline) {
      await sleep(500);
      report = await check(vm, target.checks, target.id);
    }
    if (!report.passed) {
      const console_ = `--- console:\n${learner.transcript(1500)}`;
      for (const result of report.results.filter((r) => !r.passed)) {
        const detail = `${result.status}${result.detail ? ` (${result.detail})` : ""}\n${result.stdout ?? ""}${result.stderr ?? ""}`.trimEnd();
        problems.push({ check: result.id, message: `still fails after the reference solution was typed: ${detail}\n${console_}` });
      }
      return problems;
    }
  }
  if (target.question) problems.push(...(await questionProblems(vm, target.question)));
  const after = await fingerprint(vm);
  if (after !== solved) problems.push({ message: `running the checks changed the machine:\n${fingerprintDiff(solved, after)}` });
  return problems;
}

async function questionProblems(vm: VirtualMachine, question: NonNullable<ProvenTarget["question"]>): Promise<ProofProblem[]> {
  const problem = (message: string): ProofProblem => ({ check: "question.answer", message });
  const answers = await vm.agent.run(withPrelude(question.answer), { timeoutMs: question.timeoutMs });
  const accepted = acceptedAnswers(outputText(answers.stdout));
  if (accepted.length === 0) return [problem(`the answer script printed nothing: ${outputText(answers.stderr).trim()}`)];
  const problems: ProofProblem[] = [];
  const right = await checkAnswer(vm.agent, question, accepted[0]!);
  if (!right.correct) problems.push(problem(`its own answer "${accepted[0]}" is refused (${right.status})`));
  const wrong = await checkAnswer(vm.agent, question, question.compare === "number" ? "-987654" : "not-this-one");
  if (wrong.correct || wrong.status !== "wrong") problems.push(problem(`a wrong answer is not refused as wrong (${wrong.status})`));
  for (const mistake of question.mistakes) {
    const result = await checkAnswer(vm.agent, question, mistake.answer);
    if (result.correct) problems.push(problem(`the wrong answer "${mistake.answer}" (${mistake.why}) is accepted; accepted answers: ${accepted.join(" | ")}`));
  }
  return problems;
}

/**
 * Types mistake number `index` on a machine resumed from `state` (the guest as the previous steps'
 * solutions left it), or on a fresh machine without one; proves that the checks still fail, twice a
 * moment apart (an effect that arrives late has had time to show), and that the hint it names comes up.
 */
export async function proveMistake(checks: readonly LessonCheck[], mistake: Mistake, index: number, state?: ArrayBuffer): Promise<ProofProblem[]> {
  const vm = state ? await createVm({ resume: { state, console: "" } }) : undefined;
  const guest = vm ?? (await startVm());
  try {
    const typed = new TypedTerminals(guest);
    if (vm) await vm.start();
    await typed.type(mistake.script, `the mistake "${mistake.why}"`);
    let report: StepReport | undefined;
    for (let round = 0; round < 2; round++) {
      if (round > 0) await sleep(2000);
      report = await check(guest, checks, `mistake ${index + 1}`);
      if (report.passed) {
        return [{ mistake: index, message: `the mistake "${mistake.why}" passes every check:\n${describeReport(report)}\n--- console:\n${typed.transcript(1500)}` }];
      }
    }
    if (mistake.hint === undefined) return [];
    const recognised = report!.results.map((r) => r.recognised).filter((id) => id !== undefined);
    if (recognised.includes(mistake.hint)) return [];
    return [{ mistake: index, message: `the mistake "${mistake.why}" does not bring up the hint ${mistake.hint}:\n${describeReport(report!)}` }];
  } finally {
    await guest.dispose();
  }
}
