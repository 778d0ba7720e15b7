// How the comparison talks to a guest: a script through the agent whose failure is the guest's own
// words (its stderr), and the one test for "this session has a machine that runs".
import { isRunning, type VmSession } from "../session/vm-session.ts";
import { outputText } from "../vm/agent-client.ts";
import type { VirtualMachine } from "../vm/virtual-machine.ts";

/** Runs `script` and returns its stdout; a non-zero exit throws with the script's stderr. */
export async function runOk(vm: VirtualMachine, script: string, timeoutMs: number): Promise<string> {
  const result = await vm.agent.run(script, { timeoutMs });
  if (result.exitCode !== 0) {
    const stderr = outputText(result.stderr).trim();
    throw new Error(stderr || `the guest script failed with exit code ${result.exitCode}`);
  }
  return outputText(result.stdout);
}

/** VM 1's machine, or a clear error when it is not running (an unresponsive guest still counts). */
export function requireVm1(session: VmSession): VirtualMachine {
  const vm = session.vm;
  if (!vm || !isRunning(session.state)) throw new Error("VM 1 is not running");
  return vm;
}
