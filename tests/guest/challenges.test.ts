// Every challenge against the real guest, each attempt on a machine restored from the build's snapshot:
//   1. a fresh machine fails the checks;
//   2. the reference solution typed at the console makes them pass, and running them then leaves the guest
//      exactly as it was (processes, namespaces, cgroups, mounts, network, IPC, sysctls, hostname, files);
//   3. every listed mistake, typed at the console of a fresh machine, leaves at least one check failing.
// CHALLENGE=04-bridge-two-namespaces (or a comma-separated list) runs only those folders.
import { afterEach, describe, expect, it } from "vitest";
import { localizeChallenge } from "../../src/exercises/challenge-model.ts";
import { runChecks, type StepReport } from "../../src/exercises/check-runner.ts";
import { formatProblem } from "../../src/exercises/loader.ts";
import type { LessonCheck } from "../../src/exercises/model.ts";
import { loadChallengesFromDir } from "../../src/exercises/node-loader.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { fingerprint } from "../../scripts/prove/guest-fingerprint.ts";
import { startVm } from "./helpers.ts";
import { TypedConsole } from "./typed-console.ts";

const { challenges, problems } = loadChallengesFromDir();
const only = process.env.CHALLENGE ? new Set(process.env.CHALLENGE.split(",")) : undefined;
const PASS_TIMEOUT_MS = 60_000;
/** Typing a solution, waiting for it and fingerprinting the guest twice takes minutes on a busy host. */
const SOLUTION_TEST_TIMEOUT_MS = 400_000;
const MISTAKE_TEST_TIMEOUT_MS = 240_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

it("the challenges are valid", () => {
  expect(problems.map(formatProblem)).toEqual([]);
  expect(challenges.length).toBeGreaterThanOrEqual(10);
});

function describeReport(report: StepReport): string {
  return report.results
    .map((r) => `${r.id}: ${r.status}${r.detail ? ` (${r.detail})` : ""}\n${r.stdout ?? ""}${r.stderr ?? ""}`)
    .join("\n");
}

for (const challenge of challenges) {
  if (only && !only.has(challenge.folder)) continue;
  const lesson = localizeChallenge(challenge, "en");

  describe.sequential(`challenge ${challenge.folder}`, () => {
    let vm: VirtualMachine | undefined;
    afterEach(async () => {
      await vm?.dispose();
      vm = undefined;
    });

    async function check(checks: readonly LessonCheck[] = lesson.checks): Promise<StepReport> {
      const report = await runChecks(vm!.agent, checks);
      if (process.env.DEBUG_FINGERPRINT) {
        console.log(`${challenge.id}: ${report.results.map((r) => `${r.id} ${r.status} ${Math.round(r.durationMs)} ms`).join(", ")}`);
      }
      return report;
    }

    it("fails on a fresh machine, passes after the typed solution, and checking changes nothing", { timeout: SOLUTION_TEST_TIMEOUT_MS }, async () => {
      vm = await startVm();
      const console_ = new TypedConsole(vm);
      const fresh = await check();
      expect(fresh.passed, `passes on a fresh machine:\n${describeReport(fresh)}`).toBe(false);

      console_.type(lesson.solution);
      const deadline = performance.now() + PASS_TIMEOUT_MS;
      let report = await check();
      while (!report.passed && performance.now() < deadline) {
        await sleep(500);
        report = await check();
      }
      expect(report.passed, `still fails after the solution:\n${describeReport(report)}\n--- console:\n${console_.transcript()}`).toBe(true);

      await console_.settled();
      let before = await fingerprint(vm);
      for (let attempt = 0; attempt < 5; attempt++) {
        const again = await fingerprint(vm);
        if (again === before) break;
        before = again;
        await console_.settled();
      }
      const after = await check();
      expect(after.passed, describeReport(after)).toBe(true);
      expect(await fingerprint(vm), `running the checks of ${challenge.id} changed the guest`).toBe(before);
    });

    challenge.mistakes.forEach((mistake, index) => {
      it(`mistake ${index + 1} fails the checks: ${mistake.why}`, { timeout: MISTAKE_TEST_TIMEOUT_MS }, async () => {
        vm = await startVm();
        const console_ = new TypedConsole(vm);
        console_.type(mistake.script);
        await console_.settled();
        // Twice, a moment apart: an effect that arrives late (a kill, a counter) has had time to show.
        for (let round = 0; round < 2; round++) {
          const report = await check();
          expect(
            report.passed,
            `challenge ${challenge.folder}, mistake ${index + 1} (${mistake.why}) passes every check:\n${describeReport(report)}\n--- console:\n${console_.transcript()}`,
          ).toBe(false);
          await sleep(1000);
        }
      });
    });
  });
}
