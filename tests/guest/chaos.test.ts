// The chaos suite (scripts/chaos/chaos-scenarios.ts) in the real guest: a memory hog, a full root file
// system, `kill -9 -1`, 200 KB of binary output on the console and the agent killed during a check,
// one after another on one machine; then a save taken while the learner writes files as fast as the
// machine can, resumed, and damaged two ways. After each, the agent and the learner's login shell answer
// and the learner's work is intact; a damaged save is refused before v86 sees it. (The fork bomb and the
// kernel panic have their own tests: runaway.test.ts, resilience.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChaosMachine, saveDuringHeavyIo, type ChaosOutcome } from "../../scripts/chaos/chaos-scenarios.ts";
import { loadManifest } from "./helpers.ts";

const SURVIVED = { agentAnswers: true, shellAnswers: true, workIntact: true };

describe("the machine after what a learner can do to it", () => {
  let machine: ChaosMachine;
  beforeAll(async () => {
    machine = await ChaosMachine.start();
  });
  afterAll(async () => {
    await machine.dispose();
  });

  const survives = async (outcome: Promise<ChaosOutcome>, evidence: RegExp): Promise<void> => {
    const result = await outcome;
    console.log(`${result.scenario}: recovered in ${result.recoveredMs} ms; ${result.evidence}`);
    expect(result).toMatchObject(SURVIVED);
    expect(result.evidence).toMatch(evidence);
  };

  it("a memory hog is stopped by the learner cgroup's OOM killer", { timeout: 240_000 }, async () => {
    await survives(machine.memoryHog(), /^oom_kill (\d+) -> (?!\1\b)\d+/);
  });

  it("a full root file system stops the writer with ENOSPC, and freeing it is enough", { timeout: 240_000 }, async () => {
    await survives(machine.fullRootFileSystem(), /^No space left on device/);
  });

  it("kill -9 -1 leaves the learner's shell, and init brings the agent back", { timeout: 240_000 }, async () => {
    await survives(machine.killEverything(), /^agent (\d+) -> (?!\1\b)\d+$/);
  });

  it("200 KB of binary output reaches the console and the shell still answers", { timeout: 300_000 }, async () => {
    await survives(machine.binaryOutput(), /^\d+ KB reached/);
  });

  it("the agent killed during a check fails that check with a typed error, and the next check runs", { timeout: 240_000 }, async () => {
    await survives(machine.agentKilledDuringCheck(), /^the check failed with restarted$/);
  });
});

describe("a save taken while the learner writes files as fast as the machine can", () => {
  it("resumes with the learner's work and a working agent and shell; a damaged copy is refused", { timeout: 400_000 }, async () => {
    const result = await saveDuringHeavyIo(await loadManifest());
    console.log(`${result.evidence}; truncated: ${result.truncated}; flipped: ${result.flipped}`);
    expect(result).toMatchObject(SURVIVED);
    expect(result.truncated).toMatch(/^refused \(corrupt\)/);
    expect(result.flipped).toMatch(/^refused \(corrupt\)/);
  });
});
