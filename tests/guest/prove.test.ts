// `npm run prove` against the real guest: every pack shipped in content-packs/ is proven (its steps, its
// mistakes, its challenges), and a pack that validates but cannot be proven is reported with file:line,
// exercise, step and check: a step done on a fresh machine, a solution that misses, a step's mistake and
// a challenge's mistake that pass.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { provePack } from "../../scripts/prove/pack-prover.ts";
import { loadCourseWithPacks } from "../../src/exercises/course-packs.ts";
import { PACKS_DIR, packFolders, readCourse, readPack } from "../../src/exercises/pack-folders.ts";

const UNPROVEN = path.resolve(import.meta.dirname, "../fixtures/prove-packs/unproven-pack");

describe("content packs are proven in the guest", () => {
  const folders = packFolders({});
  it("content-packs/ ships at least one pack", () => {
    expect(folders.length).toBeGreaterThan(0);
  });
  it("the sample pack lists a mistake for every step and carries a challenge", () => {
    const sample = readPack(path.join(PACKS_DIR, "sample-pack"));
    const { exercises, challenges } = loadCourseWithPacks(readCourse(), [sample]);
    const own = exercises.filter((e) => sample.files.some((f) => f.path.startsWith(`${e.folder}/`)));
    expect(own.flatMap((e) => e.steps).filter((s) => s.mistakes.length === 0).map((s) => s.id)).toEqual([]);
    expect(challenges.filter((c) => sample.challenges?.files.some((f) => f.path.startsWith(`${c.folder}/`)))).not.toEqual([]);
  });
  for (const folder of folders) {
    it(`${path.basename(folder)} is proven`, { timeout: 900_000 }, async () => {
      const proof = await provePack(folder);
      expect(proof.failures).toEqual([]);
      expect(proof.exercises).toBeGreaterThan(0);
      expect(proof.stepsProven).toBe(proof.steps);
      expect(proof.challengesProven).toBe(proof.challenges);
      expect(proof.mistakesProven).toBe(proof.mistakes);
    });
  }
});

it("a pack that cannot be proven is reported by file, line, step and check", { timeout: 900_000 }, async () => {
  const proof = await provePack(UNPROVEN);
  expect(proof).toMatchObject({ exercises: 1, steps: 3, stepsProven: 1, challenges: 1, challengesProven: 1, mistakes: 3, mistakesProven: 1 });
  const root = "tests/fixtures/prove-packs/unproven-pack";
  const file = `${root}/01-not-proven/exercise.md`;
  expect(proof.failures).toEqual([
    expect.objectContaining({ where: `${file}:5`, exercise: "01-not-proven", step: "done-already", message: expect.stringContaining("passes on a fresh machine") }),
    expect.objectContaining({
      where: `${file}:14`,
      exercise: "01-not-proven",
      step: "wrong-solution",
      check: "marker-made",
      message: expect.stringContaining("still fails after the reference solution"),
    }),
    expect.objectContaining({
      where: `${file}:26`,
      exercise: "01-not-proven",
      step: "mistake-passes",
      message: expect.stringContaining('the mistake "listed as a mistake, but it does what the solution does" passes every check'),
    }),
    expect.objectContaining({
      where: `${root}/challenges/01-mistake-passes-too/challenge.md:15`,
      exercise: "challenges/01-mistake-passes-too",
      message: expect.stringContaining("passes every check"),
    }),
  ]);
});
