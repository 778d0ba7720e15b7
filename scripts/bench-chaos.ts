// The chaos suite's figures for `npm run bench`: how long the machine takes to answer again after each
// harm of scripts/chaos/chaos-scenarios.ts (the guest tier proves that it does), with the fork bomb and
// a kernel panic (which ends the machine, so it comes last) measured on the same machine.
import type { GuestManifest } from "../src/vm/manifest.ts";
import { ChaosMachine, saveDuringHeavyIo, type ChaosOutcome } from "./chaos/chaos-scenarios.ts";

const figure = (outcome: ChaosOutcome): Record<string, unknown> => ({
  recoveredMs: outcome.recoveredMs,
  survived: outcome.agentAnswers && outcome.shellAnswers && outcome.workIntact,
  evidence: outcome.evidence,
});

export async function measureChaos(manifest: GuestManifest): Promise<Record<string, unknown>> {
  const machine = await ChaosMachine.start();
  const results: Record<string, unknown> = {};
  try {
    for (const harm of [
      () => machine.memoryHog(),
      () => machine.fullRootFileSystem(),
      () => machine.killEverything(),
      () => machine.binaryOutput(),
      () => machine.agentKilledDuringCheck(),
      () => machine.forkBomb(),
    ]) {
      const outcome = await harm();
      results[outcome.scenario] = figure(outcome);
    }
    const panic = await machine.kernelPanic();
    results[panic.scenario] = { reportedMs: panic.reportedMs, failure: panic.failure };
  } finally {
    await machine.dispose();
  }
  const saved = await saveDuringHeavyIo(manifest);
  results[saved.scenario] = { ...figure(saved), saveMs: saved.saveMs, truncatedCopy: saved.truncated, flippedCopy: saved.flipped };
  return results;
}
