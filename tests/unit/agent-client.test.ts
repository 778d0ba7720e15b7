import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AgentClient, outputText, type AgentClientOptions, type AgentTransport } from "../../src/vm/agent-client.ts";
import {
  AgentAbortedError,
  AgentDisposedError,
  AgentRestartedError,
  AgentTimeoutError,
} from "../../src/vm/agent-errors.ts";

interface SentRequest {
  readonly verb: string;
  readonly id: string;
  readonly args: readonly string[];
  /** The decoded script of an R request. */
  readonly script?: string;
}

/**
 * An in-memory guest: records what the client sends (parsed independently of the codec under test) and
 * answers with frames written by hand, the way lab-agent writes them.
 */
class FakeGuest implements AgentTransport {
  readonly sent: SentRequest[] = [];
  private readonly listeners = new Set<(line: string) => void>();

  send(text: string): void {
    expect(text.endsWith("\n")).toBe(true);
    for (const line of text.slice(0, -1).split("\n")) {
      const [verb = "", id = "", ...args] = line.split(" ");
      const script = verb === "R" ? Buffer.from(args[0] ?? "", "base64").toString("utf8") : undefined;
      this.sent.push({ verb, id, args, ...(script === undefined ? {} : { script }) });
    }
  }

  onLine(listener: (line: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  line(text: string): void {
    for (const listener of [...this.listeners]) listener(text);
  }

  out(id: string, fd: 1 | 2, data: string | Uint8Array): void {
    this.line(`LAB1 OUT ${id} ${fd} ${Buffer.from(data).toString("base64")}`);
  }

  exit(id: string, status = 0, signal = 0): void {
    this.line(`LAB1 EXIT ${id} ${status} ${signal}`);
  }

  ready(bootId = "boot-2"): void {
    this.line(`LAB1 READY ${bootId}`);
  }

  runs(): SentRequest[] {
    return this.sent.filter((r) => r.verb === "R");
  }

  kills(): string[] {
    return this.sent.filter((r) => r.verb === "K").map((r) => r.id);
  }

  lastRun(): SentRequest {
    const run = this.runs().at(-1);
    if (!run) throw new Error("no run request was sent");
    return run;
  }
}

/** Tracks whether a promise has settled, without awaiting it. */
function track<T>(promise: Promise<T>): { settled: () => boolean; promise: Promise<T> } {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { settled: () => settled, promise };
}

/** Lets promise callbacks run (settling is asynchronous even when the frame arrived synchronously). */
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

let guest: FakeGuest;
let nextId: number;

function makeClient(options: AgentClientOptions = {}): AgentClient {
  return new AgentClient(guest, { makeId: () => `r${nextId++}`, ...options });
}

beforeEach(() => {
  guest = new FakeGuest();
  nextId = 1;
});

afterEach(() => {
  vi.useRealTimers();
});

describe("AgentClient.run", () => {
  it("sends the script and resolves with the exit code, stdout and stderr", async () => {
    const client = makeClient();
    const result = client.run("echo hi; echo oops >&2\nexit 3");
    const request = guest.lastRun();
    expect(request.script).toBe("echo hi; echo oops >&2\nexit 3");
    guest.out(request.id, 1, "hi\n");
    guest.out(request.id, 2, "oops\n");
    guest.out(request.id, 1, Uint8Array.from([0, 255, 10]));
    guest.exit(request.id, 3, 0);
    const r = await result;
    expect(r.exitCode).toBe(3);
    expect(r.signal).toBe(0);
    expect(outputText(r.stderr)).toBe("oops\n");
    expect([...r.stdout]).toEqual([...Buffer.from("hi\n"), 0, 255, 10]);
    expect(r.truncated).toBe(false);
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("reports the signal that killed the command", async () => {
    const client = makeClient();
    const result = client.run("kill -9 $$");
    guest.exit(guest.lastRun().id, 137, 9);
    await expect(result).resolves.toMatchObject({ exitCode: 137, signal: 9 });
  });

  it("keeps concurrent requests' output apart", async () => {
    const client = makeClient();
    const a = client.run("a");
    const b = client.run("b");
    const [ra, rb] = guest.runs();
    guest.out(rb!.id, 1, "from b");
    guest.out(ra!.id, 1, "from a");
    guest.exit(rb!.id, 2);
    guest.exit(ra!.id, 1);
    expect(outputText((await a).stdout)).toBe("from a");
    expect(outputText((await b).stdout)).toBe("from b");
    expect((await a).exitCode).toBe(1);
    expect((await b).exitCode).toBe(2);
  });

  it("ignores lines that are not frames and frames for unknown requests", async () => {
    const client = makeClient();
    const result = track(client.run("x"));
    const { id } = guest.lastRun();
    guest.line("random noise on the serial line");
    guest.line("LAB1 EXIT someone-else 0 0");
    guest.out("someone-else", 1, "not yours");
    await flush();
    expect(result.settled()).toBe(false);
    guest.exit(id, 0);
    expect((await result.promise).stdout.length).toBe(0);
  });

  it("gives every request its own id", () => {
    const client = new AgentClient(guest);
    void client.run("a").catch(() => undefined);
    void client.run("b").catch(() => undefined);
    const [a, b] = guest.runs();
    expect(a!.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(a!.id).not.toBe(b!.id);
    client.dispose();
  });
});

describe("timeouts and cancellation", () => {
  it("rejects with AgentTimeoutError when the command runs too long, and kills it in the guest", async () => {
    vi.useFakeTimers();
    const client = makeClient();
    const result = track(client.run("sleep 1000", { timeoutMs: 1000 }));
    const { id } = guest.lastRun();
    await vi.advanceTimersByTimeAsync(999);
    expect(result.settled()).toBe(false);
    expect(guest.kills()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    const error = await result.promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentTimeoutError);
    expect((error as AgentTimeoutError).timeoutMs).toBe(1000);
    expect(guest.kills()).toEqual([id]);
    // The agent's late answer for the killed request is ignored.
    expect(() => guest.exit(id, 137, 9)).not.toThrow();
  });

  it("uses the default timeout when the request gives none", async () => {
    vi.useFakeTimers();
    const client = makeClient({ defaultTimeoutMs: 5000 });
    const result = track(client.run("sleep 1000"));
    await vi.advanceTimersByTimeAsync(4999);
    expect(result.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result.promise).rejects.toBeInstanceOf(AgentTimeoutError);
  });

  it("clears the timer when the command finishes in time", async () => {
    vi.useFakeTimers();
    const client = makeClient();
    const result = client.run("true", { timeoutMs: 1000 });
    guest.exit(guest.lastRun().id, 0);
    await expect(result).resolves.toMatchObject({ exitCode: 0 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(guest.kills()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects with AgentAbortedError when the signal aborts, and kills the command in the guest", async () => {
    const client = makeClient();
    const controller = new AbortController();
    const result = client.run("sleep 1000", { signal: controller.signal });
    const { id } = guest.lastRun();
    expect(guest.kills()).toEqual([]);
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(AgentAbortedError);
    expect(guest.kills()).toEqual([id]);
  });

  it("rejects at once, sending nothing, when the signal is already aborted", async () => {
    const client = makeClient();
    await expect(client.run("true", { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AgentAbortedError);
    expect(guest.sent).toEqual([]);
  });

  it("does not send a kill for a request that was still queued", async () => {
    vi.useFakeTimers();
    const client = makeClient({ concurrency: 1 });
    void client.run("sleep 1000", { timeoutMs: 60_000 }).catch(() => undefined);
    const queued = client.run("never sent", { timeoutMs: 1000 });
    const assertion = expect(queued).rejects.toBeInstanceOf(AgentTimeoutError);
    await vi.advanceTimersByTimeAsync(1000);
    await assertion;
    expect(guest.runs().map((r) => r.script)).toEqual(["sleep 1000"]);
    expect(guest.kills()).toEqual([]);
    // ...and it is gone from the queue: when the first one ends, nothing else is sent.
    guest.exit(guest.lastRun().id, 0);
    expect(guest.runs()).toHaveLength(1);
  });
});

describe("agent restarts and disposal", () => {
  it("rejects in-flight requests with AgentRestartedError when the agent announces itself again", async () => {
    const client = makeClient();
    const ready = vi.fn();
    client.events.on("ready", ready);
    const result = client.run("sleep 1000");
    guest.ready("new-boot");
    await expect(result).rejects.toBeInstanceOf(AgentRestartedError);
    expect(ready).toHaveBeenCalledWith({ bootId: "new-boot" });
  });

  it("sends requests that were queued at the restart to the new agent, and completes them", async () => {
    const client = makeClient({ concurrency: 1 });
    const lost = client.run("first");
    const queued = client.run("second");
    expect(guest.runs().map((r) => r.script)).toEqual(["first"]);
    guest.ready();
    await expect(lost).rejects.toBeInstanceOf(AgentRestartedError);
    // The queued request went to the new agent after the READY: it is running there, not lost.
    const second = guest.lastRun();
    expect(second.script).toBe("second");
    guest.out(second.id, 1, "ok");
    guest.exit(second.id, 0);
    await expect(queued.then((r) => outputText(r.stdout))).resolves.toBe("ok");
  });

  it("rejects every pending request with AgentDisposedError on dispose, and sends nothing more", async () => {
    const client = makeClient({ concurrency: 1 });
    const running = client.run("running");
    const queued = client.run("queued");
    const ping = client.ping();
    const sentBefore = guest.sent.length;
    client.dispose();
    await expect(running).rejects.toBeInstanceOf(AgentDisposedError);
    await expect(queued).rejects.toBeInstanceOf(AgentDisposedError);
    await expect(ping).rejects.toBeInstanceOf(AgentDisposedError);
    expect(guest.sent.length).toBe(sentBefore);
    expect(guest.listenerCount).toBe(0);
  });

  it("refuses new requests after dispose", async () => {
    const client = makeClient();
    client.dispose();
    client.dispose(); // idempotent
    await expect(client.run("true")).rejects.toBeInstanceOf(AgentDisposedError);
    await expect(client.ping()).rejects.toBeInstanceOf(AgentDisposedError);
    expect(guest.sent).toEqual([]);
  });
});

describe("queueing", () => {
  it("sends at most `concurrency` runs at once and the rest in the order they were made", async () => {
    const client = makeClient({ concurrency: 2 });
    const results = ["a", "b", "c", "d", "e"].map((script) => client.run(script));
    expect(guest.runs().map((r) => r.script)).toEqual(["a", "b"]);
    guest.exit(guest.runs()[1]!.id, 0); // b ends first
    expect(guest.runs().map((r) => r.script)).toEqual(["a", "b", "c"]);
    guest.exit(guest.runs()[0]!.id, 0);
    expect(guest.runs().map((r) => r.script)).toEqual(["a", "b", "c", "d"]);
    guest.exit(guest.runs()[2]!.id, 0);
    guest.exit(guest.runs()[3]!.id, 0);
    expect(guest.runs().map((r) => r.script)).toEqual(["a", "b", "c", "d", "e"]);
    guest.exit(guest.runs()[4]!.id, 0);
    await Promise.all(results);
  });

  it("defaults to 4 runs at once", () => {
    const client = makeClient();
    for (let i = 0; i < 6; i++) void client.run(`job ${i}`).catch(() => undefined);
    expect(guest.runs()).toHaveLength(4);
    client.dispose();
  });

  it("lets ping, window size, resume and reading requests bypass a full queue", async () => {
    const client = makeClient({ concurrency: 1 });
    void client.run("busy").catch(() => undefined);
    void client.run("waiting").catch(() => undefined);
    expect(guest.runs()).toHaveLength(1);

    const ping = client.ping();
    const ping1 = guest.sent.at(-1)!;
    expect(ping1.verb).toBe("P");
    guest.exit(ping1.id, 0);
    await expect(ping).resolves.toBeTypeOf("number");

    const resize = client.setWindowSize(40, 120);
    const w = guest.sent.at(-1)!;
    expect([w.verb, ...w.args]).toEqual(["W", "40", "120"]);
    guest.exit(w.id, 0);
    await expect(resize).resolves.toBeUndefined();

    const entropy = "ab".repeat(64);
    const resume = client.resume(1_700_000_000_000, entropy);
    const r = guest.sent.at(-1)!;
    expect([r.verb, ...r.args]).toEqual(["S", "1700000000000", entropy]);
    guest.out(r.id, 1, "5c1a3d2e-0000-4000-8000-000000000001\n");
    guest.exit(r.id, 0);
    await expect(resume).resolves.toBe("5c1a3d2e-0000-4000-8000-000000000001");

    const reading = client.read({ name: "cgroup-load", cgroup: "/sys/fs/cgroup/learner" });
    const q = guest.sent.at(-1)!;
    expect([q.verb, ...q.args]).toEqual(["Q", "cgroup-load", "/sys/fs/cgroup/learner"]);
    guest.out(q.id, 1, "processes 3\n");
    guest.exit(q.id, 0);
    expect(new TextDecoder().decode((await reading).stdout)).toBe("processes 3\n");

    // The queued run is still waiting behind the busy one.
    expect(guest.runs().map((r) => r.script)).toEqual(["busy"]);
    client.dispose();
  });

  it("never sends a kill for a control request that timed out", async () => {
    vi.useFakeTimers();
    const client = makeClient();
    const ping = client.ping({ timeoutMs: 100 });
    const assertion = expect(ping).rejects.toBeInstanceOf(AgentTimeoutError);
    await vi.advanceTimersByTimeAsync(100);
    await assertion;
    expect(guest.kills()).toEqual([]);
  });
});

describe("output limit", () => {
  it("keeps at most maxOutputBytes of output and flags the rest as truncated", async () => {
    const client = makeClient({ maxOutputBytes: 10 });
    const result = client.run("yes");
    const { id } = guest.lastRun();
    guest.out(id, 1, "123456");
    guest.out(id, 2, "ab");
    guest.out(id, 1, "7890XYZ"); // crosses the limit
    guest.out(id, 1, "!"); // would fit in the room left by a dropped chunk, but comes after the gap
    guest.exit(id, 0);
    const r = await result;
    expect(r.truncated).toBe(true);
    expect(r.stdout.length + r.stderr.length).toBeLessThanOrEqual(10);
    // What is kept is the beginning of each stream, without holes.
    expect("1234567890XYZ!".startsWith(outputText(r.stdout))).toBe(true);
    expect(outputText(r.stdout).startsWith("123456")).toBe(true);
    expect(outputText(r.stderr)).toBe("ab");
  });

  it("is not truncated when the output fills the limit exactly", async () => {
    const client = makeClient({ maxOutputBytes: 10 });
    const result = client.run("x");
    const { id } = guest.lastRun();
    guest.out(id, 1, "12345");
    guest.out(id, 1, "67890");
    guest.exit(id, 0);
    const r = await result;
    expect(r.truncated).toBe(false);
    expect(outputText(r.stdout)).toBe("1234567890");
  });
});
