// Challenges in the learner's progress: hints unlock one at a time, the solution only after two requests
// or once solved; the stored form, the exported file, merging, fitting to the content and the report.
import { describe, expect, it } from "vitest";
import {
  EMPTY_PROGRESS,
  challengeProgress,
  isChallengeSolved,
  isSolutionUnlocked,
  parseProgress,
  mergeProgress,
  reconcileProgress,
  serializeProgress,
  withChallengeSolved,
  withHintUsed,
  withSolutionRequest,
  type Progress,
} from "../../src/course/progress.ts";
import { encodeProgressFile, parseProgressFile } from "../../src/saved/progress-file.ts";
import { buildReport } from "../../src/saved/progress-report.ts";

const at = (iso: string): Date => new Date(iso);

describe("challenge progress", () => {
  it("unlocks hints one at a time, never past the last", () => {
    let p: Progress = EMPTY_PROGRESS;
    expect(challengeProgress(p, "bridge")).toEqual({ hintsUsed: 0, solutionRequests: 0 });
    p = withHintUsed(p, "bridge", 2);
    expect(challengeProgress(p, "bridge").hintsUsed).toBe(1);
    p = withHintUsed(withHintUsed(p, "bridge", 2), "bridge", 2);
    expect(challengeProgress(p, "bridge").hintsUsed).toBe(2);
    expect(challengeProgress(p, "other").hintsUsed).toBe(0);
  });

  it("shows the solution after the second request, or once solved", () => {
    let p: Progress = withSolutionRequest(EMPTY_PROGRESS, "bridge");
    expect(isSolutionUnlocked(p, "bridge")).toBe(false);
    p = withSolutionRequest(p, "bridge");
    expect(isSolutionUnlocked(p, "bridge")).toBe(true);
    expect(withSolutionRequest(p, "bridge")).toBe(p);

    const solved = withChallengeSolved(EMPTY_PROGRESS, "cpu", at("2026-03-01T10:00:00Z"));
    expect(isChallengeSolved(solved, "cpu")).toBe(true);
    expect(isSolutionUnlocked(solved, "cpu")).toBe(true);
    expect(withChallengeSolved(solved, "cpu", at("2026-03-02T10:00:00Z"))).toBe(solved);
  });

  it("is stored, exported and read back; progress without challenges still reads", () => {
    const p = withHintUsed(withChallengeSolved(EMPTY_PROGRESS, "cpu", at("2026-03-01T10:00:00Z")), "cpu", 3);
    const withPosition: Progress = { ...p, position: { view: "challenge", challenge: "cpu" } };
    expect(parseProgress(serializeProgress(withPosition))).toEqual({ kind: "ok", progress: withPosition });
    expect(parseProgressFile(encodeProgressFile(withPosition, at("2026-03-02T00:00:00Z")))).toEqual(withPosition);
    expect(parseProgress(serializeProgress(EMPTY_PROGRESS))).toEqual({ kind: "ok", progress: EMPTY_PROGRESS });
    const bad = JSON.stringify({ ...JSON.parse(serializeProgress(p)), challenges: { cpu: { hintsUsed: -1, solutionRequests: 0 } } });
    expect(parseProgress(bad).kind).toBe("corrupt");
  });

  it("merges: solved on either side at the earlier time, the most hints used", () => {
    const mine = withHintUsed(withChallengeSolved(EMPTY_PROGRESS, "cpu", at("2026-03-02T10:00:00Z")), "cpu", 3);
    let theirs = withChallengeSolved(EMPTY_PROGRESS, "cpu", at("2026-03-01T10:00:00Z"));
    theirs = withHintUsed(withHintUsed(withSolutionRequest(theirs, "bridge"), "cpu", 3), "cpu", 3);
    const merged = mergeProgress(mine, theirs);
    expect(merged.challenges).toEqual({
      cpu: { hintsUsed: 2, solutionRequests: 0, solvedAt: "2026-03-01T10:00:00.000Z" },
      bridge: { hintsUsed: 0, solutionRequests: 1 },
    });
  });

  it("forgets challenges the content no longer has, and a position on one", () => {
    const p: Progress = { ...withHintUsed(withHintUsed(EMPTY_PROGRESS, "gone", 2), "kept", 2), position: { view: "challenge", challenge: "gone" } };
    const reconciled = reconcileProgress(p, new Map(), new Set(["kept"]));
    expect(Object.keys(reconciled.challenges ?? {})).toEqual(["kept"]);
    expect(reconciled.position).toEqual({ view: "overview" });
  });

  it("appears in the instructor's report with the hints used", () => {
    let p = withChallengeSolved(EMPTY_PROGRESS, "cpu", at("2026-03-01T10:00:00Z"));
    p = withHintUsed(p, "cpu", 3);
    p = withSolutionRequest(withSolutionRequest(p, "bridge"), "bridge");
    const report = buildReport([], p, [
      { id: "cpu", title: "A fifth of a CPU", hints: ["a", "b", "c"] },
      { id: "bridge", title: "A bridge", hints: ["a", "b"] },
    ]);
    expect(report.solvedChallenges).toBe(1);
    expect(report.challenges).toEqual([
      { id: "cpu", title: "A fifth of a CPU", solved: true, solvedAt: at("2026-03-01T10:00:00Z"), hintsUsed: 1, hintCount: 3, solutionRequested: false },
      { id: "bridge", title: "A bridge", solved: false, hintsUsed: 0, hintCount: 2, solutionRequested: true },
    ]);
  });
});
