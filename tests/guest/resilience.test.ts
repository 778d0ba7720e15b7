// What the learner can do to the machine from the console, and how the agent and the VM cope.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AgentRestartedError } from "../../src/vm/agent-errors.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import type { VmState } from "../../src/vm/vm-state.ts";
import { loginShellPid, shOk, startVm, waitUntil } from "./helpers.ts";

let vm: VirtualMachine;

beforeEach(async () => {
  vm = await startVm();
});

afterEach(async () => {
  await vm.dispose();
});

describe("the guest agent", () => {
  it("is shielded from the OOM killer and runs in its own cgroup, apart from the learner's shell", async () => {
    const shell = await loginShellPid(vm, 0);
    expect(shell).toMatch(/^\d+$/); // exactly one login shell on the console
    const out = await shOk(
      vm,
      `agent=$(pidof lab-agent)
       shell=${shell}
       echo "$agent" "$shell"
       cat /proc/$agent/oom_score_adj /proc/$agent/cgroup /proc/$shell/oom_score_adj /proc/$shell/cgroup`,
    );
    const [pids, agentOom, agentCgroup, shellOom, shellCgroup] = out.split("\n");
    expect(pids).toMatch(/^\d+ \d+$/); // exactly one agent
    expect(agentOom).toBe("-1000");
    expect(agentCgroup).toBe("0::/agent");
    expect(shellOom).toBe("0");
    expect(shellCgroup).toBe("0::/learner");
  });

  it("caps the learner's cgroup so a fork bomb or memory hog leaves room for the agent", async () => {
    const [pidsMax, memoryMax, memTotalKb, shmemKb] = (
      await shOk(
        vm,
        "cat /sys/fs/cgroup/learner/pids.max /sys/fs/cgroup/learner/memory.max; awk '/^(MemTotal|Shmem):/ {print $2}' /proc/meminfo",
      )
    ).split("\n");
    // At 1024 processes a fork bomb ran the whole guest out of memory (rcS says how it was measured).
    expect(pidsMax).toBe("256");
    // The root file system is held in RAM (Shmem) and can never be the learner's: the cap stays under
    // what is left, with room for lessons (a container's memory limit, a hog that meets it).
    expect(Number(memoryMax)).toBeLessThan((Number(memTotalKb) - Number(shmemKb)) * 1024);
    expect(Number(memoryMax)).toBeGreaterThan(32 * 1024 * 1024);
  });

  it("is restarted by init after the learner kills it, and the new agent answers", async () => {
    const before = await shOk(vm, "pidof lab-agent");
    const bootId = vm.state.phase === "ready" ? vm.state.bootId : "";
    const announced = new Promise<string>((resolve) => vm.agent.events.on("ready", (e) => resolve(e.bootId)));
    // A request running in the old agent is lost with it.
    const inFlight = vm.agent.run("sleep 30", { timeoutMs: 60_000 }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));

    vm.sendConsole("kill -9 $(pidof lab-agent)\n");
    expect(await announced).toBe(bootId); // same boot: only the agent restarted
    expect(await inFlight).toBeInstanceOf(AgentRestartedError);

    const after = await shOk(vm, "pidof lab-agent; cat /proc/$(pidof lab-agent)/oom_score_adj");
    const [pid, oom] = after.split("\n");
    expect(pid).toMatch(/^\d+$/);
    expect(pid).not.toBe(before);
    expect(oom).toBe("-1000");
    expect(vm.state.phase).toBe("ready");
  });
});

describe("a kernel panic", () => {
  it("moves the VM to the error phase with failure kind kernel-panic", async () => {
    const states: VmState[] = [];
    vm.events.on("state", (state) => states.push(state));
    vm.sendConsole("echo c > /proc/sysrq-trigger\n");
    await waitUntil(() => vm.state.phase === "error", 30_000, "the VM to notice the panic");
    expect(vm.state).toMatchObject({ phase: "error", failure: { kind: "kernel-panic" } });
    expect(states.map((s) => s.phase)).toEqual(["error"]);
    expect(vm.consoleTranscript()).toContain("Kernel panic - not syncing");
  });
});

describe("console input", () => {
  // Regression: v86's UART raises its interrupt only on a new byte, so once more than the 8250 driver
  // drains per interrupt (~128 KiB) was queued, the console stopped reading for good.
  it("takes a paste larger than the UART's old stall point intact, and keeps answering", async () => {
    const received: string[] = [];
    vm.events.on("console", (bytes) => received.push(new TextDecoder().decode(bytes)));
    vm.sendConsole("stty -echo; cat > /tmp/paste; stty echo; echo pasted-$((40 + 2))\n");
    const line = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxy\n";
    const lines = 3000; // 300,000 bytes, more than twice the 131,584 bytes that stalled the console
    vm.sendConsole(line.repeat(lines));
    vm.sendConsole("\x04"); // Ctrl+D ends cat's input
    await waitUntil(() => received.join("").includes("pasted-42"), 60_000, "the shell to answer after the paste");
    expect(await shOk(vm, "wc -c < /tmp/paste; sort -u /tmp/paste | wc -l")).toBe(`${line.length * lines}\n1`);
  });
});
