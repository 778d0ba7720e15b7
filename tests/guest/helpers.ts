// Shared set-up for the guest tests: a VirtualMachine on the built image in public/guest/, booted in
// Node exactly as the browser boots it (same module, files read from disk instead of fetched).
import { NodeAssetSource, V86_VERSION, V86_WASM_PATH } from "../../images/node-asset-source.ts";
import { outputText, type AgentResult, type RunOptions } from "../../src/vm/agent-client.ts";
import { parseManifest, type GuestManifest } from "../../src/vm/manifest.ts";
import { VirtualMachine, type VirtualMachineOptions } from "../../src/vm/virtual-machine.ts";
import type { BootMode } from "../../src/vm/vm-state.ts";

let manifestPromise: Promise<GuestManifest> | undefined;

/** The built image's manifest, validated (read once per test file). */
export function loadManifest(): Promise<GuestManifest> {
  manifestPromise ??= new NodeAssetSource().loadManifest().then((json) => parseManifest(json));
  return manifestPromise;
}

export type TestVmOptions = Partial<Omit<VirtualMachineOptions, "manifest" | "assets" | "wasmPath" | "v86Version">> & {
  /** Default "restore": resumes the build-time snapshot in well under a second. */
  readonly mode?: BootMode;
};

/** Creates a VM (not started yet), so a test can subscribe to its events before it boots. */
export async function createVm(options: TestVmOptions = {}): Promise<VirtualMachine> {
  return new VirtualMachine({
    manifest: await loadManifest(),
    assets: new NodeAssetSource(),
    wasmPath: V86_WASM_PATH,
    v86Version: V86_VERSION,
    ...options,
    mode: options.mode ?? "restore",
  });
}

/** Creates and starts a VM; resolves once its agent answers. */
export async function startVm(options: TestVmOptions = {}): Promise<VirtualMachine> {
  const vm = await createVm(options);
  try {
    await vm.start();
  } catch (error) {
    await vm.dispose();
    throw error;
  }
  return vm;
}

export interface TextResult {
  readonly exitCode: number;
  readonly signal: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly raw: AgentResult;
}

/** Runs a script through the agent and decodes its output as UTF-8. */
export async function sh(vm: VirtualMachine, script: string, options?: RunOptions): Promise<TextResult> {
  const raw = await vm.agent.run(script, options);
  return { exitCode: raw.exitCode, signal: raw.signal, stdout: outputText(raw.stdout), stderr: outputText(raw.stderr), raw };
}

/** Runs a script that must succeed; returns its trimmed stdout, or throws with its stderr. */
export async function shOk(vm: VirtualMachine, script: string, options?: RunOptions): Promise<string> {
  const result = await sh(vm, script, options);
  if (result.exitCode !== 0) {
    throw new Error(
      `guest script failed with exit code ${result.exitCode}:\n${script}\n--- stdout:\n${result.stdout}\n--- stderr:\n${result.stderr}`,
    );
  }
  return result.stdout.trim();
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `test` holds, polling every 50 ms; rejects after timeoutMs with `what` in the message. */
export async function waitUntil(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!test()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * Runs `probe` until it returns true (e.g. "the killed process is gone": the guest reaps it a moment
 * after the kill), at most timeoutMs; rejects with `what` and the last value otherwise.
 */
export async function eventually(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await probe())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await sleep(200);
  }
}

/**
 * The pid of the login shell on serial port `port` (ttyS0, ttyS2, ttyS3): the session leader whose
 * controlling terminal is that port (tty_nr = major 4 << 8 | minor 64 + port).
 */
export function loginShellPid(vm: VirtualMachine, port: number): Promise<string> {
  return shOk(
    vm,
    `for f in /proc/[0-9]*/stat; do
       read -r s 2>/dev/null < $f || continue
       p=\${f#/proc/}; p=\${p%/stat}
       set -- \${s##*) }
       if [ "$4" = "$p" ] && [ "$5" = ${(4 << 8) | (64 + port)} ]; then echo $p; fi
     done`,
  );
}
