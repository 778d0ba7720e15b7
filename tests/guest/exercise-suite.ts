// Every exercise against the real guest (the tests are defined here; exercises-N.test.ts run a part each).
// For each exercise, on a freshly restored VM:
//   1. no step's checks pass yet, and running them (hintchecks included) changes nothing;
//   2. step by step, the checks still fail, then the step's reference solution is typed into the
//      learner's console (as a learner would), and the checks pass within a timeout;
//   3. running the checks (and the question's answer script) leaves the guest exactly as it was:
//      processes, namespaces, cgroups, mounts, network, hostname and files (their contents) are
//      compared between a fingerprint taken before the checks first run and one after;
//   4. a question's expected answer can be computed, is accepted, and a wrong answer is refused;
//   5. every mistake of a step, typed into a machine resumed from the state the previous steps'
//      solutions left (saved once, not retyped), leaves the step's checks failing, and brings up the
//      targeted hint it names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outputText } from "../../src/vm/agent-client.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { acceptedAnswers, checkAnswer, runChecks, withPrelude, type StepReport } from "../../src/exercises/check-runner.ts";
import { formatProblem } from "../../src/exercises/loader.ts";
import { localize, type LessonStep } from "../../src/exercises/model.ts";
import { loadExercisesFromDir } from "../../src/exercises/node-loader.ts";
import { fingerprint } from "../../scripts/prove/guest-fingerprint.ts";
import { createVm, startVm } from "./helpers.ts";

const { exercises, problems } = loadExercisesFromDir();
// EXERCISE=03-chroot (or a comma-separated list) runs only those folders.
const only = process.env.EXERCISE ? new Set(process.env.EXERCISE.split(",")) : undefined;

const PASS_TIMEOUT_MS = 60_000;
/**
 * A step types its solution, polls its checks, takes three fingerprints and saves the machine; a
 * mistake resumes a machine, types and checks. minidock's steps need more than the tier's default
 * when the host is busy.
 */
const STEP_TEST_TIMEOUT_MS = 300_000;

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!test()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}


/** A learner's console on a VM: type into it, and wait until what was typed has run. */
class Console {
  private lastOutput = 0;
  private markers = 0;
  transcript = "";

  constructor(readonly vm: VirtualMachine) {
    vm.events.on("console", (bytes) => {
      this.lastOutput = performance.now();
      this.transcript = (this.transcript + new TextDecoder().decode(bytes)).slice(-20_000);
    });
  }

  type(text: string): void {
    this.vm.sendConsole(`${text}\n`);
  }

  /**
   * Waits until everything typed so far has run: the shell prints the marker only after running
   * everything typed before it (the typed text itself echoes as `$((…))`, not as the number); then
   * until the console has printed nothing for a while.
   */
  async settled(what: string): Promise<void> {
    this.markers++;
    this.type(`echo $((${this.markers} + 1000))-settled`);
    // Typing runs at the emulated serial line's pace, and a throttled loop (09) takes its time.
    await waitFor(() => this.transcript.includes(`${this.markers + 1000}-settled`), 180_000, `the console to run ${what}`);
    const deadline = performance.now() + 30_000;
    while (performance.now() - this.lastOutput < 800 && performance.now() < deadline) await sleep(100);
  }
}

/** A fingerprint taken once the guest has stopped changing by itself (a typed command may still be finishing). */
async function stableFingerprint(vm: VirtualMachine, learner: Console, what: string): Promise<string> {
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

async function check(vm: VirtualMachine, step: LessonStep): Promise<StepReport> {
  const report = await runChecks(vm.agent, step.checks);
  if (process.env.DEBUG_FINGERPRINT) {
    console.log(`${step.id}: ${report.results.map((r) => `${r.id} ${r.status} ${Math.round(r.durationMs)} ms`).join(", ")}`);
  }
  return report;
}

function describeReport(report: StepReport): string {
  return report.results
    .map((r) => `${r.id}: ${r.status}${r.detail ? ` (${r.detail})` : ""}${r.recognised ? ` [recognised: ${r.recognised}]` : ""}\n${r.stdout ?? ""}${r.stderr ?? ""}`)
    .join("\n");
}


/**
 * Defines the tests of every `parts`-th exercise, starting at `part` (1-based): the guest tier runs the
 * parts as files of their own (exercises-1.test.ts, ...), side by side on the machine's cores.
 */
export function exerciseSuite(part: number, parts: number): void {
  // Checks of the content and of the fingerprint itself run once, in the first part.
  if (part === 1) {
    it("the content is valid", () => {
      expect(problems.map(formatProblem)).toEqual([]);
    });

    // A filter that matches nothing must not pass with nothing tested.
    it.runIf(only)("EXERCISE names existing exercise folders", () => {
      const unknown = [...(only ?? [])].filter((folder) => !exercises.some((e) => e.folder === folder));
      expect(unknown, `EXERCISE=${process.env.EXERCISE}: no such exercise folder in src/content (e.g. 05-uts-ipc)`).toEqual([]);
    });

    describe.runIf(!only)("the guest fingerprint", () => {
      let vm: VirtualMachine;
      beforeAll(async () => {
        vm = await startVm();
      });
      afterAll(async () => {
        await vm?.dispose();
      });

      it("notices what a careless check could change", async () => {
        const before = await fingerprint(vm);
        expect(await fingerprint(vm)).toBe(before); // stable by itself
        const netIds = (text: string): Set<string> => new Set(text.match(/net:\[\d+\]/g));
        const probes: [change: string, undo: string, visible: (changed: string) => boolean][] = [
          ["mkdir /tmp/probe", "rmdir /tmp/probe", (t) => /^\/tmp\/probe$/m.test(t)],
          ["cp /etc/hostname /tmp/probe-file", "rm /tmp/probe-file", (t) => / \/tmp\/probe-file$/m.test(t)],
          ["cp /etc/hostname /tmp/hostname-copy && echo changed >> /etc/hostname", "cat /tmp/hostname-copy > /etc/hostname && rm /tmp/hostname-copy", (t) => !t.includes(before.match(/^\w+ {2}\/etc\/hostname$/m)![0])],
          ["hostname probe", "hostname lab", (t) => /^probe$/m.test(t)],
          ["echo 33 > /proc/sys/vm/swappiness", "echo 60 > /proc/sys/vm/swappiness", (t) => /^\/proc\/sys\/vm\/swappiness:33$/m.test(t)],
          ["busybox mount -t tmpfs probe /mnt", "busybox umount /mnt", (t) => / \/mnt .* - tmpfs probe /.test(t)],
          ["setsid sleep 600 </dev/null >/dev/null 2>&1 &", "kill $(pidof sleep)", (t) => /^proc \d+ 1 sleep$/m.test(t)],
          [
            "unshare --net --fork sleep 600 </dev/null >/dev/null 2>&1 &",
            "kill $(pidof sleep)",
            (t) => [...netIds(t)].some((id) => !netIds(before).has(id)),
          ],
        ];
        for (const [change, undo, visible] of probes) {
          await vm.agent.run(change);
          await sleep(300);
          const changed = await fingerprint(vm);
          expect(changed, change).not.toBe(before);
          expect(visible(changed), change).toBe(true);
          await vm.agent.run(undo);
          await sleep(300);
          expect(await fingerprint(vm), undo).toBe(before);
        }
        // Two fingerprints per probe, and a loaded machine can take several seconds for each.
      }, 600_000);
    });
  }

  if (part === 1) it("every step of the course lists at least one mistake", () => {
    const missing = exercises.flatMap((exercise) =>
      (only && !only.has(exercise.folder) ? [] : exercise.steps)
        .filter((step) => step.mistakes.length === 0 && (step.question?.mistakes.length ?? 0) === 0)
        .map((step) => `${exercise.folder} step ${step.id}`),
    );
    expect(missing, "steps without a mistake").toEqual([]);
  });

  let defined = 0;
  for (const [index, exercise] of exercises.entries()) {
    if (only && !only.has(exercise.folder)) continue;
    // Exercises alternate between the parts, so each part gets early (short) and late (long) ones.
    if (index % parts !== part - 1) continue;
    defined++;
    const lesson = localize(exercise, "en");

    describe.sequential(`exercise ${exercise.folder}`, () => {
      let vm: VirtualMachine | undefined;
      let learner: Console;
      /** Per step id: the guest as the previous steps' solutions left it, for that step's mistakes. */
      const before = new Map<string, ArrayBuffer>();

      beforeAll(async () => {
        vm = await startVm();
        learner = new Console(vm);
      });

      afterAll(async () => {
        await vm?.dispose();
      });

      it("no step's checks pass on a fresh VM, and running them changes nothing", async () => {
        const untouched = await fingerprint(vm!);
        for (const step of lesson.steps) {
          if (step.checks.length === 0) continue;
          const report = await check(vm!, step);
          expect(report.passed, `step ${step.id} passes on a fresh VM:\n${describeReport(report)}`).toBe(false);
        }
        expect(await fingerprint(vm!), "running the checks on a fresh VM changed the guest").toBe(untouched);
      }, STEP_TEST_TIMEOUT_MS);

      for (const step of lesson.steps) {
        it(`step ${step.id}: fails, passes after the typed solution, and checking changes nothing`, async () => {
          const guest = vm!;
          if (step.mistakes.length > 0) before.set(step.id, await guest.saveState());
          if (step.checks.length > 0) {
            const report = await check(guest, step);
            expect(report.passed, `step ${step.id} passes before its solution is typed:\n${describeReport(report)}`).toBe(false);
          }

          learner.type(step.solution);
          await learner.settled(`${step.id}'s solution`);
          // Taken before the checks run on the solved step: whatever they change shows below.
          const solved = await stableFingerprint(guest, learner, step.id);
          if (step.checks.length > 0) {
            const deadline = performance.now() + PASS_TIMEOUT_MS;
            let report = await check(guest, step);
            while (!report.passed && performance.now() < deadline) {
              await sleep(500);
              report = await check(guest, step);
            }
            expect(
              report.passed,
              `step ${step.id} still fails after its solution:\n${describeReport(report)}\n--- console:\n${learner.transcript.slice(-3000)}`,
            ).toBe(true);
          }
          if (step.question) {
            const answers = await guest.agent.run(withPrelude(step.question.answer), { timeoutMs: step.question.timeoutMs });
            const accepted = acceptedAnswers(outputText(answers.stdout));
            expect(accepted.length, `answer script of ${step.id} printed nothing: ${outputText(answers.stderr)}`).toBeGreaterThan(0);
            const right = await checkAnswer(guest.agent, step.question, accepted[0]!);
            expect(right, `accepted answers: ${accepted.join(" | ")}`).toMatchObject({ correct: true });
            const wrong = await checkAnswer(guest.agent, step.question, step.question.compare === "number" ? "-987654" : "not-this-one");
            expect(wrong).toMatchObject({ correct: false, status: "wrong" });
            for (const mistake of step.question.mistakes) {
              const result = await checkAnswer(guest.agent, step.question, mistake.answer);
              expect(
                result.correct,
                `${exercise.folder} step ${step.id}: the wrong answer "${mistake.answer}" (${mistake.why}) is accepted; accepted answers: ${accepted.join(" | ")}`,
              ).toBe(false);
            }
          }
          const after = await fingerprint(guest);
          expect(after, `running the checks of ${step.id} changed the guest`).toBe(solved);
        }, STEP_TEST_TIMEOUT_MS);
      }

      for (const step of lesson.steps) {
        for (const [index, mistake] of step.mistakes.entries()) {
          it(`step ${step.id}: mistake ${index + 1} (${mistake.why}) does not pass`, async () => {
            // The steps ran on the first machine; mistakes each get a machine resumed from the saved
            // state, so one machine emulates at a time.
            if (vm) {
              await vm.dispose();
              vm = undefined;
            }
            const state = before.get(step.id);
            expect(state, `the state before step ${step.id} was not saved (did its test fail?)`).toBeDefined();
            const resumed = await createVm({ resume: { state: state!, console: "" } });
            try {
              const typed = new Console(resumed);
              await resumed.start();
              typed.type(mistake.script);
              await typed.settled(`the mistake "${mistake.why}"`);
              let report = await check(resumed, step);
              if (!report.passed) {
                // A mistake may still be finishing in the background: look once more a moment later.
                await sleep(2000);
                report = await check(resumed, step);
              }
              const passing = report.results.filter((r) => r.passed).map((r) => r.id);
              expect(
                report.passed,
                `${exercise.folder} step ${step.id}: the mistake "${mistake.why}" passes the checks ${passing.join(", ")}:\n` +
                  `${describeReport(report)}\n--- console:\n${typed.transcript.slice(-3000)}`,
              ).toBe(false);
              if (mistake.hint !== undefined) {
                const recognised = report.results.map((r) => r.recognised).filter((id) => id !== undefined);
                expect(
                  recognised,
                  `${exercise.folder} step ${step.id}: the mistake "${mistake.why}" does not bring up the hint ${mistake.hint}:\n${describeReport(report)}`,
                ).toContain(mistake.hint);
              }
            } finally {
              await resumed.dispose();
            }
          }, STEP_TEST_TIMEOUT_MS);
        }
      }

      afterAll(() => before.clear());
    });
  }

  // EXERCISE may select only exercises of another part: say so rather than leave this file empty.
  if (defined === 0 && part !== 1) it.skip(`no exercise of part ${part} is selected by EXERCISE=${process.env.EXERCISE ?? ""}`, () => {});
}
