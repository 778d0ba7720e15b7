import { describe, expect, it } from "vitest";
import { LEARNER_CGROUP, isRunaway, learnerRunawayNow, parseLearnerLoad, parseStopReport, type LearnerLoad } from "../../src/session/runaway-processes.ts";
import type { AgentResult, GuestReadings } from "../../src/vm/agent-client.ts";
import type { AgentReading } from "../../src/vm/agent-protocol.ts";

const load = (processes: number, forkRefusals = 0): LearnerLoad => ({
  processes,
  limit: 1024,
  forkRefusals,
  oomKills: 0,
});

describe("parseLearnerLoad", () => {
  it("reads the counters the load script prints", () => {
    const text = "processes 1021\nlimit 1024\npids.max 37\nmemory.low 0\nmemory.high 0\nmemory.max 2\nmemory.oom 1\nmemory.oom_kill 1\n";
    expect(parseLearnerLoad(text)).toEqual({ processes: 1021, limit: 1024, forkRefusals: 37, oomKills: 1 });
  });

  it("takes a limit of max as no limit", () => {
    expect(parseLearnerLoad("processes 3\nlimit max\npids.max 0\n").limit).toBeUndefined();
  });

  it("refuses output without the process count", () => {
    expect(() => parseLearnerLoad("limit 1024\npids.max 0\n")).toThrow(/processes/);
  });
});

describe("isRunaway", () => {
  it("is true near the limit", () => {
    expect(isRunaway(undefined, load(800))).toBe(true);
    expect(isRunaway(undefined, load(700))).toBe(false);
  });

  it("is true when forks were refused since the last reading while the group is half full", () => {
    expect(isRunaway(load(600, 4), load(600, 9))).toBe(true);
    expect(isRunaway(load(600, 9), load(600, 9))).toBe(false);
    // a lesson's small group refusing forks does not count
    expect(isRunaway(load(8, 4), load(9, 9))).toBe(false);
  });

  it("is true past a hundred processes that keep growing", () => {
    expect(isRunaway(load(120), load(131))).toBe(true);
    expect(isRunaway(load(131), load(131))).toBe(false);
    expect(isRunaway(load(40), load(60))).toBe(false);
  });

  it("is never true without a limit", () => {
    expect(isRunaway(undefined, { processes: 5000, limit: undefined, forkRefusals: 0, oomKills: 0 })).toBe(false);
  });
});

describe("parseStopReport", () => {
  it("counts kept shells and killed processes by name, most first", () => {
    const text = "kept 88 bash\nkilled bash\nkilled sleep\nkilled bash\nkilled my prog\n";
    expect(parseStopReport(text)).toEqual({
      keptShells: 1,
      killed: 4,
      killedByName: [
        ["bash", 2],
        ["my prog", 1],
        ["sleep", 1],
      ],
    });
  });
});

/** A learner cgroup of at most 512 processes whose successive readings show `counts`. */
function growing(...counts: number[]): GuestReadings & { readings: number } {
  const guest = {
    readings: 0,
    read(reading: AgentReading): Promise<AgentResult> {
      expect(reading).toEqual({ name: "cgroup-load", cgroup: LEARNER_CGROUP });
      const processes = counts[Math.min(guest.readings++, counts.length - 1)]!;
      const text = `processes ${processes}\nlimit 512\npids.max 0\nmemory.oom_kill 0\n`;
      return Promise.resolve({ exitCode: 0, signal: 0, stdout: new TextEncoder().encode(text), stderr: new Uint8Array(), truncated: false, durationMs: 1 });
    },
  };
  return guest;
}

describe("learnerRunawayNow", () => {
  it("sees a full group in one reading", async () => {
    const guest = growing(500);
    expect(await learnerRunawayNow(guest, 0)).toBe(true);
    expect(guest.readings).toBe(1);
  });

  it("reads twice to see a bomb still growing towards the limit", async () => {
    expect(await learnerRunawayNow(growing(150, 220), 0)).toBe(true);
    expect(await learnerRunawayNow(growing(150, 150), 0)).toBe(false);
  });

  it("takes one reading when there are too few processes to matter", async () => {
    const guest = growing(4, 400);
    expect(await learnerRunawayNow(guest, 0)).toBe(false);
    expect(guest.readings).toBe(1);
  });
});

