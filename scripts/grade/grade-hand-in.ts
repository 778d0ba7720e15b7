// Grades a hand-in by machine: the saved guest of an .islab is resumed in Node and every step's checks
// are run in it again, so a step counts as **proven** only if the handed-in machine still shows it (a
// step with a question only: if the answer the learner gave is still right in that machine). A step the
// progress says is done but the machine does not prove is **self-reported**; a JSON-only hand-in can
// only ever be self-reported. The rest is **missing**.
import { NodeAssetSource, V86_VERSION, V86_WASM_PATH } from "../../images/node-asset-source.ts";
import { answerKey, isStepDone } from "../../src/course/progress.ts";
import { checkAnswer, runChecks } from "../../src/exercises/check-runner.ts";
import type { Lesson } from "../../src/exercises/model.ts";
import { parseManifest } from "../../src/vm/manifest.ts";
import { VirtualMachine, runningOrigin } from "../../src/vm/virtual-machine.ts";
import type { HandIn } from "./hand-in.ts";

export type StepGrade = "proven" | "self-reported" | "missing";

export interface GradedHandIn {
  readonly learner: string;
  readonly file: string;
  /** Per `exercise/step`. */
  readonly steps: ReadonlyMap<string, StepGrade>;
  /** Why the machine could not be used (the grades then rest on the progress alone). */
  readonly note?: string;
}

async function resume(handIn: HandIn): Promise<{ vm?: VirtualMachine; note?: string }> {
  if (!handIn.machine) return { note: "progress only (JSON): nothing to re-check" };
  const assets = new NodeAssetSource();
  const manifest = parseManifest(await assets.loadManifest());
  const origin = runningOrigin(manifest, V86_VERSION);
  const saved = handIn.machine.header.origin;
  if (saved.v86Version !== origin.v86Version || saved.machine !== origin.machine || saved.inputsKey !== origin.inputsKey) {
    return { note: "the machine was saved by another build of the lab: cannot be re-checked" };
  }
  const vm = new VirtualMachine({
    manifest,
    assets,
    wasmPath: V86_WASM_PATH,
    v86Version: V86_VERSION,
    mode: "restore",
    resume: { state: handIn.machine.state, console: "" },
  });
  try {
    await vm.start();
  } catch (error) {
    await vm.dispose();
    return { note: `the saved machine did not start: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { vm };
}

/** Grades `handIn` against `lessons` (the course, a pack, or one assignment's exercises). */
export async function gradeHandIn(handIn: HandIn, lessons: readonly Lesson[]): Promise<GradedHandIn> {
  const { vm, note } = await resume(handIn);
  const steps = new Map<string, StepGrade>();
  try {
    for (const lesson of lessons) {
      for (const step of lesson.steps) {
        const key = answerKey(lesson.id, step.id);
        const claimed = isStepDone(handIn.progress, lesson.id, step.id);
        let proven = false;
        if (vm) {
          const checksPass = step.checks.length === 0 || (await runChecks(vm.agent, step.checks)).passed;
          const answer = handIn.progress.answers[key];
          const answered = !step.question || (answer !== undefined && (await checkAnswer(vm.agent, step.question, answer)).correct);
          proven = checksPass && answered;
        }
        steps.set(key, proven ? "proven" : claimed ? "self-reported" : "missing");
      }
    }
  } finally {
    await vm?.dispose();
  }
  return { learner: handIn.learner, file: handIn.file, steps, ...(note ? { note } : {}) };
}
