// The agent channel end to end: what a check sends reaches bash in the guest intact, and what comes
// back (exit code, signal, stdout, stderr, binary data) is what the guest produced.
import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AgentAbortedError, AgentTimeoutError } from "../../src/vm/agent-errors.ts";
import { LEARNER_CGROUP, readLearnerLoad } from "../../src/session/runaway-processes.ts";
import { readWorkspaceStatus, type WorkspaceStatus } from "../../src/session/shell-places.ts";
import { outputText } from "../../src/vm/agent-client.ts";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { eventually, loginShellPid, sh, shOk, startVm, waitUntil } from "./helpers.ts";

describe("running scripts (one VM: these scripts leave no state behind)", () => {
  let vm: VirtualMachine;
  beforeAll(async () => {
    vm = await startVm();
  });
  afterAll(async () => {
    await vm.dispose();
  });

  it("passes the exit code through", async () => {
    expect(await sh(vm, "exit 3")).toMatchObject({ exitCode: 3, signal: 0 });
    expect(await sh(vm, "true")).toMatchObject({ exitCode: 0, signal: 0 });
    expect(await sh(vm, "exit 255")).toMatchObject({ exitCode: 255, signal: 0 });
  });

  it("reports a command killed by a signal as signal 9, exit code 137", async () => {
    expect(await sh(vm, "kill -9 $$")).toMatchObject({ exitCode: 137, signal: 9 });
  });

  it("keeps stdout and stderr apart", async () => {
    const result = await sh(vm, "echo to-out; echo to-err >&2; echo more-out; echo more-err 1>&2");
    expect(result.stdout).toBe("to-out\nmore-out\n");
    expect(result.stderr).toBe("to-err\nmore-err\n");
    expect(result.exitCode).toBe(0);
  });

  it("runs a multi-line script with quotes, a heredoc and non-ASCII text intact", async () => {
    const script = [
      `name='it'"'"'s "quoted"'`,
      `printf '%s\\n' "$name"`,
      `cat <<'EOF'`,
      "literal $HOME `not run` $(not run either) back\\slash",
      "  indented\ttab",
      `EOF`,
      `cat <<EOF`,
      `expanded: $((6 * 7))`,
      `EOF`,
      `echo "ünïcödé ✓"`,
      `for i in 1 2 3; do`,
      `  printf '%s;' "$i"`,
      `done`,
      `echo`,
    ].join("\n");
    const result = await sh(vm, script);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        `it's "quoted"`,
        "literal $HOME `not run` $(not run either) back\\slash",
        "  indented\ttab",
        "expanded: 42",
        "ünïcödé ✓",
        "1;2;3;",
        "",
      ].join("\n"),
    );
  });

  it("runs scripts with bash and finds util-linux and iproute2, not busybox's cut-down applets", async () => {
    // Under busybox ash, `unshare`/`ip`/`mount` would be busybox's own applets, ahead of PATH.
    const out = await shOk(vm, 'echo "$BASH_VERSION"; for c in unshare setpriv nsenter ip mount; do type -P "$c"; done');
    const [version, ...paths] = out.split("\n");
    expect(version).toMatch(/^5\./);
    expect(paths).toEqual(["/usr/bin/unshare", "/usr/bin/setpriv", "/usr/bin/nsenter", "/usr/sbin/ip", "/usr/bin/mount"]);
    expect(await shOk(vm, "unshare --version")).toContain("util-linux");
  });

  it("runs commands outside the agent's protection (OOM score 0)", async () => {
    expect(await shOk(vm, "cat /proc/self/oom_score_adj")).toBe("0");
  });

  it("delivers 1 MB of random binary output intact", { timeout: 60_000 }, async () => {
    const result = await sh(
      vm,
      'f=$(mktemp); head -c 1048576 /dev/urandom >"$f"; sha256sum <"$f" | cut -d" " -f1 >&2; cat "$f"; rm -f "$f"',
      { timeoutMs: 45_000 },
    );
    expect(result.exitCode).toBe(0);
    expect(result.raw.truncated).toBe(false);
    expect(result.raw.stdout.length).toBe(1048576);
    const guestHash = result.stderr.trim();
    expect(guestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(createHash("sha256").update(result.raw.stdout).digest("hex")).toBe(guestHash);
  });
});

describe("timeouts and cancellation (fresh VM each)", () => {
  let vm: VirtualMachine;
  beforeEach(async () => {
    vm = await startVm();
  });
  afterEach(async () => {
    await vm.dispose();
  });

  /**
   * A hung script: it records its own pid and that of a background `sleep <seconds>`, then waits for
   * it. Killing the request must kill both (the agent kills the request's whole process group).
   */
  const hungScript = (seconds: number): string =>
    `echo $$ >/tmp/hung.pids; sleep ${seconds} & echo $! >>/tmp/hung.pids; wait; echo not reached`;

  /** The pids the hung script recorded (two once it got going). */
  const recordedPids = async (): Promise<string[]> =>
    (await sh(vm, "cat /tmp/hung.pids 2>/dev/null")).stdout.split("\n").filter(Boolean);

  /** Which of `pids` still run (zombies count as gone: they are dead, only not yet reaped). */
  const alive = async (pids: readonly string[]): Promise<string[]> => {
    const out = await shOk(
      vm,
      `for p in ${pids.join(" ")}; do [ -r /proc/$p/stat ] && [ "$(cut -d' ' -f3 /proc/$p/stat)" != Z ] && echo $p; done; true`,
    );
    return out.split("\n").filter(Boolean);
  };

  /** How many processes run `sleep <seconds>` (the [s] keeps grep from counting itself). */
  const sleepers = async (seconds: number): Promise<number> =>
    Number(await shOk(vm, `ps -o args | grep -c '^[s]leep ${seconds}$' || true`));

  it("rejects a hung command with AgentTimeoutError, kills it in the guest, and keeps working", async () => {
    const started = performance.now();
    const error = await vm.agent.run(hungScript(1000), { timeoutMs: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentTimeoutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    // The script got going (both pids recorded), so "not running" below means killed, not never started.
    const pids = await recordedPids();
    expect(pids).toHaveLength(2);
    await eventually(async () => (await alive(pids)).length === 0, 10_000, `the timed-out processes ${pids.join(", ")} are gone`);
    expect(await sleepers(1000)).toBe(0);
    expect(await shOk(vm, "echo still alive")).toBe("still alive");
  });

  it("rejects an aborted command with AgentAbortedError, kills it in the guest, and keeps working", async () => {
    const controller = new AbortController();
    const outcome = vm.agent
      .run(hungScript(1001), { signal: controller.signal, timeoutMs: 60_000 })
      .catch((error: unknown) => error);
    let pids: string[] = [];
    await eventually(async () => (pids = await recordedPids()).length === 2, 10_000, "the script to start");
    expect(await alive(pids)).toEqual(pids); // control: the probe sees them while they run
    expect(await sleepers(1001)).toBe(1);
    controller.abort();
    expect(await outcome).toBeInstanceOf(AgentAbortedError);
    await eventually(async () => (await alive(pids)).length === 0, 10_000, `the cancelled processes ${pids.join(", ")} are gone`);
    expect(await sleepers(1001)).toBe(0);
    expect(await shOk(vm, "echo still alive")).toBe("still alive");
  });
});

describe("the learner's console", () => {
  let vm: VirtualMachine;
  beforeEach(async () => {
    vm = await startVm();
  });
  afterEach(async () => {
    await vm.dispose();
  });

  it("is left untouched by agent requests: nothing is written to it", async () => {
    const received: string[] = [];
    vm.events.on("console", (bytes) => received.push(new TextDecoder().decode(bytes)));
    await sh(vm, "echo out; echo err >&2; ls -la / /proc/self/fd; exit 4");
    await sh(vm, "kill -9 $$");
    await sh(vm, "head -c 20000 /dev/urandom");
    await vm.agent.ping();
    await vm.agent.run("sleep 100", { timeoutMs: 500 }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500)); // let any stray console output arrive
    expect(received).toEqual([]);

    // Control: the listener does see console output (a command typed at the prompt echoes back).
    vm.sendConsole("echo console-$((40 + 2))\n");
    await waitUntil(() => received.join("").includes("console-42"), 10_000, "the typed command's output");
  });
});

describe("readings the agent takes itself, without a shell", () => {
  let vm: VirtualMachine;
  beforeEach(async () => {
    vm = await startVm();
  });
  afterEach(async () => {
    await vm.dispose();
  });

  const places = (): Promise<WorkspaceStatus> => readWorkspaceStatus(vm.agent, [0, ...vm.shellPorts]);

  it("finds each login shell on the host, then the console's shell and a detached process in containers", async () => {
    const shells = await Promise.all([0, ...vm.shellPorts].map((port) => loginShellPid(vm, port)));
    expect((await places()).lines.map((line) => [line.shellPid, line.place.kind])).toEqual(shells.map((pid) => [Number(pid), "host"]));
    expect((await places()).containers).toEqual([]);

    // The learner's way in: new UTS and PID namespaces from the console; a hostname that tries to forge a
    // line of the reading is shown as one word.
    vm.sendConsole("unshare --uts --pid --fork --mount-proc bash\n");
    vm.sendConsole("hostname $'inside\\nline 1090 1 container forged'; echo named-$((6 * 7))\n");
    const box = await shOk(vm, "setsid unshare --uts --pid --fork sh -c 'hostname box-2; exec sleep 300' </dev/null >/dev/null 2>&1 & echo $!");
    let seen: WorkspaceStatus | undefined;
    await eventually(
      async () => {
        seen = await places();
        return seen.lines[0]?.place.kind === "container" && seen.containers.length === 2;
      },
      30_000,
      "the console's shell and the detached process show as containers",
    );
    expect(seen!.lines[0]!.place).toEqual({ kind: "container", name: "inside?line?1090?1?container?forged" });
    expect(seen!.lines.slice(1).map((line) => line.place.kind)).toEqual(vm.shellPorts.map(() => "host"));
    expect(seen!.containers.map((c) => c.name)).toEqual(["box-2", "inside?line?1090?1?container?forged"]);
    expect(seen!.containers.find((c) => c.name === "box-2")!.pid).toBeGreaterThan(Number(box));
    // Reading a container's hostname joins its UTS namespace for a moment; the agent comes back to its own.
    expect(await shOk(vm, "uname -n")).toBe("lab");
  });

  it("reads the learner cgroup's counters as the kernel keeps them, and says when a cgroup is missing", async () => {
    const load = await readLearnerLoad(vm.agent);
    const kernel = await shOk(vm, `cat ${LEARNER_CGROUP}/pids.current ${LEARNER_CGROUP}/pids.max`);
    expect([load.processes, load.limit ?? "max"].join("\n")).toBe(kernel);
    expect(load.processes).toBeGreaterThanOrEqual(1 + vm.shellPorts.length);

    const missing = await vm.agent.read({ name: "cgroup-load", cgroup: "/sys/fs/cgroup/no-such-group" });
    expect(missing.exitCode).toBe(1);
    expect(outputText(missing.stderr)).toMatch(/cannot read the cgroup \/sys\/fs\/cgroup\/no-such-group: No such file/);
    expect(outputText(missing.stdout)).toBe("");
  });
});
