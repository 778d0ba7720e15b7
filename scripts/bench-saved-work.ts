// Saved work and file transfer figures for `npm run bench` (Node, the same code the page runs): what a
// save costs (v86's save_state pauses the emulator; packing compresses and hashes in the background),
// how big a saved machine is, how long a resume takes until a command answers, and how fast files move
// through the 9p share.
import { NodeAssetSource, V86_VERSION, V86_WASM_PATH } from "../images/node-asset-source.ts";
import { downloadFromGuest, uploadToGuest } from "../src/files/guest-files.ts";
import { decodeMachine, encodeMachine } from "../src/saved/machine-envelope.ts";
import type { GuestManifest } from "../src/vm/manifest.ts";
import { VirtualMachine, runningOrigin, type ResumeState } from "../src/vm/virtual-machine.ts";

const round = (n: number): number => Math.round(n * 10) / 10;

async function start(manifest: GuestManifest, resume?: ResumeState): Promise<VirtualMachine> {
  const vm = new VirtualMachine({
    manifest,
    assets: new NodeAssetSource(),
    wasmPath: V86_WASM_PATH,
    v86Version: V86_VERSION,
    mode: "restore",
    ...(resume ? { resume } : {}),
  });
  await vm.start();
  return vm;
}

export async function measureSavedWork(manifest: GuestManifest): Promise<Record<string, unknown>> {
  const vm = await start(manifest);
  const saveStarted = performance.now();
  const state = await vm.saveState();
  const saveStateMs = performance.now() - saveStarted;
  const packStarted = performance.now();
  const packed = await encodeMachine({ state, origin: runningOrigin(manifest, V86_VERSION), savedAt: new Date(), console: "" });
  const packMs = performance.now() - packStarted;

  const size = 4_000_000;
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) crypto.getRandomValues(data.subarray(i, Math.min(size, i + 65536)));
  const uploadStarted = performance.now();
  await uploadToGuest(vm, data, "/root/bench.bin");
  const uploadMs = performance.now() - uploadStarted;
  const downloadStarted = performance.now();
  await downloadFromGuest(vm, "/root/bench.bin");
  const downloadMs = performance.now() - downloadStarted;
  await vm.dispose();

  const resumeStarted = performance.now();
  const unpackStarted = performance.now();
  const saved = await decodeMachine(packed);
  const unpackMs = performance.now() - unpackStarted;
  const resumed = await start(manifest, { state: saved.state, console: saved.header.console });
  await resumed.agent.run("true");
  const resumeMs = performance.now() - resumeStarted;
  await resumed.dispose();

  return {
    saveStateMs: round(saveStateMs),
    packMs: round(packMs),
    stateRawBytes: state.byteLength,
    savedMachineBytes: packed.length,
    unpackMs: round(unpackMs),
    resumeToInteractiveMs: round(resumeMs),
    uploadMBps: round(size / 1e6 / (uploadMs / 1000)),
    downloadMBps: round(size / 1e6 / (downloadMs / 1000)),
  };
}
