import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ShellHealthMonitor, type ShellHealth } from "../../src/session/shell-health.ts";
import type { AgentResult, GuestReadings } from "../../src/vm/agent-client.ts";

/** A guest whose learner cgroup holds `processes` processes out of 1024, with `refusals` refused forks. */
class CgroupGuest implements GuestReadings {
  processes = 2;
  refusals = 0;
  readings = 0;
  read(): Promise<AgentResult> {
    this.readings++;
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

describe("ShellHealthMonitor after a stop", () => {
  it("ignores a reading taken before the stop that arrives after it (the stop's answer stays on screen)", async () => {
    // A guest that answers a reading only when told, as a busy guest does while the stop runs.
    let answer: (() => void) | undefined;
    const slow: GuestReadings = {
      read: () =>
        new Promise<AgentResult>((resolve) => {
          const text = "processes 1020\nlimit 1024\npids.max 0\nmemory.oom_kill 0\n";
          answer = () => resolve({ exitCode: 0, signal: 0, stdout: new TextEncoder().encode(text), stderr: new Uint8Array(), truncated: false, durationMs: 1 });
        }),
    };
    const seen: ShellHealth[] = [];
    const watched = new ShellHealthMonitor({ agent: slow, onChange: (health) => seen.push(health), intervalMs: 1000 });
    watched.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(answer).toBeDefined();
    watched.recovered();
    answer!();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.map((h) => h.kind)).not.toContain("runaway");
    // The next reading is taken and judged as usual.
    answer = undefined;
    await vi.advanceTimersByTimeAsync(1000);
    expect(answer).toBeDefined();
    answer!();
    await vi.advanceTimersByTimeAsync(0);
    expect(watched.health.kind).toBe("runaway");
    watched.stop();
  });

  it("reads less often while nothing is typed and nothing changes, and at the steady pace again on a key", async () => {
    // Pauses of 1, 1, 2, 4, 5, 5 s (calm from the second reading on, capped at 5 s here).
    const calm = new ShellHealthMonitor({ agent: guest, onChange: () => {}, intervalMs: 1000, calmIntervalMs: 5000, now: () => clock });
    monitor.stop();
    guest.readings = 0;
    calm.start();
    await after(18_000);
    expect(guest.readings).toBe(6);
    // A key: the next reading comes within the steady pause, not the calm one.
    calm.noteInput();
    const before = guest.readings;
    await after(1000);
    expect(guest.readings).toBe(before + 1);
    // A bomb started with nothing typed is still seen within the calm pause.
    await after(20_000);
    guest.processes = 1020;
    await after(5000);
    expect(calm.health).toEqual({ kind: "runaway", processes: 1020, limit: 1024 });
    calm.stop();
  });
});
