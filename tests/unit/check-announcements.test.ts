// What screen readers hear about check runs: only news, and everything when the learner asked.
import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../src/exercises/check-runner.ts";
import { checkAnnouncement } from "../../src/course/check-announcements.ts";
import { ACCESS_MESSAGES } from "../../src/i18n/access-messages.ts";

const a = ACCESS_MESSAGES.en;
const labels = new Map([
  ["ns", "Runs in a new `pid` namespace"],
  ["host", "Hostname is **c1**"],
]);

function results(passed: Record<string, boolean>): CheckResult[] {
  return Object.entries(passed).map(([id, ok]) => ({ id, passed: ok, status: ok ? "passed" : "failed", durationMs: 5 }));
}

describe("checkAnnouncement", () => {
  it("says nothing on a step's first run, unasked", () => {
    expect(checkAnnouncement(undefined, results({ ns: false, host: false }), labels, false, a)).toBeUndefined();
  });

  it("says nothing when nothing changed", () => {
    const same = results({ ns: true, host: false });
    expect(checkAnnouncement(same, same, labels, false, a)).toBeUndefined();
  });

  it("counts the checks passed when one more passes", () => {
    expect(checkAnnouncement(results({ ns: false, host: false }), results({ ns: true, host: false }), labels, false, a)).toBe("1 of 2 checks passed.");
  });

  it("names a check that passed and no longer does, without Markdown marks", () => {
    expect(checkAnnouncement(results({ ns: true, host: true }), results({ ns: false, host: true }), labels, false, a)).toBe(
      "Check no longer passes: Runs in a new pid namespace",
    );
  });

  it("gives the whole result when the learner pressed Check now", () => {
    const next = results({ ns: true, host: false });
    expect(checkAnnouncement(next, next, labels, true, a)).toBe("1 of 2 checks passed. Not yet: Hostname is c1");
    expect(checkAnnouncement(undefined, results({ ns: true, host: true }), labels, true, ACCESS_MESSAGES.ko)).toBe("확인 2개 중 2개 통과.");
  });
});
