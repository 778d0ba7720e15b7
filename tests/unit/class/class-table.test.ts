// The instructor's table rules and the page's progress events, pure.
import { describe, expect, it } from "vitest";
import type { StudentRow } from "../../../src/classroom/class-protocol.ts";
import { classCsv, formatDuration, isStuck, sortRows } from "../../../src/classroom/class-table.ts";
import { progressEvents } from "../../../src/classroom/progress-reporter.ts";
import { EMPTY_PROGRESS, type Progress } from "../../../src/course/progress.ts";
import { RateLimiter } from "../../../scripts/serve/class/rate-limit.ts";

const T0 = Date.parse("2026-12-01T10:00:00Z");

function row(over: Partial<StudentRow>): StudentRow {
  return {
    student: "s-0000000000000001",
    name: "Ada",
    joinedAt: new Date(T0).toISOString(),
    left: false,
    exercise: "chroot",
    step: "escape",
    since: new Date(T0).toISOString(),
    failed: 0,
    hints: 0,
    done: 0,
    solutions: 0,
    challengesPassed: 0,
    challengesTried: 0,
    lastSeen: new Date(T0).toISOString(),
    ...over,
  };
}

describe("class table", () => {
  it("calls a student stuck after the threshold on one step, or after many failed attempts", () => {
    expect(isStuck(row({}), T0 + 9 * 60_000, 10)).toBe(false);
    expect(isStuck(row({}), T0 + 10 * 60_000, 10)).toBe(true);
    expect(isStuck(row({}), T0 + 3 * 60_000, 2)).toBe(true);
    expect(isStuck(row({ failed: 5 }), T0 + 1000)).toBe(true);
    expect(isStuck(row({ left: true }), T0 + 60 * 60_000)).toBe(false);
    expect(isStuck(row({ exercise: undefined, step: undefined }), T0 + 60 * 60_000)).toBe(false);
  });

  it("formats durations", () => {
    expect(formatDuration(7)).toBe("0:07");
    expect(formatDuration(12 * 60 + 3)).toBe("12:03");
    expect(formatDuration(3600 + 5 * 60 + 9)).toBe("1:05:09");
  });

  it("orders by the course's exercise order, then step, then name; the overview last", () => {
    const rows = [
      row({ name: "C", exercise: "pid-namespace" }),
      row({ name: "B", exercise: undefined, step: undefined }),
      row({ name: "A", exercise: "chroot", step: "z" }),
      row({ name: "D", exercise: "chroot", step: "a" }),
    ];
    expect(sortRows(rows, ["chroot", "pid-namespace"]).map((r) => r.name)).toEqual(["D", "A", "C", "B"]);
  });

  it("writes CSV with seconds on step and the stuck flag", () => {
    const csv = classCsv([row({ name: 'Bo "B" +1', failed: 2, solutions: 1 })], T0 + 90_000);
    const [header, line] = csv.split("\r\n");
    expect(header).toContain('"step","challenge","seconds_on_step","failed_attempts","hints","steps_done","solutions_shown"');
    expect(line).toContain('"Bo ""B"" +1","chroot","escape","","90","2","0","0","1","0","0","false","false"');
  });

  it("counts time and stuck on a challenge as on a step", () => {
    const onChallenge = row({ exercise: undefined, step: undefined, challenge: "own-proc" });
    expect(isStuck(onChallenge, T0 + 11 * 60_000)).toBe(true);
    expect(isStuck(row({ exercise: undefined, step: undefined }), T0 + 11 * 60_000)).toBe(false);
  });
});

describe("progress events", () => {
  const course = new Map([["chroot", ["enter", "escape"]]]);
  const steps = (id: string) => course.get(id);

  it("reports moving to a step, back to the overview, and steps done", () => {
    const onStep: Progress = { ...EMPTY_PROGRESS, position: { view: "step", exercise: "chroot", step: 1 } };
    expect(progressEvents(EMPTY_PROGRESS, onStep, steps)).toEqual([{ type: "position", exercise: "chroot", step: "escape" }]);
    const done: Progress = { ...onStep, done: { chroot: ["escape"] } };
    expect(progressEvents(onStep, done, steps)).toEqual([{ type: "step-done", exercise: "chroot", step: "escape" }]);
    expect(progressEvents(done, { ...done, position: { view: "overview" } }, steps)).toEqual([{ type: "overview" }]);
    expect(progressEvents(done, done, steps)).toEqual([]);
  });

  it("reports opening a challenge, its hints, a revealed solution and solving it", () => {
    const open: Progress = { ...EMPTY_PROGRESS, position: { view: "challenge", challenge: "own-proc" } };
    expect(progressEvents(EMPTY_PROGRESS, open, steps)).toEqual([{ type: "challenge-open", challenge: "own-proc" }]);
    const other: Progress = { ...open, position: { view: "challenge", challenge: "frozen" } };
    expect(progressEvents(open, other, steps)).toEqual([{ type: "challenge-open", challenge: "frozen" }]);
    const hinted: Progress = { ...open, challenges: { "own-proc": { hintsUsed: 2, solutionRequests: 0 } } };
    expect(progressEvents(open, hinted, steps)).toEqual([
      { type: "challenge-hint", challenge: "own-proc", hint: 1 },
      { type: "challenge-hint", challenge: "own-proc", hint: 2 },
    ]);
    // The first request only asks "sure?"; the second shows the solution.
    const asked: Progress = { ...hinted, challenges: { "own-proc": { hintsUsed: 2, solutionRequests: 1 } } };
    expect(progressEvents(hinted, asked, steps)).toEqual([]);
    const shown: Progress = { ...asked, challenges: { "own-proc": { hintsUsed: 2, solutionRequests: 2 } } };
    expect(progressEvents(asked, shown, steps)).toEqual([{ type: "solution-shown", challenge: "own-proc" }]);
    const solved: Progress = { ...shown, challenges: { "own-proc": { hintsUsed: 2, solutionRequests: 2, solvedAt: "2026-12-01T10:05:00.000Z" } } };
    expect(progressEvents(shown, solved, steps)).toEqual([{ type: "challenge-solved", challenge: "own-proc" }]);
    expect(progressEvents(solved, solved, steps)).toEqual([]);
  });

  it("does not call the solution revealed when it shows because the challenge is solved", () => {
    const solved: Progress = { ...EMPTY_PROGRESS, challenges: { frozen: { hintsUsed: 0, solutionRequests: 0, solvedAt: "2026-12-01T10:05:00.000Z" } } };
    const askedAfter: Progress = { ...solved, challenges: { frozen: { hintsUsed: 0, solutionRequests: 2, solvedAt: "2026-12-01T10:05:00.000Z" } } };
    expect(progressEvents(EMPTY_PROGRESS, solved, steps)).toEqual([{ type: "challenge-solved", challenge: "frozen" }]);
    expect(progressEvents(solved, askedAfter, steps)).toEqual([]);
  });
});

describe("rate limiter", () => {
  it("allows a burst, then refills over time, per key", () => {
    let now = 0;
    const limiter = new RateLimiter(3, 1, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take("a"))).toEqual([true, true, true, false]);
    expect(limiter.take("b")).toBe(true);
    now = 1000;
    expect(limiter.take("a")).toBe(true);
    expect(limiter.take("a")).toBe(false);
  });
});
