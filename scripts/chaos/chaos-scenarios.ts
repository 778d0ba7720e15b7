// The guest's chaos suite: what a learner (or bad luck) can do to the machine, each followed by the
// same questions: does the agent answer, does the learner's login shell answer, is the learner's work
// (a file in /root) intact? Shared by the guest tier (tests/guest/chaos.test.ts), which asserts the
// answers, and `npm run bench`, which prints how long each recovery took. The fork bomb and the kernel
// panic have guest tests of their own (runaway.test.ts, resilience.test.ts); they are measured here too.
import { V86_VERSION } from "../../images/node-asset-source.ts";
import { decodeMachine, encodeMachine, MachineFileError } from "../../src/saved/machine-envelope.ts";
import { isRunaway, readLearnerLoad, stopRunawayProcesses, type LearnerLoad } from "../../src/session/runaway-processes.ts";
import { outputText } from "../../src/vm/agent-client.ts";
import { AgentError } from "../../src/vm/agent-errors.ts";
import type { GuestManifest } from "../../src/vm/manifest.ts";
import { runningOrigin, type VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { startVm } from "../prove/guest-vm.ts";
import { TypedConsole } from "../prove/typed-console.ts";

export interface ChaosOutcome {
  readonly scenario: string;
  /** From the harm until the agent and the login shell both answered again, in ms. */
  readonly recoveredMs: number;
  readonly agentAnswers: boolean;
  readonly shellAnswers: boolean;
  /** The learner's file in /root still holds what was written before the harm. */
  readonly workIntact: boolean;
  /** What the guest showed of the harm, for the reader (e.g. "oom_kill 0 -> 1"). */
  readonly evidence: string;
}

const WORK_FILE = "/root/chaos-work.txt";
const WORK = "learner-work-42";
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function text(vm: VirtualMachine, script: string, timeoutMs = 30_000): Promise<string> {
  return outputText((await vm.agent.run(script, { timeoutMs })).stdout).trim();
}

/** The agent answers `true` (a restarted agent may take a few tries), within the deadline. */
async function agentAnswers(vm: VirtualMachine, timeoutMs = 60_000): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      if ((await vm.agent.run("true", { timeoutMs: 10_000 })).exitCode === 0) return true;
    } catch (error) {
      if (!(error instanceof AgentError)) throw error;
    }
    await sleep(250);
  }
  return false;
}

/** One machine that the scenarios share, with the learner's work written at its prompt. */
export class ChaosMachine {
  private constructor(
    readonly vm: VirtualMachine,
    readonly learner: TypedConsole,
  ) {}

  /** A fresh machine, with the learner's work written at its prompt. */
  static async start(): Promise<ChaosMachine> {
    const machine = ChaosMachine.on(await startVm());
    machine.learner.type(`echo ${WORK} > ${WORK_FILE}`);
    await machine.learner.settled("the learner's work");
    return machine;
  }

  /** A machine already running (e.g. resumed from a save that holds the learner's work). */
  static on(vm: VirtualMachine): ChaosMachine {
    return new ChaosMachine(vm, new TypedConsole(vm));
  }

  /** Times `harm` and what follows it until the agent and the shell answer; then checks the work. */
  async outcome(scenario: string, harm: () => Promise<string>): Promise<ChaosOutcome> {
    const started = performance.now();
    const evidence = await harm();
    const agent = await agentAnswers(this.vm);
    let shell = true;
    await this.learner.settled(`the login shell after ${scenario}`, 120_000).catch(() => (shell = false));
    const recoveredMs = Math.round(performance.now() - started);
    const work = agent ? await text(this.vm, `cat ${WORK_FILE}`).catch(() => "") : "";
    return { scenario, recoveredMs, agentAnswers: agent, shellAnswers: shell, workIntact: work === WORK, evidence };
  }

  /** `tail /dev/zero` keeps every byte of a line that never ends: the learner cgroup's OOM killer stops it. */
  memoryHog(): Promise<ChaosOutcome> {
    return this.outcome("a memory hog", async () => {
      const before = await this.oomKills();
      this.learner.type("tail /dev/zero");
      await this.learner.settled("the memory hog", 120_000);
      return `oom_kill ${before} -> ${await this.oomKills()} in the learner's cgroup`;
    });
  }

  /** `dd` until the root file system is full; the learner frees it again afterwards. */
  fullRootFileSystem(): Promise<ChaosOutcome> {
    return this.outcome("a full root file system", async () => {
      this.learner.type("dd if=/dev/zero of=/root/chaos-fill bs=1M 2>&1 | head -1");
      await this.learner.settled("dd", 120_000);
      const full = /No space left on device/.test(this.learner.transcript(2000));
      const size = await text(this.vm, "du -m /root/chaos-fill | cut -f1");
      this.learner.type("rm /root/chaos-fill");
      return `${full ? "No space left on device" : "dd did not fill the file system"} after ${size} MB; the file removed`;
    });
  }

  /** `kill -9 -1` from the learner's shell: every process but init and that shell; init restarts the rest. */
  killEverything(): Promise<ChaosOutcome> {
    return this.outcome("kill -9 -1", async () => {
      const agentBefore = await text(this.vm, "pidof lab-agent");
      this.learner.type("kill -9 -1");
      await sleep(1000);
      if (!(await agentAnswers(this.vm))) return "the agent did not come back";
      return `agent ${agentBefore} -> ${await text(this.vm, "pidof lab-agent")}`;
    });
  }

  /** 200 KB of random bytes printed to the console (a learner who `cat`s a binary). */
  binaryOutput(): Promise<ChaosOutcome> {
    return this.outcome("200 KB of binary output on the console", async () => {
      let bytes = 0;
      const count = (chunk: Uint8Array): void => void (bytes += chunk.length);
      const stop = this.vm.events.on("console", count);
      this.learner.type("head -c 200000 /dev/urandom");
      await this.learner.settled("the binary output", 180_000);
      stop();
      return `${Math.round(bytes / 1000)} KB reached the console`;
    });
  }

  /** The learner kills the agent while it runs a check: the check fails with a typed error, the next one runs. */
  agentKilledDuringCheck(): Promise<ChaosOutcome> {
    return this.outcome("the agent killed during a check", async () => {
      const check = this.vm.agent.run("sleep 5; echo finished", { timeoutMs: 60_000 }).then(
        () => "the check finished",
        (error: unknown) => (error instanceof AgentError ? `the check failed with ${error.kind}` : `the check threw ${String(error)}`),
      );
      await sleep(1500);
      this.learner.type("kill -9 $(pidof lab-agent)");
      return check;
    });
  }

  /** A fork bomb, noticed by the learner cgroup's counters and stopped as the page's button does. */
  forkBomb(): Promise<ChaosOutcome> {
    return this.outcome("a fork bomb", async () => {
      this.learner.type("timeout 10 bash -c ':(){ :|:& };:'");
      let previous: LearnerLoad | undefined;
      const deadline = performance.now() + 180_000;
      while (performance.now() < deadline) {
        const load = await readLearnerLoad(this.vm.agent, 30_000);
        if (isRunaway(previous, load)) break;
        previous = load;
      }
      const report = await stopRunawayProcesses(this.vm.agent);
      return `${report.killed} processes stopped, ${report.keptShells} login shells kept`;
    });
  }

  /** A kernel panic ends the machine: the VM reports it (the page offers a reset); nothing else answers. */
  async kernelPanic(): Promise<{ scenario: string; reportedMs: number; failure: string }> {
    const started = performance.now();
    this.learner.type("echo c > /proc/sysrq-trigger");
    while (this.vm.state.phase !== "error" && performance.now() - started < 60_000) await sleep(50);
    const state = this.vm.state;
    return { scenario: "a kernel panic", reportedMs: Math.round(performance.now() - started), failure: state.phase === "error" ? state.failure.kind : "none" };
  }

  private async oomKills(): Promise<number> {
    return Number(await text(this.vm, "awk '$1 == \"oom_kill\" { print $2 }' /sys/fs/cgroup/learner/memory.events"));
  }

  dispose(): Promise<void> {
    return this.vm.dispose();
  }
}

export interface SaveUnderLoadOutcome extends ChaosOutcome {
  readonly saveMs: number;
  /** What the packed file's check said of a truncated copy and of a copy with one byte flipped. */
  readonly truncated: string;
  readonly flipped: string;
}

/**
 * Saves a machine while its learner writes files as fast as it can, resumes the save in a new emulator,
 * and checks it; then damages the saved bytes two ways and reports what reading them says.
 */
export async function saveDuringHeavyIo(manifest: GuestManifest): Promise<SaveUnderLoadOutcome> {
  const machine = await ChaosMachine.start();
  let bytes: Uint8Array;
  let saveMs: number;
  try {
    machine.learner.type("(while :; do cat /usr/bin/* > /root/chaos-io 2>/dev/null; done) &");
    await machine.learner.settled("the writer");
    await sleep(2000);
    const started = performance.now();
    const state = await machine.vm.saveState();
    saveMs = Math.round(performance.now() - started);
    bytes = await encodeMachine({ state, origin: runningOrigin(manifest, V86_VERSION), savedAt: new Date(), console: "" });
  } finally {
    await machine.dispose();
  }
  const refused = async (damaged: Uint8Array): Promise<string> => {
    try {
      await decodeMachine(damaged);
      return "accepted";
    } catch (error) {
      return error instanceof MachineFileError ? `refused (${error.kind}): ${error.message}` : `threw ${String(error)}`;
    }
  };
  const truncated = await refused(bytes.slice(0, Math.floor(bytes.length * 0.9)));
  const flippedBytes = bytes.slice();
  flippedBytes[flippedBytes.length - 1000]! ^= 0x10;
  const flipped = await refused(flippedBytes);

  const saved = await decodeMachine(bytes);
  const resumeStarted = performance.now();
  const resumed = ChaosMachine.on(await startVm({ resume: { state: saved.state, console: "" } }));
  const resumeMs = Math.round(performance.now() - resumeStarted);
  try {
    const first = await text(resumed.vm, "stat -c %Y.%s /root/chaos-io");
    await sleep(3000);
    const writing = (await text(resumed.vm, "stat -c %Y.%s /root/chaos-io")) !== first;
    // The resume is the harm's last act: what follows is how soon the agent and the shell answer.
    const outcome = await resumed.outcome("a save during heavy I/O, resumed", () =>
      Promise.resolve(`saved in ${saveMs} ms while writing; resumed in ${resumeMs} ms; the writer ${writing ? "goes on writing" : "stopped"}`),
    );
    return { ...outcome, recoveredMs: resumeMs + outcome.recoveredMs, saveMs, truncated, flipped };
  } finally {
    await resumed.dispose();
  }
}
