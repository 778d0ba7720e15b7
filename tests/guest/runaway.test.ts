// The way out of a runaway shell: a real fork bomb typed at the learner's prompt, noticed through the
// learner cgroup's counters and stopped through the agent, after which the same login shell answers.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isRunaway, readLearnerLoad, stopRunawayProcesses, type LearnerLoad } from "../../src/session/runaway-processes.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { eventually, loginShellPid, shOk, startVm, waitUntil } from "./helpers.ts";

let vm: VirtualMachine;

beforeEach(async () => {
  vm = await startVm();
});

afterEach(async () => {
  await vm.dispose();
});

const loginShell = (): Promise<string> => loginShellPid(vm, 0);

describe("a fork bomb in the learner's shell", () => {
  // The learner group's caps (images/rootfs/overlay/etc/init.d/rcS) keep the bomb inside it: at 256
  // processes it holds ~25 MiB, so the guest never runs out and the OOM killer never reaches the agent.
  it("is seen in the learner cgroup's counters, stopped without touching the login shell, and the shell answers again", { timeout: 300_000 }, async () => {
    const shell = await loginShell();
    expect(shell).toMatch(/^\d+$/);
    const calm = await readLearnerLoad(vm.agent, 30_000);
    expect(isRunaway(undefined, calm)).toBe(false);
    expect(calm.limit).toBe(256);

    let output = "";
    vm.events.on("console", (bytes) => (output += new TextDecoder().decode(bytes)));
    vm.sendConsole("timeout 10 bash -c ':(){ :|:& };:'\n");

    // The counters show it: the group fills up to its limit and forks are refused.
    let previous: LearnerLoad | undefined;
    let seen: LearnerLoad | undefined;
    await eventually(
      async () => {
        const load = await readLearnerLoad(vm.agent, 30_000);
        const runaway = isRunaway(previous, load);
        previous = load;
        if (runaway) seen = load;
        return runaway;
      },
      180_000,
      "the learner cgroup counts as runaway",
    );
    expect(seen!.processes).toBeGreaterThanOrEqual(100);

    const report = await stopRunawayProcesses(vm.agent);
    expect(report.keptShells).toBe(vm.shellPorts.length + 1); // the console's and the other lines' shells
    // How many it caught depends on how far the bomb had grown when it was stopped.
    expect(report.killed).toBeGreaterThan(0);
    expect(report.killedByName[0]![0]).toBe("bash");
    // The stop returns once the killed processes are reaped (pids.current counts zombies): the first
    // reading after it, which the page takes at once, must not raise the banner again.
    const after = await readLearnerLoad(vm.agent, 30_000);
    expect(after.processes).toBeLessThan(10);
    expect(isRunaway(undefined, after)).toBe(false);

    // The same login shell answers (the line typed during the bomb runs too, or its echo is lost).
    output = "";
    vm.sendConsole("echo back-$((40 + 2))\n");
    await waitUntil(() => output.includes("back-42"), 30_000, "the login shell to answer after the stop");
    expect(await loginShell()).toBe(shell);
    expect(isRunaway(seen, await readLearnerLoad(vm.agent, 30_000))).toBe(false);
    expect(await shOk(vm, "cat /sys/fs/cgroup/learner/cgroup.freeze")).toBe("0");
  });

  it("finds nothing to stop in a calm shell", async () => {
    const report = await stopRunawayProcesses(vm.agent);
    expect(report).toEqual({ keptShells: vm.shellPorts.length + 1, killed: 0, killedByName: [] });
  });
});
