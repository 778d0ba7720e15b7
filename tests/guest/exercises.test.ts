// Every exercise against the real guest. For each exercise, on a freshly restored VM:
//   1. no step's checks pass yet;
//   2. step by step, the checks still fail, then the step's reference solution is typed into the
//      learner's console (as a learner would), and the checks pass within a timeout;
//   3. running the checks (and the question's answer script) leaves the guest exactly as it was:
//      processes, namespaces, cgroups, mounts, network, hostname and files are compared before/after;
//   4. a question's expected answer can be computed, is accepted, and a wrong answer is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outputText } from "../../src/vm/agent-client.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { acceptedAnswers, checkAnswer, runChecks, withPrelude, type StepReport } from "../../src/exercises/check-runner.ts";
import { formatProblem } from "../../src/exercises/loader.ts";
import { localize, type LessonStep } from "../../src/exercises/model.ts";
import { loadExercisesFromDir } from "../../src/exercises/node-loader.ts";
import { fingerprint } from "./guest-fingerprint.ts";
import { startVm } from "./helpers.ts";

const { exercises, problems } = loadExercisesFromDir();
// EXERCISE=03-chroot (or a comma-separated list) runs only those folders.
const only = process.env.EXERCISE ? new Set(process.env.EXERCISE.split(",")) : undefined;

const PASS_TIMEOUT_MS = 60_000;

it("the content is valid", () => {
  expect(problems.map(formatProblem)).toEqual([]);
});

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
  });
});

for (const exercise of exercises) {
  if (only && !only.has(exercise.folder)) continue;
  const lesson = localize(exercise, "en");

  describe.sequential(`exercise ${exercise.folder}`, () => {
    let vm: VirtualMachine;
    let lastConsoleOutput = 0;
    let transcript = "";
    let markers = 0;

    beforeAll(async () => {
      vm = await startVm();
      vm.events.on("console", (bytes) => {
        lastConsoleOutput = performance.now();
        transcript = (transcript + new TextDecoder().decode(bytes)).slice(-20_000);
      });
    });

    afterAll(async () => {
      await vm?.dispose();
    });

    /** Waits until the learner's console has printed nothing for a while (the typed input is done). */
    async function consoleQuiet(quietMs = 800, timeoutMs = 30_000): Promise<void> {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() - lastConsoleOutput < quietMs && performance.now() < deadline) await sleep(100);
    }

    async function check(step: LessonStep): Promise<StepReport> {
      const report = await runChecks(vm.agent, step.checks);
      if (process.env.DEBUG_FINGERPRINT) {
        console.log(`${step.id}: ${report.results.map((r) => `${r.id} ${r.status} ${Math.round(r.durationMs)} ms`).join(", ")}`);
      }
      return report;
    }

    function describeReport(report: StepReport): string {
      return report.results
        .map((r) => `${r.id}: ${r.status}${r.detail ? ` (${r.detail})` : ""}\n${r.stdout ?? ""}${r.stderr ?? ""}`)
        .join("\n");
    }

    it("no step's checks pass on a fresh VM", async () => {
      for (const step of lesson.steps) {
        if (step.checks.length === 0) continue;
        const report = await check(step);
        expect(report.passed, `step ${step.id} passes on a fresh VM:\n${describeReport(report)}`).toBe(false);
      }
    });

    for (const step of lesson.steps) {
      it(`step ${step.id}: fails, passes after the typed solution, and checking changes nothing`, async () => {
        if (step.checks.length > 0) {
          const before = await check(step);
          expect(before.passed, `step ${step.id} passes before its solution is typed:\n${describeReport(before)}`).toBe(false);
        }

        vm.sendConsole(`${step.solution}\n`);
        if (step.checks.length > 0) {
          const deadline = performance.now() + PASS_TIMEOUT_MS;
          let report = await check(step);
          while (!report.passed && performance.now() < deadline) {
            await sleep(500);
            report = await check(step);
          }
          expect(
            report.passed,
            `step ${step.id} still fails after its solution:\n${describeReport(report)}\n--- console:\n${transcript.slice(-3000)}`,
          ).toBe(true);
        }

        // Compare the guest before and after the checks, once the typed solution has finished: the
        // shell prints the marker only after running everything typed before it (the typed text
        // itself echoes as `$((…))`, not as the number).
        markers++;
        vm.sendConsole(`echo $((${markers} + 1000))-settled\n`);
        await waitFor(() => transcript.includes(`${markers + 1000}-settled`), 60_000, `the console to run ${step.id}'s solution`);
        await consoleQuiet();
        let first = await fingerprint(vm);
        for (let attempt = 0; attempt < 5; attempt++) {
          const again = await fingerprint(vm);
          if (again === first) break;
          if (process.env.DEBUG_FINGERPRINT) console.log(`guest still changing after ${step.id}`);
          first = again;
          await consoleQuiet();
        }
        if (step.checks.length > 0) {
          const report = await check(step);
          expect(report.passed, describeReport(report)).toBe(true);
        }
        if (step.question) {
          const answers = await vm.agent.run(withPrelude(step.question.answer), { timeoutMs: step.question.timeoutMs });
          const accepted = acceptedAnswers(outputText(answers.stdout));
          expect(accepted.length, `answer script of ${step.id} printed nothing: ${outputText(answers.stderr)}`).toBeGreaterThan(0);
          const right = await checkAnswer(vm.agent, step.question, accepted[0]!);
          expect(right, `accepted answers: ${accepted.join(" | ")}`).toMatchObject({ correct: true });
          const wrong = await checkAnswer(vm.agent, step.question, step.question.compare === "number" ? "-987654" : "not-this-one");
          expect(wrong).toMatchObject({ correct: false, status: "wrong" });
        }
        const after = await fingerprint(vm);
        expect(after, `running the checks of ${step.id} changed the guest`).toBe(first);
      });
    }
  });
}
