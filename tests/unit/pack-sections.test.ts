// Content packs in the overview: each under its own heading (from pack.md) with its own numbering, and
// an assignment (#/pack/<name>) that shows one pack alone.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCourseWithPacks, packChallengeIds, packExerciseIds } from "../../src/exercises/course-packs.ts";
import { localize } from "../../src/exercises/model.ts";
import { readCourse, readPack } from "../../src/exercises/pack-folders.ts";
import { assignedChallenges, assignmentFromHash, overviewSections, packTitle, type PackIndexEntry } from "../../src/exercises/pack-sections.ts";
import { parsePackTitle } from "../../src/exercises/pack-title.ts";

const SAMPLE = path.resolve(import.meta.dirname, "../../content-packs/sample-pack");
const items = ["inside-a-vm", "chroot", "private-mount", "hostname-box"].map((id) => ({ id }));
const packs: PackIndexEntry[] = [
  { name: "sample-pack", title: { en: "Sample", ko: "예제" }, ids: ["private-mount"], challengeIds: ["read-only-tmpfs"] },
  { name: "our-school", ids: ["hostname-box"] },
];

describe("pack sections", () => {
  it("lists the course, then each pack under its own title", () => {
    const sections = overviewSections(items, packs, "ko");
    expect(sections.map((s) => [s.id, s.title, s.items.map((i) => i.id)])).toEqual([
      ["course", undefined, ["inside-a-vm", "chroot"]],
      ["sample-pack", "예제", ["private-mount"]],
      ["our-school", "our-school", ["hostname-box"]],
    ]);
  });

  it("shows only the assigned pack, and everything for an unknown one", () => {
    expect(overviewSections(items, packs, "en", "sample-pack").map((s) => s.id)).toEqual(["sample-pack"]);
    expect(overviewSections(items, packs, "en", "nope").map((s) => s.id)).toEqual(["course", "sample-pack", "our-school"]);
    expect(overviewSections(items, packs, "en", "course").map((s) => s.id)).toEqual(["course", "sample-pack", "our-school"]);
  });

  it("lists every challenge for the course, and only the assigned pack's own for an assignment", () => {
    const challenges = ["own-proc", "frozen", "read-only-tmpfs"].map((id) => ({ id }));
    expect(assignedChallenges(challenges, packs).map((c) => c.id)).toEqual(["own-proc", "frozen", "read-only-tmpfs"]);
    expect(assignedChallenges(challenges, packs, "sample-pack").map((c) => c.id)).toEqual(["read-only-tmpfs"]);
    expect(assignedChallenges(challenges, packs, "our-school")).toEqual([]);
    // An unknown assignment shows the whole course, as overviewSections does.
    expect(assignedChallenges(challenges, packs, "nope")).toHaveLength(3);
  });

  it("reads the assignment from the address", () => {
    expect(assignmentFromHash("#/pack/sample-pack")).toBe("sample-pack");
    expect(assignmentFromHash("#/pack/our%20school/")).toBe("our school");
    expect(assignmentFromHash("#/pack/")).toBeUndefined();
    expect(assignmentFromHash("")).toBeUndefined();
    expect(assignmentFromHash("#/pack/%E0%A4%A")).toBeUndefined();
  });
});

describe("pack titles", () => {
  it("reads a title per language, or one for all, and reports a malformed pack.md", () => {
    expect(parsePackTitle('---\ntitle:\n  en: "A"\n  ko: "가"\n---\n')).toEqual({ title: { en: "A", ko: "가" } });
    expect(parsePackTitle("---\ntitle: Same\n---\n")).toEqual({ title: { en: "Same", ko: "Same" } });
    expect(parsePackTitle("---\nname: x\n---\n")).toMatchObject({ line: 2 });
    expect(packTitle({ en: "A" }, "ko", "folder")).toBe("A");
    expect(packTitle(undefined, "ko", "folder")).toBe("folder");
  });

  it("the shipped sample pack has its title, exercise and challenge", () => {
    const pack = readPack(SAMPLE);
    expect(pack.title?.en).toMatch(/^Sample pack/);
    expect(pack.title?.ko).toMatch(/^예제 팩/);
    expect(packExerciseIds(pack)).toEqual(["private-mount"]);
    expect(packChallengeIds(pack)).toEqual(["read-only-tmpfs"]);
  });

  it("a question can carry its own words for a wrong answer, in each language", () => {
    const { exercises, problems } = loadCourseWithPacks(readCourse(), [readPack(SAMPLE)]);
    expect(problems).toEqual([]);
    const exercise = exercises.find((e) => e.id === "private-mount")!;
    expect(localize(exercise, "en").steps[0]!.question?.wrong).toMatch(/^Not that one/);
    expect(localize(exercise, "ko").steps[0]!.question?.wrong).toMatch(/^그게 아닙니다/);
  });
});
