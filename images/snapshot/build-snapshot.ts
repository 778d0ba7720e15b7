// Boots the freshly built guest in Node with v86, waits for the agent's READY frame and the learner's
// prompt, drops the guest's caches, saves the emulator state and compresses it with zstd. The app
// restores this state instead of booting (~0.2 s instead of seconds). It records which parts of the /usr
// disk the boot read, and which a resume of the state reads before it answers (the page loads those
// together as a machine starts). Writes state.bin.zst and the final manifest.json into the output
// folder, next to the files images/build.sh put there.
// Usage: tsx images/snapshot/build-snapshot.ts OUT_DIR   (OUT_DIR has manifest.partial.json)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { NodeAssetSource, V86_VERSION, V86_WASM_PATH } from "../node-asset-source.ts";
import { parseManifest, type GuestManifest } from "../../src/vm/manifest.ts";
import { machineFingerprint } from "../../src/vm/machine-options.ts";
import { VirtualMachine, type VirtualMachineOptions } from "../../src/vm/virtual-machine.ts";

const outDir = process.argv[2];
if (!outDir) throw new Error("usage: build-snapshot.ts OUT_DIR");

const partial = JSON.parse(await readFile(path.join(outDir, "manifest.partial.json"), "utf8")) as Omit<
  GuestManifest,
  "snapshot" | "v86Version" | "disk"
> & { files: Omit<GuestManifest["files"], "state">; disk: Omit<GuestManifest["disk"], "prefetch"> };

// The state file does not exist yet; a cold boot never loads it. Nothing is sent ahead of the guest's
// reads, so the machines below ask for every part they read.
const draft: GuestManifest = {
  ...partial,
  disk: { ...partial.disk, prefetch: { boot: [], resume: [] } },
  v86Version: V86_VERSION,
  files: { ...partial.files, state: { path: "state.bin.zst", size: 0, sha256: "0".repeat(64), rawSize: 1 } },
  snapshot: { console: "", bootMs: 0, bootId: "", machine: "" },
};

/** A machine of the image being built, from its own folder. */
const machine = (options: Pick<VirtualMachineOptions, "mode" | "bootTimeoutMs" | "resume">): VirtualMachine =>
  new VirtualMachine({ manifest: draft, assets: new NodeAssetSource(outDir), wasmPath: V86_WASM_PATH, v86Version: V86_VERSION, ...options });

const vm = machine({ mode: "cold", bootTimeoutMs: 120_000 });
// What the learner shells on the other serial ports (ttyS2, ttyS3) printed: they must be at their prompt
// too when the state is saved, not halfway through their login (a restored half-login is a stray child
// of the shell, e.g. the motd's cat).
const lineText = new Map<number, string>(vm.shellPorts.map((port) => [port, ""]));
vm.events.on("line", ({ port, bytes }) => lineText.set(port, (lineText.get(port) ?? "") + new TextDecoder().decode(bytes)));
const started = performance.now();
await vm.start();
const bootMs = performance.now() - started;
if (vm.state.phase !== "ready") throw new Error(`guest did not become ready: ${vm.state.phase}`);
process.stderr.write(`    booted to agent-ready in ${Math.round(bootMs)} ms\n`);

// The prompt is printed by the shell shortly after the agent announces itself: wait for it, so the
// restored terminal shows a prompt, and for the console to go quiet.
await waitFor(() => /# $/.test(vm.consoleTranscript().trimEnd() + " "), 20_000, "the learner's shell prompt");
for (const port of vm.shellPorts) {
  await waitFor(() => /# $/.test((lineText.get(port) ?? "").trimEnd() + " "), 90_000, `the shell prompt on ttyS${port}`);
}
// Reading /dev/urandom once makes the kernel initialise its random number generator now. The emulated
// CPU has no RDRAND and the guest sees few interrupts, so otherwise the first read after every restore
// (mktemp, a check, anything calling getrandom) stalls ~5 s while the kernel gathers jitter entropy.
const drop = await vm.agent.run(
  "head -c 1 /dev/urandom >/dev/null; sync; echo 3 > /proc/sys/vm/drop_caches; cat /proc/sys/kernel/random/boot_id",
);
if (drop.exitCode !== 0) throw new Error(`dropping caches failed: ${new TextDecoder().decode(drop.stderr)}`);
const bootId = new TextDecoder().decode(drop.stdout).trim();
const bootParts = vm.diskPartsAsked();

const state = new Uint8Array(await vm.saveState());
const consoleText = vm.consoleTranscript();
await vm.dispose();
const resumeParts = await partsReadByResume(state);
process.stderr.write(`    /usr disk: a boot reads ${bootParts.length} parts, a resume ${resumeParts.length} before it answers\n`);

const rawPath = path.join(outDir, "state.bin");
const zstPath = path.join(outDir, "state.bin.zst");
await writeFile(rawPath, state);
execFileSync("zstd", ["-q", "-f", "-19", "--rm", rawPath, "-o", zstPath], { stdio: "inherit" });
const compressed = await readFile(zstPath);

const manifest = parseManifest({
  ...draft,
  disk: { ...draft.disk, prefetch: { boot: bootParts, resume: resumeParts } },
  files: {
    ...draft.files,
    state: {
      path: "state.bin.zst",
      size: compressed.length,
      sha256: createHash("sha256").update(compressed).digest("hex"),
      rawSize: state.length,
    },
  },
  snapshot: { console: consoleText, bootMs: Math.round(bootMs), bootId, machine: machineFingerprint(draft) },
});
await writeFile(path.join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
await rm(path.join(outDir, "manifest.partial.json"));
process.stderr.write(
  `    state: ${(state.length / 1e6).toFixed(1)} MB raw, ${(compressed.length / 1e6).toFixed(1)} MB zstd\n`,
);

/** Resumes the saved state as the page does (its start runs a first script) and lists the disk parts it read. */
async function partsReadByResume(saved: Uint8Array): Promise<number[]> {
  const resumed = machine({ mode: "restore", resume: { state: saved.slice().buffer, console: "" } });
  try {
    await resumed.start();
    const check = await resumed.agent.run("true");
    if (check.exitCode !== 0) throw new Error("the resumed guest's agent could not run a script");
    return resumed.diskPartsAsked();
  } finally {
    await resumed.dispose();
  }
}

async function waitFor(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let quietSince = performance.now();
  let lastLength = -1;
  while (performance.now() < deadline) {
    const length = vm.consoleTranscript().length;
    if (length !== lastLength) {
      lastLength = length;
      quietSince = performance.now();
    }
    if (test() && performance.now() - quietSince > 300) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const lines = [...lineText].map(([port, text]) => `ttyS${port}: ${JSON.stringify(text.slice(-200))}`).join("\n");
  throw new Error(`timed out waiting for ${what}; console so far:\n${vm.consoleTranscript()}\n${lines}`);
}
