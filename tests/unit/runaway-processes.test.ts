import { describe, expect, it } from "vitest";
import { isRunaway, parseLearnerLoad, parseStopReport, type LearnerLoad } from "../../src/session/runaway-processes.ts";

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
