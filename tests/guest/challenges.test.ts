// Every challenge against the real guest, each attempt on a machine restored from the build's snapshot:
//   1. a fresh machine fails the checks;
//   2. the reference solution typed at the console makes them pass, and running them then leaves the guest
//      exactly as it was (processes, namespaces, cgroups, mounts, network, IPC, sysctls, hostname, files);
//   3. every listed mistake, typed at the console of a fresh machine, leaves at least one check failing.
// The proofs (scripts/prove/guest-proofs.ts) are shared with `npm run prove`, which proves packs' challenges.
// CHALLENGE=04-bridge-two-namespaces (or a comma-separated list) runs only those folders.
import { afterEach, describe, expect, it } from "vitest";
import { localizeChallenge } from "../../src/exercises/challenge-model.ts";
import { formatProblem } from "../../src/exercises/loader.ts";
import { loadChallengesFromDir } from "../../src/exercises/node-loader.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { proveMistake, proveSolution } from "../../scripts/prove/guest-proofs.ts";
import { TypedTerminals } from "../../scripts/prove/typed-terminals.ts";
import { startVm } from "./helpers.ts";

const { challenges, problems } = loadChallengesFromDir();
const only = process.env.CHALLENGE ? new Set(process.env.CHALLENGE.split(",")) : undefined;
/** Typing a solution, waiting for it and fingerprinting the guest twice takes minutes on a busy host. */
const SOLUTION_TEST_TIMEOUT_MS = 400_000;
const MISTAKE_TEST_TIMEOUT_MS = 240_000;

it("the challenges are valid", () => {
  expect(problems.map(formatProblem)).toEqual([]);
  expect(challenges.length).toBeGreaterThanOrEqual(10);
});

for (const challenge of challenges) {
  if (only && !only.has(challenge.folder)) continue;
  const lesson = localizeChallenge(challenge, "en");

  describe.sequential(`challenge ${challenge.folder}`, () => {
    let vm: VirtualMachine | undefined;
    afterEach(async () => {
      await vm?.dispose();
      vm = undefined;
    });

    it("fails on a fresh machine, passes after the typed solution, and checking changes nothing", { timeout: SOLUTION_TEST_TIMEOUT_MS }, async () => {
      vm = await startVm();
      expect(await proveSolution(vm, new TypedTerminals(vm), lesson), `challenge ${challenge.folder}`).toEqual([]);
    });

    challenge.mistakes.forEach((mistake, index) => {
      it(`mistake ${index + 1} fails the checks: ${mistake.why}`, { timeout: MISTAKE_TEST_TIMEOUT_MS }, async () => {
        expect(await proveMistake(lesson.checks, mistake, index), `challenge ${challenge.folder}`).toEqual([]);
      });
    });
  });
}
