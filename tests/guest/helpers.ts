// Shared set-up for the guest tests: the VM factory (scripts/prove/guest-vm.ts) and small helpers to run
// scripts in the guest and wait for what they do.
import { outputText, type AgentResult, type RunOptions } from "../../src/vm/agent-client.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";

// The VM factory is shared with the pack prover (npm run prove).
export { createVm, loadManifest, startVm } from "../../scripts/prove/guest-vm.ts";

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
