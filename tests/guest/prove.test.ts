// `npm run prove` against the real guest: every pack shipped in content-packs/ is proven, and a pack
// that validates but cannot be proven is reported with file:line, exercise, step and check.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { provePack } from "../../scripts/prove/pack-prover.ts";
import { packFolders } from "../../src/exercises/pack-folders.ts";

const UNPROVEN = path.resolve(import.meta.dirname, "../fixtures/prove-packs/unproven-pack");

describe("content packs are proven in the guest", () => {
  const folders = packFolders({});
  it("content-packs/ ships at least one pack", () => {
    expect(folders.length).toBeGreaterThan(0);
  });
  for (const folder of folders) {
    it(`${path.basename(folder)} is proven`, { timeout: 900_000 }, async () => {
      const proof = await provePack(folder);
      expect(proof.failures).toEqual([]);
      expect(proof.exercises).toBeGreaterThan(0);
      expect(proof.stepsProven).toBe(proof.steps);
    });
  }
});

it("a pack that cannot be proven is reported by file, line, step and check", { timeout: 600_000 }, async () => {
  const proof = await provePack(UNPROVEN);
  expect(proof.exercises).toBe(1);
  expect(proof.stepsProven).toBe(0);
  const file = "tests/fixtures/prove-packs/unproven-pack/01-not-proven/exercise.md";
  expect(proof.failures).toEqual([
    expect.objectContaining({ where: `${file}:4`, exercise: "01-not-proven", step: "done-already", message: expect.stringContaining("passes on a fresh machine") }),
    expect.objectContaining({
      where: `${file}:13`,
      exercise: "01-not-proven",
      step: "wrong-solution",
      check: "marker-made",
      message: expect.stringContaining("still fails after the reference solution"),
    }),
  ]);
});
