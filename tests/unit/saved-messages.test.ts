// The saved-work and file-transfer messages: every locale words every problem, in its own language.
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/exercises/locales.ts";
import type { TransferProblem } from "../../src/files/guest-files.ts";
import { SAVED_MESSAGES, formatAge, formatSize } from "../../src/saved/saved-messages.ts";
import type { SavedWorkNotice, SavedWorkProblem } from "../../src/saved/saved-work.ts";

const mismatch = { kind: "v86", saved: "0.5.1", running: "0.5.2" } as const;
const PROBLEMS: SavedWorkProblem[] = [
  { kind: "quota", detail: "d" },
  { kind: "storage-unavailable", detail: "d" },
  { kind: "storage-blocked", detail: "d" },
  { kind: "save-failed", detail: "d" },
  { kind: "saved-corrupt", detail: "d" },
  { kind: "saved-incompatible", mismatch },
  { kind: "saved-incompatible", mismatch: { kind: "machine", saved: "a", running: "b" } },
  { kind: "saved-incompatible", mismatch: { kind: "image", saved: "a", running: "b" } },
  { kind: "import-corrupt", fileName: "f.islab", detail: "d" },
  { kind: "import-unknown", fileName: "f.txt", detail: "d" },
  { kind: "import-incompatible", fileName: "f.islab", mismatch },
];
const TRANSFER_PROBLEMS: TransferProblem[] = [
  { kind: "too-large", size: 40e6, limit: 32e6 },
  { kind: "no-space", size: 20e6, free: 3e6 },
  { kind: "bad-path", path: "x" },
  { kind: "not-found", path: "/x" },
  { kind: "not-a-file", path: "/x" },
  { kind: "no-directory", path: "/x" },
  { kind: "guest-error", detail: "boom" },
];
const NOTICES: SavedWorkNotice[] = [
  { kind: "progress-imported", steps: 3 },
  { kind: "machine-imported", savedAt: new Date(), steps: 3 },
];

/** Every message of a locale as text (functions called with samples). */
function texts(locale: (typeof LOCALES)[number]): Map<string, string> {
  const m = SAVED_MESSAGES[locale];
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(m)) {
    if (typeof value === "string") out.set(key, value);
  }
  out.set("savedAt", m.savedAt("10:00"));
  out.set("resumeBody", m.resumeBody("10:00", formatAge(new Date(0), locale, new Date(12 * 60_000))));
  out.set("uploadHint", m.uploadHint("32 MB"));
  out.set("reportSummary", m.reportSummary(1, 2, 0, 1));
  PROBLEMS.forEach((p, i) => out.set(`problem.${i}`, m.problem(p)));
  TRANSFER_PROBLEMS.forEach((p, i) => out.set(`transfer.${i}`, m.transferProblem(p, formatSize)));
  NOTICES.forEach((n, i) => out.set(`notice.${i}`, m.notice(n, () => "10:00")));
  return out;
}

describe("SAVED_MESSAGES", () => {
  it.each(LOCALES)("%s words every message", (locale) => {
    for (const [key, text] of texts(locale)) expect(text.trim(), key).not.toBe("");
    expect([...texts(locale).keys()].sort()).toEqual([...texts("en").keys()].sort());
  });

  it("Korean is translated", () => {
    const english = texts("en");
    const same = [...texts("ko")].filter(([key, text]) => english.get(key) === text && /[a-z]{3}/i.test(text));
    expect(same).toEqual([]);
  });

  it("says what to do about a full storage, and that nothing was lost", () => {
    expect(SAVED_MESSAGES.en.problem({ kind: "quota", detail: "" })).toMatch(/storage is full.*previous save and your course progress are kept/);
    expect(formatSize(40e6)).toBe("40.0 MB");
  });
});

describe("formatAge", () => {
  it("says how long ago a save was, in each language", () => {
    const saved = new Date("2026-03-01T10:00:00Z");
    const after = (ms: number) => new Date(saved.getTime() + ms);
    expect(formatAge(saved, "en", after(45_000))).toBe("45 seconds ago");
    expect(formatAge(saved, "en", after(12 * 60_000))).toBe("12 minutes ago");
    expect(formatAge(saved, "en", after(3 * 3600_000))).toBe("3 hours ago");
    expect(formatAge(saved, "en", after(2 * 86400_000))).toBe("2 days ago");
    expect(formatAge(saved, "ko", after(12 * 60_000))).toBe("12분 전");
    // A clock set back shows no negative age.
    expect(formatAge(saved, "en", after(-5_000))).toBe("0 seconds ago");
  });

  it("tells the learner before resuming that newer work is not in the save", () => {
    expect(SAVED_MESSAGES.en.resumeBody("10:00", "12 minutes ago")).toMatch(/saved 10:00, 12 minutes ago.*after that save is not in it/);
    expect(SAVED_MESSAGES.ko.resumeBody("10:00", "12분 전")).toMatch(/10:00 저장, 12분 전.*저장한 뒤에 한 작업은 이 머신에 들어 있지 않습니다/);
  });

  it("promises no save when the page is left", () => {
    for (const locale of LOCALES) expect(SAVED_MESSAGES[locale].saveTitle).not.toMatch(/leave|떠날/);
  });
});
