// The check runner against a fake guest agent: pass/fail per check with hints, timeouts, aborts,
// agent errors, and judging a question's answer against what the guest computes.
import { describe, expect, it } from "vitest";
import type { AgentResult, GuestAgent, RunOptions } from "../../src/vm/agent-client.ts";
import { AgentRestartedError, AgentTimeoutError } from "../../src/vm/agent-errors.ts";
import {
  checkAnswer,
  ChecksAbortedError,
  judgeAnswer,
  parseNumberAnswer,
  runChecks,
  type RunnableCheck,
  type RunnableQuestion,
} from "../../src/exercises/check-runner.ts";
import { CHECK_PRELUDE, compileCheck, stateChangingParts, typingHazards } from "../../src/exercises/checks.ts";

/** expect.stringMatching, typed (it returns `any`). */
function matching(pattern: RegExp): string {
  return expect.stringMatching(pattern) as string;
}

const encoder = new TextEncoder();

function result(exitCode: number, stdout = "", stderr = "", signal = 0): AgentResult {
  return { exitCode, signal, stdout: encoder.encode(stdout), stderr: encoder.encode(stderr), truncated: false, durationMs: 1 };
}

type Handler = (script: string, options: RunOptions | undefined) => Promise<AgentResult> | AgentResult;

/** A guest agent whose answer to each script is decided by the test; it records what it was asked. */
class FakeAgent implements GuestAgent {
  readonly scripts: string[] = [];
  readonly options: (RunOptions | undefined)[] = [];
  constructor(private readonly handler: Handler) {}
  async run(script: string, options?: RunOptions): Promise<AgentResult> {
    this.scripts.push(script);
    this.options.push(options);
    return this.handler(script, options);
  }
}

/** Answers by the check's own script (the text after the prelude). */
function byScript(answers: Record<string, AgentResult>): FakeAgent {
  return new FakeAgent((script) => {
    const own = script.slice(CHECK_PRELUDE.length).trim();
    const answer = answers[own];
    if (!answer) throw new Error(`unexpected script: ${own}`);
    return answer;
  });
}

function check(id: string, script: string, expect: RunnableCheck["expect"] = { exitCode: 0 }, timeoutMs = 5000): RunnableCheck {
  return { id, script, expect, timeoutMs, label: `label of ${id}`, hint: `hint of ${id}` };
}

describe("runChecks", () => {
  it("passes a step when every check shows what it must", async () => {
    const agent = byScript({ "test -e /a": result(0), "cat /b": result(0, "hello world\n") });
    const report = await runChecks(agent, [check("a", "test -e /a"), check("b", "cat /b", { stdout: "^hello" })]);
    expect(report.passed).toBe(true);
    expect(report.results.map((r) => [r.id, r.status, r.passed])).toEqual([
      ["a", "passed", true],
      ["b", "passed", true],
    ]);
    expect(report.results[0]).not.toHaveProperty("hint");
  });

  it("sends each script with the helpers first and the check's timeout", async () => {
    const agent = byScript({ "true": result(0) });
    await runChecks(agent, [check("a", "true", { exitCode: 0 }, 1234)]);
    expect(agent.scripts[0]).toBe(`${CHECK_PRELUDE}\ntrue\n`);
    expect(agent.options[0]?.timeoutMs).toBe(1234);
  });

  it("fails a check whose exit code or output differs, with its hint", async () => {
    const agent = byScript({ "a": result(1), "b": result(0, "bye\n"), "c": result(0, "", "boom") });
    const report = await runChecks(agent, [
      check("a", "a"),
      check("b", "b", { stdout: "^hello$" }),
      check("c", "c", { exitCode: 0, stderr: "^fine" }),
    ]);
    expect(report.passed).toBe(false);
    expect(report.results).toEqual([
      expect.objectContaining({ id: "a", status: "failed", passed: false, hint: "hint of a", label: "label of a", detail: "exit code 1, expected 0", exitCode: 1 }),
      expect.objectContaining({ id: "b", status: "failed", hint: "hint of b", detail: "the output does not match /^hello$/", stdout: "bye\n" }),
      expect.objectContaining({ id: "c", status: "failed", hint: "hint of c", detail: "the error output does not match /^fine/" }),
    ]);
  });

  it("fails a check killed by a signal", async () => {
    const report = await runChecks(byScript({ "x": result(0, "", "", 9) }), [check("x", "x")]);
    expect(report.results[0]).toMatchObject({ status: "failed", message: "The check was killed by signal 9." });
  });

  it("counts a check that times out in the agent as failed, with a clear message", async () => {
    const agent = new FakeAgent((_, options) => Promise.reject(new AgentTimeoutError(options?.timeoutMs ?? 0)));
    const report = await runChecks(agent, [check("slow", "sleep 100", { exitCode: 0 }, 2000)]);
    expect(report.passed).toBe(false);
    expect(report.results[0]).toMatchObject({
      status: "timed-out",
      passed: false,
      hint: "hint of slow",
      message:
        'The check did not finish within 2 s, so it counts as not passed. Is the machine very busy? If your terminal stopped answering too, press "Stop runaway processes" in the banner above it.',
    });
  });

  it("times a check out itself when the agent never answers", async () => {
    let signal: AbortSignal | undefined;
    const agent = new FakeAgent((_, options) => {
      signal = options?.signal;
      return new Promise<AgentResult>(() => {});
    });
    const started = performance.now();
    const report = await runChecks(agent, [check("hang", "sleep 100", { exitCode: 0 }, 100)]);
    expect(report.results[0]).toMatchObject({ status: "timed-out", passed: false });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(signal?.aborted).toBe(true); // the agent was told to stop (and kill the script in the guest)
  });

  it("localizes its own messages", async () => {
    const agent = new FakeAgent((_, options) => Promise.reject(new AgentTimeoutError(options?.timeoutMs ?? 0)));
    const report = await runChecks(agent, [check("slow", "x", { exitCode: 0 }, 3000)], { locale: "ko" });
    expect(report.results[0]!.message).toBe(
      '확인이 3초 안에 끝나지 않아 통과하지 못한 것으로 처리했습니다. 가상 머신이 많이 바쁜가요? 터미널도 응답하지 않는다면 위쪽 알림의 "폭주 프로세스 중지"를 누르세요.',
    );
  });

  it("reports a check the agent could not run as an error", async () => {
    const agent = new FakeAgent(() => Promise.reject(new AgentRestartedError()));
    const report = await runChecks(agent, [check("a", "x")]);
    expect(report.results[0]).toMatchObject({
      status: "error",
      passed: false,
      message: "The check could not run in the virtual machine: the guest agent restarted while the command was running",
    });
  });

  it("rejects with ChecksAbortedError when aborted, and passes the abort on to the agent", async () => {
    let agentSignal: AbortSignal | undefined;
    const agent = new FakeAgent((_, options) => {
      agentSignal = options?.signal;
      return new Promise<AgentResult>(() => {});
    });
    const controller = new AbortController();
    const running = runChecks(agent, [check("a", "x"), check("b", "y")], { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(ChecksAbortedError);
    expect(agentSignal?.aborted).toBe(true);
    expect(agent.scripts).toHaveLength(1); // the second check never started
  });

  it("does not start when the signal is already aborted", async () => {
    const agent = byScript({});
    await expect(runChecks(agent, [check("a", "x")], { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(ChecksAbortedError);
    expect(agent.scripts).toEqual([]);
  });

  it("can stop at the first check that does not pass", async () => {
    const agent = byScript({ "a": result(1), "b": result(0) });
    const report = await runChecks(agent, [check("a", "a"), check("b", "b")], { stopAtFirstFailure: true });
    expect(report.results.map((r) => r.id)).toEqual(["a"]);
    expect(report.passed).toBe(false);
  });

  it("never passes a step without checks", async () => {
    expect((await runChecks(byScript({}), [])).passed).toBe(false);
  });
});

describe("targeted hints", () => {
  const probed = (): RunnableCheck => ({
    ...check("renamed", "check-name"),
    hintchecks: [
      { id: "not-this", script: "probe-a", hint: "hint a" },
      { id: "host-renamed", script: "probe-b", hint: "you renamed the host" },
      { id: "never-tried", script: "probe-c", hint: "hint c" },
    ],
  });

  it("shows the hint of the first hintcheck that recognises the mistake", async () => {
    const agent = byScript({ "check-name": result(1), "probe-a": result(1), "probe-b": result(0) });
    const report = await runChecks(agent, [probed()]);
    expect(report.results[0]).toMatchObject({ status: "failed", recognised: "host-renamed", hint: "you renamed the host" });
    expect(agent.scripts.map((s) => s.slice(CHECK_PRELUDE.length).trim())).toEqual(["check-name", "probe-a", "probe-b"]);
  });

  it("keeps the generic hint when no hintcheck recognises anything, and runs none for a passing check", async () => {
    const agent = byScript({ "check-name": result(1), "probe-a": result(1), "probe-b": result(2), "probe-c": result(0, "", "", 9) });
    const report = await runChecks(agent, [probed()]);
    expect(report.results[0]).toMatchObject({ status: "failed", hint: "hint of renamed" });
    expect(report.results[0]!.recognised).toBeUndefined();
    const passing = byScript({ "check-name": result(0) });
    expect((await runChecks(passing, [probed()])).results[0]).toMatchObject({ passed: true });
    expect(passing.scripts).toHaveLength(1);
  });
});

describe("answers as learners write them", () => {
  const text = { compare: "text", tolerance: 0 } as const;
  const number = { compare: "number", tolerance: 0 } as const;

  it("accepts the whole line a command prints when it ends in the answer", () => {
    expect(judgeAnswer(text, "0::/learner", ["/learner"])).toBe(true);
    expect(judgeAnswer(text, "busybox:latest", ["latest"])).toBe(true);
    expect(judgeAnswer(text, "model name\t: QEMU Virtual CPU", ["QEMU Virtual CPU"])).toBe(true);
    expect(judgeAnswer(text, "not /learner", ["/learner"])).toBe(false);
    expect(judgeAnswer(text, "0::/", ["/learner"])).toBe(false);
    expect(judgeAnswer(text, "x/learner", ["/learner"])).toBe(false);
  });

  it("reads numbers with Korean counters, units and the label before them", () => {
    expect(parseNumberAnswer("4개")).toEqual({ value: 4, unit: "개" });
    expect(parseNumberAnswer("197 B")).toEqual({ value: 197, unit: "B" });
    expect(parseNumberAnswer("197바이트")).toEqual({ value: 197, unit: "바이트" });
    expect(parseNumberAnswer("MemTotal:     515484 kB")).toEqual({ value: 515484, unit: "kB" });
    expect(parseNumberAnswer("1,024")).toEqual({ value: 1024, unit: "" });
    expect(parseNumberAnswer("-3.5")).toEqual({ value: -3.5, unit: "" });
    for (const invalid of ["lots", "4 5", "12abc34", "", "v1"]) expect(parseNumberAnswer(invalid), invalid).toBeUndefined();
    expect(judgeAnswer(number, "4개", ["4"])).toBe(true);
    expect(judgeAnswer(number, "197 B", ["197"])).toBe(true);
    expect(judgeAnswer(number, "197바이트", ["197"])).toBe(true);
  });

  it("says which form is wanted: a number, or another unit", async () => {
    const agent = byScript({ answers: result(0, "16777216\n") });
    const question: RunnableQuestion = { answer: "answers", compare: "number", tolerance: 0, timeoutMs: 5000 };
    expect(await checkAnswer(agent, question, "16M")).toMatchObject({ status: "wrong", message: matching(/Check the unit.*“M”/) });
    expect(await checkAnswer(agent, question, "16777216 bytes")).toMatchObject({ correct: true });
    expect(await checkAnswer(agent, question, "sixteen")).toMatchObject({ status: "invalid", message: matching(/e\.g\. 42/) });
    expect(await checkAnswer(agent, question, "16M", { locale: "ko" })).toMatchObject({ message: matching(/단위를 확인/) });
  });
});

describe("checkAnswer", () => {
  const question = (overrides: Partial<RunnableQuestion> = {}): RunnableQuestion => ({
    answer: "print-answers",
    compare: "text",
    tolerance: 0,
    timeoutMs: 5000,
    hint: "look again",
    ...overrides,
  });

  it("accepts any of the lines the guest prints, ignoring case and spaces", async () => {
    const agent = byScript({ "print-answers": result(0, "Pentium III (Katmai)\nother\n") });
    expect(await checkAnswer(agent, question(), "  pentium   iii (katmai) ")).toEqual({ correct: true, status: "correct" });
    expect(await checkAnswer(agent, question(), "other")).toMatchObject({ correct: true });
  });

  it("refuses a wrong answer with the question's hint", async () => {
    const agent = byScript({ "print-answers": result(0, "42\n") });
    expect(await checkAnswer(agent, question(), "41")).toEqual({
      correct: false,
      status: "wrong",
      message: "Not quite. Look again in the terminal.",
      hint: "look again",
    });
  });

  it("tells a wrong answer the author's own words when the question has them", async () => {
    const agent = byScript({ "print-answers": result(0, "42\n") });
    expect(await checkAnswer(agent, question({ wrong: "Think about who owns the namespace." }), "41")).toMatchObject({
      status: "wrong",
      message: "Think about who owns the namespace.",
    });
  });

  it("compares numbers as numbers, with a tolerance", async () => {
    const agent = byScript({ "print-answers": result(1, "107888\n") }); // the exit code does not matter
    expect(await checkAnswer(agent, question({ compare: "number" }), "107,888")).toMatchObject({ correct: true });
    expect(await checkAnswer(agent, question({ compare: "number" }), "107890")).toMatchObject({ correct: false, status: "wrong" });
    expect(await checkAnswer(agent, question({ compare: "number", tolerance: 5 }), "107890")).toMatchObject({ correct: true });
    expect(await checkAnswer(agent, question({ compare: "number" }), "lots")).toMatchObject({ status: "invalid", message: "The answer should be a number, e.g. 42 (a unit after it, like 42 B, is fine)." });
  });

  it("does not ask the guest about an empty answer", async () => {
    const agent = byScript({});
    expect(await checkAnswer(agent, question(), "  ")).toMatchObject({ correct: false, status: "invalid" });
    expect(agent.scripts).toEqual([]);
  });

  it("says so when the guest cannot work out the answer", async () => {
    expect(await checkAnswer(byScript({ "print-answers": result(1, "") }), question(), "1")).toMatchObject({
      correct: false,
      status: "unavailable",
    });
    const timeout = new FakeAgent(() => Promise.reject(new AgentTimeoutError(1)));
    expect(await checkAnswer(timeout, question(), "1", { locale: "ko" })).toMatchObject({
      status: "unavailable",
      message: matching(/5초/),
    });
  });

  it("judges without the guest", () => {
    expect(judgeAnswer({ compare: "text", tolerance: 0 }, "Init", ["init"])).toBe(true);
    expect(judgeAnswer({ compare: "number", tolerance: 0 }, "1", ["01"])).toBe(true);
    expect(judgeAnswer({ compare: "number", tolerance: 0 }, "1", ["one"])).toBe(false);
  });
});

describe("check kinds and lints", () => {
  it("compiles file and process checks to read-only scripts", () => {
    expect(compileCheck({ kind: "file", path: "/tmp/it's" })).toEqual({
      kind: "file",
      script: `[ -e '/tmp/it'\\''s' ] || [ -L '/tmp/it'\\''s' ]`,
      expect: { exitCode: 0 },
    });
    expect(compileCheck({ kind: "file", path: "/x", exists: false }).script).toBe("! { [ -e '/x' ] || [ -L '/x' ]; }");
    const process = compileCheck({ kind: "process", comm: "^sleep$", namespaces: { pid: "new", net: "host" }, root: "/tmp/jail", nsPid: 1 });
    expect(process.script).toContain("lab_find '^sleep$'");
    expect(process.script).toContain('lab_new_ns "$_pid" pid || continue');
    expect(process.script).toContain('lab_same_ns "$_pid" 1 net || continue');
    expect(process.script).toContain(`lab_root_is "$_pid" '/tmp/jail' || continue`);
    expect(process.script).toContain('[ "$(lab_nspid "$_pid")" = 1 ] || continue');
    expect(stateChangingParts(process.script)).toEqual([]);
    expect(stateChangingParts(CHECK_PRELUDE)).toEqual([]);
  });

  it("flags scripts that change the guest", () => {
    const flagged = (script: string): boolean => stateChangingParts(script).length > 0;
    for (const script of [
      "echo x > /tmp/f",
      "mount -t proc proc /mnt",
      "x=$(mkdir /y)",
      "nsenter -t 1 -m umount /x",
      "nsenter -t 4 -u hostname box",
      "ip link set eth0 up",
      "iptables -t nat -A POSTROUTING -j MASQUERADE",
      "kill 42",
      "sed -i s/a/b/ /etc/hosts",
      "echo +memory | tee /sys/fs/cgroup/cgroup.subtree_control",
      "echo $(( 1 >> 1 )) > /tmp/x",
    ]) {
      expect(flagged(script), script).toBe(true);
    }
    for (const script of [
      "cat /proc/mounts 2>/dev/null | grep -c proc >&2",
      "grep mount /proc/mounts",
      "awk '$1 > 0' /proc/x",
      "kill -0 42",
      "nsenter -t 4 -u hostname",
      "ip -n red addr show",
      "iptables -t nat -S",
      "# rm -rf /\ntrue",
      "ls /x > /dev/null 2>&1",
      "[ $(( 0x$caps >> 21 & 1 )) = 0 ] && [ $(( (1 + 2) > 2 )) = 1 ]",
    ]) {
      expect(flagged(script), script).toBe(false);
    }
  });

  it("flags mktemp and awk writing files or running commands, and says on which line", () => {
    const flagged = (script: string): boolean => stateChangingParts(script).length > 0;
    for (const script of [
      "f=$(mktemp)",
      "mktemp -d",
      `awk '{ print > "/tmp/file" }' /etc/hostname`,
      `awk '{ print $1 >> "/tmp/file" }' /etc/hostname`,
      `awk '{ printf "%s", $0 | "sh" }' /etc/hostname`,
      `awk 'BEGIN { system("touch /tmp/x") }'`,
      `awk 'BEGIN { "date" | getline d }'`,
    ]) {
      expect(flagged(script), script).toBe(true);
    }
    for (const script of [
      `awk '$2 > 0 { print $1 }' /proc/x`,
      `awk '{ print ($1 > 2) }' /proc/x`,
      `awk '{ print "a > b" }' /proc/x`,
      `awk -v re="$1" '{ c = $0; if (c ~ re) print $1 }'`,
    ]) {
      expect(flagged(script), script).toBe(false);
    }
    expect(stateChangingParts("true\nx=$(mktemp)\necho 'a\nb' > /tmp/f\nawk '\n{ print > \"/x\" }' y")).toEqual([
      { line: 2, what: "runs `mktemp`, which changes the guest" },
      { line: 4, what: "redirects output into a file" },
      { line: 6, what: "writes from awk into a file or a command (`print >` or `print |`)" },
    ]);
  });

  it("flags solutions that cannot be typed into bash", () => {
    expect(typingHazards("ls\n\tcd /")).toEqual(["contains a tab character, which bash turns into completion when typed"]);
    expect(typingHazards("vi /etc/hosts")[0]).toMatch(/runs `vi`/);
    expect(typingHazards("echo less; unshare --pid --fork bash")).toEqual([]);
  });
});
