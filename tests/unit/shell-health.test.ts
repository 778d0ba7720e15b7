import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ShellHealthMonitor, type ShellHealth } from "../../src/session/shell-health.ts";
import type { AgentResult, GuestAgent } from "../../src/vm/agent-client.ts";

/** A guest whose learner cgroup holds `processes` processes out of 1024, with `refusals` refused forks. */
class CgroupGuest implements GuestAgent {
  processes = 2;
  refusals = 0;
  run(): Promise<AgentResult> {
    const text = `processes ${this.processes}\nlimit 1024\npids.max ${this.refusals}\nmemory.oom_kill 0\n`;
    return Promise.resolve({ exitCode: 0, signal: 0, stdout: new TextEncoder().encode(text), stderr: new Uint8Array(), truncated: false, durationMs: 1 });
  }
}

let guest: CgroupGuest;
let changes: ShellHealth[];
let clock: number;
let monitor: ShellHealthMonitor;

beforeEach(() => {
  vi.useFakeTimers();
  guest = new CgroupGuest();
  changes = [];
  clock = 0;
  monitor = new ShellHealthMonitor({
    agent: guest,
    onChange: (health) => changes.push(health),
    intervalMs: 1000,
    silenceMs: 5000,
    now: () => clock,
  });
  monitor.start();
});

afterEach(() => {
  monitor.stop();
  vi.useRealTimers();
});

async function after(ms: number): Promise<void> {
  clock += ms;
  await vi.advanceTimersByTimeAsync(ms);
}

describe("ShellHealthMonitor", () => {
  it("reports a full learner cgroup as runaway and a calm one as healthy again", async () => {
    await after(1000);
    expect(changes).toEqual([]);
    guest.processes = 1020;
    await after(1000);
    expect(monitor.health).toEqual({ kind: "runaway", processes: 1020, limit: 1024 });
    guest.processes = 2;
    await after(1000);
    expect(monitor.health).toEqual({ kind: "healthy" });
  });

  it("reports typed keys without an answer as silent, and any output as healthy", async () => {
    monitor.noteInput();
    await after(3000);
    expect(monitor.health.kind).toBe("healthy");
    await after(3000);
    expect(monitor.health).toMatchObject({ kind: "silent" });
    monitor.noteOutput();
    expect(monitor.health.kind).toBe("healthy");
  });

  it("does not count keys that were echoed", async () => {
    monitor.noteInput();
    await after(2000);
    monitor.noteOutput();
    await after(6000);
    expect(changes).toEqual([]);
  });

  it("stops reading when stopped", async () => {
    monitor.stop();
    guest.processes = 1020;
    await after(5000);
    expect(changes).toEqual([]);
  });
});
