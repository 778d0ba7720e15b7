// `npm run bench`: measures the lab in one run and prints the goals of issue 13 next to their figures
// with a verdict (a Markdown table, with the machine it ran on), then every figure as one JSON object.
// `npm run bench -- --readme` also rewrites the README's table from this run. Performance goals live
// here, not in tests: timings on a shared 2-core machine are noisy, so this reports figures for a person
// to read and never fails on a slow day. BENCH_RUNS (default 10) and BENCH_PARTS (node,chaos,chromium,
// serve) shorten a run; BENCH_JS_FLAGS passes V8 flags to Chromium for an experiment.
// Needs public/guest (bash images/build.sh) and, for the browser figures, dist/ (npx vite build) and
// Debian's chromium; a part that cannot run is reported as skipped with the reason.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { NodeAssetSource, REPO_DIR, V86_VERSION, V86_WASM_PATH } from "../images/node-asset-source.ts";
import { serialTtyNumber } from "../src/exercises/terminal-parts.ts";
import { LEARNER_CGROUP } from "../src/session/runaway-processes.ts";
import type { AgentReading } from "../src/vm/agent-protocol.ts";
import { parseManifest, type GuestManifest } from "../src/vm/manifest.ts";
import { VirtualMachine } from "../src/vm/virtual-machine.ts";
import type { BootMode } from "../src/vm/vm-state.ts";
import { BENCH_JS_FLAGS, measureInChromium } from "./bench-chromium.ts";
import { goalRows, markdownTable } from "./bench-goals.ts";
import { goalInputs } from "./bench-inputs.ts";
import { writeReadmeTable } from "./bench-readme.ts";
import { freeMemoryAfterExercise, measureContainerStart } from "./bench-containers.ts";
import { measureSavedWork } from "./bench-saved-work.ts";
import { measureChaos } from "./bench-chaos.ts";
import { measureLiveClass } from "./bench-class.ts";
import { measureClassroomServe } from "./bench-serve.ts";
import { bundleReport } from "./bundle-report.ts";
import { percentile, round } from "./bench-stats.ts";

async function startVm(manifest: GuestManifest, mode: BootMode): Promise<{ vm: VirtualMachine; ms: number }> {
  const vm = new VirtualMachine({
    manifest,
    assets: new NodeAssetSource(),
    wasmPath: V86_WASM_PATH,
    v86Version: V86_VERSION,
    mode,
    // A shared, busy machine can take minutes: a figure that is slow is still a figure.
    bootTimeoutMs: 300_000,
  });
  const started = performance.now();
  await vm.start();
  // "Interactive" means a command answers, not just that the emulator runs.
  await vm.agent.run("true");
  return { vm, ms: performance.now() - started };
}

async function measureNode(manifest: GuestManifest): Promise<Record<string, unknown>> {
  const restores: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { vm, ms } = await startVm(manifest, "restore");
    restores.push(ms);
    await vm.dispose();
  }
  const cold = await startVm(manifest, "cold");
  await cold.vm.dispose();

  const { vm } = await startVm(manifest, "restore");
  // The six machines above are garbage now (a restore leaves ~170 MB each): collect it first, or Node's
  // collector runs during the round trips below, which a learner's page, one machine in its own worker,
  // never sees.
  collectGarbage();
  const trips: number[] = [];
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    await vm.agent.run("true");
    trips.push(performance.now() - started);
  }
  const pings: number[] = [];
  for (let i = 0; i < 30; i++) pings.push(await vm.agent.ping());
  // The page's periodic readings (where the shells are, the learner cgroup's load), which the agent takes
  // itself; as scripts they cost a bash start and, for the places, a dozen programs.
  const readingMs = async (reading: AgentReading): Promise<{ median: number; p95: number }> => {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) times.push((await vm.agent.read(reading)).durationMs);
    return { median: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
  };
  const placesMs = await readingMs({ name: "places", ttys: [0, ...vm.shellPorts].map(serialTtyNumber) });
  const learnerLoadMs = await readingMs({ name: "cgroup-load", cgroup: LEARNER_CGROUP });

  // Host CPU that an idle guest costs: process CPU time over wall time while nothing runs.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const cpu = process.cpuUsage(cpuBefore);
  const idlePercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;
  await vm.dispose();

  return {
    restoreToInteractiveMs: { median: round(percentile(restores, 50)), runs: restores.map(round) },
    coldBootToInteractiveMs: round(cold.ms),
    agentRoundTripMs: { median: round(percentile(trips, 50)), p95: round(percentile(trips, 95)), runs: trips.length },
    agentPingMs: { median: round(percentile(pings, 50)), p95: round(percentile(pings, 95)) },
    agentReadingMs: { places: placesMs, learnerLoad: learnerLoadMs },
    idleGuestHostCpuPercentOfOneCore: round(idlePercent),
    coldOverRestoreRatio: round(cold.ms / percentile(restores, 50)),
  };
}

/** A full garbage collection, now (--expose-gc, set at run time). */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/**
 * The comparison view's second VM, next to a restored VM 1 in the same process (as in one tab): its cold
 * boot while VM 1 runs, what it adds to the process's memory, and what is left once it is closed.
 */
async function measureSecondVm(manifest: GuestManifest): Promise<Record<string, unknown>> {
  // A disposed VM's memory returns only once it is garbage collected: collect before reading RSS.
  const rssMb = async (): Promise<number> => {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return process.memoryUsage().rss / 1e6;
  };
  const { vm: first } = await startVm(manifest, "restore");
  const before = await rssMb();
  const second = await startVm(manifest, "cold");
  const withBoth = await rssMb();
  const started = performance.now();
  await first.agent.run("true");
  const firstAnswersMs = performance.now() - started;
  await second.vm.dispose();
  const after = await rssMb();
  await first.dispose();
  return {
    coldBootNextToFirstToInteractiveMs: round(second.ms),
    firstVmRoundTripWithBothMs: round(firstAnswersMs),
    processRssMb: { before: round(before), withBoth: round(withBoth), afterClose: round(after) },
    addedMb: round(withBoth - before),
    releasedMb: round(withBoth - after),
  };
}

/** A built file as the classroom server sends it to a browser that accepts brotli. */
function servedBytes(file: string): number {
  const raw = statSync(file).size;
  return existsSync(`${file}.br`) ? Math.min(raw, statSync(`${file}.br`).size) : raw;
}

/** crun against the hand-made container; then the guest's free memory once exercise 13 (the most
 * containers at once) has been worked through on a fresh VM. */
async function measureContainers(manifest: GuestManifest): Promise<Record<string, unknown>> {
  const first = await startVm(manifest, "restore");
  const start = await measureContainerStart(first.vm).finally(() => first.vm.dispose());
  const fresh = await startVm(manifest, "restore");
  const memory = await freeMemoryAfterExercise(fresh.vm, "13-docker-architecture").finally(() => fresh.vm.dispose());
  return { ...start, afterHeaviestExercise: memory };
}

function sizes(manifest: GuestManifest): Record<string, unknown> {
  const dist = path.join(REPO_DIR, "dist");
  let bundleGzip: number | string = "skipped: dist/ not built (npx vite build)";
  let firstLoad: number | string = bundleGzip;
  // Without dist/, the parts as built (uncompressed).
  let usrDiskServed = manifest.disk.parts.reduce((n, part) => n + part.size, 0);
  if (existsSync(dist)) {
    const files = listFiles(dist).filter((f) => !f.includes(`${path.sep}guest${path.sep}`) && !/\.(br|gz)$/.test(f));
    const gz = (f: string): number => gzipSync(readFileSync(f), { level: 9 }).length;
    bundleGzip = files.filter((f) => f.endsWith(".js") && !/in-process-emulator/.test(f)).reduce((n, f) => n + gz(f), 0);
    // What a first visit downloads before the prompt answers: the page, its code and the emulator
    // worker's, v86's wasm, the manifest, the BIOS and the snapshot. Not the in-thread emulator (Node's),
    // nor the kernel and initrd (a cold boot's; the service worker keeps them later, in the background).
    // The /usr disk's parts the guest reads before it answers are counted in Chromium (firstVisit).
    const pageAndCode = files
      .filter((f) => /\.(js|css|html|wasm|svg)$/.test(f) && !/(fallback|debug)\.wasm$|in-process-emulator|sw\.js$/.test(f))
      .reduce((n, f) => n + servedBytes(f), 0);
    const guest = (name: string): number => servedBytes(path.join(dist, "guest", name));
    firstLoad = pageAndCode + guest("manifest.json") + guest(manifest.files.bios.path) + guest(manifest.files.state.path);
    usrDiskServed = manifest.disk.parts.reduce((n, part) => n + guest(part.path), 0);
  }
  return {
    kernelBytes: manifest.files.kernel.size,
    initrdBytes: manifest.files.initrd.size,
    snapshotRawBytes: manifest.files.state.rawSize,
    snapshotZstdBytes: manifest.files.state.size,
    usrDiskBytes: manifest.disk.size,
    usrDiskServedBytes: usrDiskServed,
    jsBundleGzipBytes: bundleGzip,
    firstLoadTransferBytes: firstLoad,
    // Module by module: the course ships as JSON, and buildOnlyModules (yaml, zod, the markdown parser) is empty.
    jsBundleContents: bundleReport(dist),
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

const parts = new Set((process.env.BENCH_PARTS ?? "node,chaos,chromium,serve").split(","));
const skipped = (part: string): { skipped: string } => ({ skipped: `not in BENCH_PARTS (${part})` });
const manifest = parseManifest(await new NodeAssetSource().loadManifest());
let node: Record<string, unknown> = skipped("node");
let containers: Record<string, unknown> = skipped("node");
let secondVm: Record<string, unknown> = skipped("node");
let savedWork: Record<string, unknown> = skipped("node");
if (parts.has("node")) {
  const failed = (error: unknown): { skipped: string } => ({ skipped: error instanceof Error ? error.message : String(error) });
  process.stderr.write("bench: measuring in Node (about 40 s)...\n");
  node = await measureNode(manifest).catch(failed);
  process.stderr.write("bench: container start (crun and hand-made) and memory after the heaviest exercise (about 2 min)...\n");
  containers = await measureContainers(manifest).catch(failed);
  process.stderr.write("bench: measuring a second VM next to the first in Node (about 15 s)...\n");
  secondVm = await measureSecondVm(manifest).catch(failed);
  process.stderr.write("bench: saving, resuming and moving files in Node (about 20 s)...\n");
  savedWork = await measureSavedWork(manifest).catch(failed);
}
let chaos: Record<string, unknown> = skipped("chaos");
if (parts.has("chaos")) {
  process.stderr.write("bench: the chaos suite (memory hog, full disk, kill -9 -1, binary output, agent killed, fork bomb, panic, save under I/O; a few minutes)...\n");
  chaos = await measureChaos(manifest).catch((error: unknown) => ({ skipped: error instanceof Error ? error.message : String(error) }));
}
let chromium: Record<string, unknown> = skipped("chromium");
if (parts.has("chromium")) {
  process.stderr.write("bench: measuring in Chromium (a few minutes)...\n");
  chromium = await measureInChromium().catch((error: unknown) => ({
    skipped: error instanceof Error ? error.message : String(error),
  }));
}
let classroomServe: Record<string, unknown> = skipped("serve");
let liveClass: Record<string, unknown> = skipped("serve");
if (parts.has("serve")) {
  process.stderr.write("bench: 30 simulated students fetching the lab from `npm run serve` (a few seconds)...\n");
  classroomServe = await measureClassroomServe().catch((error: unknown) => ({
    skipped: error instanceof Error ? error.message : String(error),
  }));
  process.stderr.write("bench: a live class (`npm run serve -- --class`): 30 students sending an event a second for 60 s while 30 download the lab...\n");
  liveClass = await measureLiveClass().catch((error: unknown) => ({
    skipped: error instanceof Error ? error.message : String(error),
  }));
}
const os = await import("node:os");
const result = {
  measuredAt: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? "unknown",
    memoryGb: round(os.totalmem() / 1e9),
    os: `${os.type()} ${os.release()}`,
    loadAverageAtEnd: os.loadavg().map(round),
    node: process.version,
    v86: V86_VERSION,
  },
  node,
  containers,
  secondVm,
  savedWork,
  chaos,
  chromium,
  classroomServe,
  liveClass,
  sizes: sizes(manifest),
};
const rows = goalRows(goalInputs(result));
const machineLine = `${result.measuredAt.slice(0, 10)}, ${result.machine.cpus} × ${result.machine.model}, ${result.machine.memoryGb} GB, ${result.machine.os}, load average at the end ${result.machine.loadAverageAtEnd.join(" / ")}; v86 ${V86_VERSION}, ${String((chromium as { chromium?: string }).chromium ?? "no Chromium")}${BENCH_JS_FLAGS ? ` with --js-flags=${BENCH_JS_FLAGS}` : ""}`;
process.stdout.write(`Goals (issue 13), measured ${machineLine}\n\n${markdownTable(rows)}\n\n`);
process.stdout.write(JSON.stringify(result, null, 2) + "\n");
if (process.argv.includes("--readme")) {
  if (BENCH_JS_FLAGS) {
    process.stderr.write("bench: README.md's table left as it is: it shows the lab as learners run it, without BENCH_JS_FLAGS\n");
  } else {
    writeReadmeTable(path.join(REPO_DIR, "README.md"), `Measured by \`npm run bench\` on ${machineLine}.`, markdownTable(rows));
    process.stderr.write("bench: README.md's table rewritten\n");
  }
}
process.exit(0);
