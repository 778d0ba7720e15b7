// Picks the figures the goals are judged on out of the bench's JSON result (a part that was skipped or
// failed leaves its figures undefined, and their verdict "-").
import type { GoalInputs } from "./bench-goals.ts";

function at(value: unknown, path: string): number | undefined {
  let current: unknown = value;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "number" ? current : undefined;
}

function pair<K extends string>(value: unknown, paths: Record<K, string>): Record<K, number> | undefined {
  const out = {} as Record<K, number>;
  for (const [key, path] of Object.entries(paths) as [K, string][]) {
    const n = at(value, path);
    if (n === undefined) return undefined;
    out[key] = n;
  }
  return out;
}

/** The files a first visit needs, plus the /usr disk's parts the guest had read by the answer (measured in Chromium). */
function firstLoad(sizes: unknown, chromium: unknown): number | undefined {
  const files = at(sizes, "firstLoadTransferBytes");
  const disk = at(chromium, "firstVisit.diskPartBytes.median");
  return files === undefined || disk === undefined ? files : files + disk;
}

export function goalInputs(result: { node: unknown; chromium: unknown; sizes: unknown }): GoalInputs {
  const { node, chromium, sizes } = result;
  const inputs: Record<string, unknown> = {
    reload: pair(chromium, { median: "cachedReload.answered.median", p95: "cachedReload.answered.p95", readyMedian: "cachedReload.ready.median" }),
    firstVisit: pair(chromium, { median: "firstVisit.answered.median", p95: "firstVisit.answered.p95" }),
    coldBoot: pair(chromium, { median: "coldBoot.answered.median", p95: "coldBoot.answered.p95" }),
    firstLoadBytes: firstLoad(sizes, chromium),
    agent: pair(node, { median: "agentRoundTripMs.median", p95: "agentRoundTripMs.p95" }),
    idle: pair(chromium, { workerPercent: "idleGuest.workerPercent", mainThreadPercent: "idleGuest.mainThreadPercent" }),
    echoIdle: pair(chromium, { median: "keystrokeEcho.idleMs.median", p95: "keystrokeEcho.idleMs.p95" }),
    echoBusy: pair(chromium, { median: "keystrokeEcho.busyMs.median", p95: "keystrokeEcho.busyMs.p95" }),
    longTasksPerMinute: at(chromium, "keystrokeEcho.longTasksPerMinuteWhileBusy"),
    secondBoot: pair(chromium, { nextToFirst: "secondVm.coldBootNextToFirstToReadyMs", alone: "coldBoot.ready.median" }),
    echoWhileSecondBoots: pair(chromium, { median: "secondVm.vm1EchoWhileVm2BootsMs.median", alone: "keystrokeEcho.idleMs.median" }),
    memory: pair(chromium, { oneVm: "memoryWithOneVm.labRendererMb", twoVms: "secondVm.memoryWithTwoVms.labRendererMb" }),
  };
  // Leave out what was not measured (exactOptionalPropertyTypes: absent, not undefined).
  const measured: GoalInputs = Object.fromEntries(Object.entries(inputs).filter(([, v]) => v !== undefined));
  return measured;
}
