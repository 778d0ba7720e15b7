// `npm run bench`: measures the lab in one run and prints one JSON object. Performance goals live here,
// not in tests: timings on a shared 2-core machine are noisy, so this reports figures (and the ratios
// measured within this run) for a person to read, and never fails on a slow day.
// Needs public/guest (bash images/build.sh) and, for the browser figures, dist/ (npx vite build) and
// Debian's chromium; a part that cannot run is reported as skipped with the reason.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { NodeAssetSource, GUEST_DIR, REPO_DIR, V86_VERSION, V86_WASM_PATH } from "../images/node-asset-source.ts";
import { parseManifest, type GuestManifest } from "../src/vm/manifest.ts";
import { VirtualMachine } from "../src/vm/virtual-machine.ts";
import type { BootMode } from "../src/vm/vm-state.ts";
import { measureInChromium } from "./bench-chromium.ts";
import { measureSavedWork } from "./bench-saved-work.ts";
import { measureLiveClass } from "./bench-class.ts";
import { measureClassroomServe } from "./bench-serve.ts";

const round = (n: number): number => Math.round(n * 10) / 10;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function startVm(manifest: GuestManifest, mode: BootMode): Promise<{ vm: VirtualMachine; ms: number }> {
  const vm = new VirtualMachine({
    manifest,
    assets: new NodeAssetSource(),
    wasmPath: V86_WASM_PATH,
    v86Version: V86_VERSION,
    mode,
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
  const trips: number[] = [];
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    await vm.agent.run("true");
    trips.push(performance.now() - started);
  }
  const pings: number[] = [];
  for (let i = 0; i < 30; i++) pings.push(await vm.agent.ping());

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
    idleGuestHostCpuPercentOfOneCore: round(idlePercent),
    coldOverRestoreRatio: round(cold.ms / percentile(restores, 50)),
  };
}

/**
 * The comparison view's second VM, next to a restored VM 1 in the same process (as in one tab): its cold
 * boot while VM 1 runs, what it adds to the process's memory, and what is left once it is closed.
 */
async function measureSecondVm(manifest: GuestManifest): Promise<Record<string, unknown>> {
  // A disposed VM's memory returns only once it is garbage collected: collect before reading RSS.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const rssMb = async (): Promise<number> => {
    gc();
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

function sizes(manifest: GuestManifest): Record<string, unknown> {
  const dist = path.join(REPO_DIR, "dist");
  let bundleGzip: number | string = "skipped: dist/ not built (npx vite build)";
  let firstLoad: number | string = bundleGzip;
  if (existsSync(dist)) {
    const files = listFiles(dist).filter((f) => !f.includes(`${path.sep}guest${path.sep}`));
    const gz = (f: string): number => gzipSync(readFileSync(f), { level: 9 }).length;
    bundleGzip = files.filter((f) => f.endsWith(".js")).reduce((n, f) => n + gz(f), 0);
    // What a first visit downloads before the prompt answers: page, code, wasm, BIOS and the snapshot
    // (already zstd-compressed; the rest as a server would gzip it).
    const pageAndCode = files
      .filter((f) => /\.(js|css|html|wasm)$/.test(f) && !f.endsWith("fallback.wasm") && !f.endsWith("debug.wasm"))
      .reduce((n, f) => n + gz(f), 0);
    firstLoad = pageAndCode + gzipSync(readFileSync(path.join(GUEST_DIR, manifest.files.bios.path))).length + manifest.files.state.size;
  }
  return {
    kernelBytes: manifest.files.kernel.size,
    initrdBytes: manifest.files.initrd.size,
    snapshotRawBytes: manifest.files.state.rawSize,
    snapshotZstdBytes: manifest.files.state.size,
    jsBundleGzipBytes: bundleGzip,
    firstLoadTransferBytes: firstLoad,
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

const manifest = parseManifest(await new NodeAssetSource().loadManifest());
process.stderr.write("bench: measuring in Node (about 40 s)...\n");
const node = await measureNode(manifest);
process.stderr.write("bench: measuring a second VM next to the first in Node (about 15 s)...\n");
const secondVm = await measureSecondVm(manifest);
process.stderr.write("bench: saving, resuming and moving files in Node (about 20 s)...\n");
const savedWork = await measureSavedWork(manifest);
process.stderr.write("bench: measuring in Chromium (about 60 s)...\n");
const chromium = await measureInChromium().catch((error: unknown) => ({
  skipped: error instanceof Error ? error.message : String(error),
}));
process.stderr.write("bench: 30 simulated students fetching the lab from `npm run serve` (a few seconds)...\n");
const classroomServe = await measureClassroomServe().catch((error: unknown) => ({
  skipped: error instanceof Error ? error.message : String(error),
}));
process.stderr.write("bench: a live class (`npm run serve -- --class`): 30 students sending an event a second for 60 s while 30 download the lab...\n");
const liveClass = await measureLiveClass().catch((error: unknown) => ({
  skipped: error instanceof Error ? error.message : String(error),
}));
const result = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version, v86: V86_VERSION },
  targets: {
    chromiumPageLoadToPromptMs: 1000,
    chromiumColdBootToPromptMs: 2500,
    agentRoundTripMedianMs: 30,
    firstLoadTransferBytes: 8_000_000,
    idleGuestHostCpuPercent: 5,
  },
  node,
  secondVm,
  savedWork,
  chromium,
  classroomServe,
  liveClass,
  sizes: sizes(manifest),
};
process.stdout.write(JSON.stringify(result, null, 2) + "\n");
process.exit(0);
