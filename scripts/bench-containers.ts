// Container start in the guest, two ways: the OCI runtime (crun) running an unmodified bundle of the
// registry's busybox image, and the hand-made container of the early exercises (unshare + chroot).
// Both run `true`, timed by the guest's own clock (bash's $EPOCHREALTIME), so the figure is the start
// and teardown of the container, not the serial line's round trip.
import { localize } from "../src/exercises/model.ts";
import { loadExercisesFromDir } from "../src/exercises/node-loader.ts";
import { outputText } from "../src/vm/agent-client.ts";
import type { VirtualMachine } from "../src/vm/virtual-machine.ts";

const RUNS = 7;

/** A bundle at /tmp/bench-bundle (busybox's one layer, config.json from `crun spec` running `true`). */
const PREPARE = String.raw`set -e
b=/tmp/bench-bundle; rm -rf $b; mkdir -p $b/rootfs
blobs=/var/lib/registry/blobs/sha256
manifest=$(sed -n 's/.*"digest": *"sha256:\([0-9a-f]*\)".*/\1/p' /var/lib/registry/repositories/busybox/index.json)
layer=$(sed -n 's/.*layer.*"digest": *"sha256:\([0-9a-f]*\)".*/\1/p' $blobs/$manifest)
gzip -dc $blobs/$layer | tar -xf - -C $b/rootfs
cd $b && crun spec && sed -i 's/"sh"/"true"/; s/"terminal": true/"terminal": false/' config.json`;

/** Milliseconds per run of COMMAND, measured in the guest. */
async function timeInGuest(vm: VirtualMachine, command: string): Promise<number[]> {
  const script = `for i in $(seq ${RUNS}); do s=$EPOCHREALTIME; ${command} || exit 1; e=$EPOCHREALTIME
    echo "$s $e"; done`;
  const result = await vm.agent.run(`bash -c '${script.replaceAll("'", "'\\''")}'`, { timeoutMs: 120_000 });
  if (result.exitCode !== 0) throw new Error(`timing '${command}' failed: ${outputText(result.stderr)}`);
  return outputText(result.stdout)
    .trim()
    .split("\n")
    .map((line) => {
      const [start, end] = line.split(" ").map(Number);
      return ((end ?? NaN) - (start ?? NaN)) * 1000;
    });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export async function measureContainerStart(vm: VirtualMachine): Promise<Record<string, unknown>> {
  const prepared = await vm.agent.run(PREPARE, { timeoutMs: 60_000 });
  if (prepared.exitCode !== 0) throw new Error(`preparing the bundle failed: ${outputText(prepared.stderr)}`);
  const crun = await timeInGuest(vm, "crun run --bundle /tmp/bench-bundle bench-$i");
  const handMade = await timeInGuest(vm, "unshare -p -m -u -i -n -f chroot /tmp/bench-bundle/rootfs /bin/true");
  const round = (n: number): number => Math.round(n * 10) / 10;
  return {
    crunRunBusyboxTrueMs: { median: round(median(crun)), runs: crun.map(round) },
    handMadeUnshareChrootTrueMs: { median: round(median(handMade)), runs: handMade.map(round) },
  };
}

/** MemFree and MemAvailable in the guest, in MB. */
export async function guestFreeMemory(vm: VirtualMachine): Promise<Record<string, number>> {
  const result = await vm.agent.run("grep -E '^(MemTotal|MemFree|MemAvailable):' /proc/meminfo");
  const entries = [...outputText(result.stdout).matchAll(/^(\w+):\s+(\d+) kB$/gm)];
  return Object.fromEntries(entries.map(([, key, kb]) => [`${key}Mb`, Math.round(Number(kb) / 102.4) / 10]));
}

/**
 * Types every step's reference solution of an exercise on the learner's console, as the guest tier does,
 * waiting for each to finish (a marker echoed after it), then reports the guest's free memory.
 */
export async function freeMemoryAfterExercise(vm: VirtualMachine, folder: string): Promise<Record<string, unknown>> {
  const exercise = loadExercisesFromDir().exercises.find((e) => e.folder === folder);
  if (!exercise) return { skipped: `no exercise ${folder}` };
  let transcript = "";
  const unsubscribe = vm.events.on("console", (bytes) => {
    transcript = (transcript + new TextDecoder().decode(bytes)).slice(-4000);
  });
  try {
    for (const [index, step] of localize(exercise, "en").steps.entries()) {
      const marker = `bench-step-${index + 1000}-done`;
      vm.sendConsole(`${step.solution}\n`);
      // Split so the echoed command line itself does not contain the marker.
      vm.sendConsole(`echo bench-step-${index + 1000}"-done"\n`);
      const deadline = performance.now() + 120_000;
      while (!transcript.includes(marker)) {
        if (performance.now() > deadline) throw new Error(`${folder} step ${step.id} did not finish`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } finally {
    unsubscribe();
  }
  return { exercise: folder, ...(await guestFreeMemory(vm)) };
}
