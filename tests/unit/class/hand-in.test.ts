// Hand-ins as the grader reads them: the exported progress names its learner (the name and id they
// joined the class with), an edited JSON is still only progress, and a file that is neither is refused.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readHandIn } from "../../../scripts/grade/hand-in.ts";
import { EMPTY_PROGRESS, type Progress } from "../../../src/course/progress.ts";
import { encodeProgressFile, parseProgressFile } from "../../../src/saved/progress-file.ts";

const dir = mkdtempSync(path.join(tmpdir(), "lab-hand-in-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const progress: Progress = { ...EMPTY_PROGRESS, done: { chroot: ["escape"] }, doneAt: { "chroot/escape": "2020-01-01T00:00:00.000Z" } };

describe("hand-ins", () => {
  it("an exported progress carries the learner's name and id, and still imports", async () => {
    const text = encodeProgressFile(progress, new Date("2026-12-01T10:00:00Z"), { name: "Ada", id: "s-0123456789abcdef" });
    expect(JSON.parse(text)).toMatchObject({ learner: { name: "Ada", id: "s-0123456789abcdef" } });
    expect(parseProgressFile(text).done).toEqual({ chroot: ["escape"] });
    const file = path.join(dir, "export.json");
    writeFileSync(file, text);
    const handIn = await readHandIn(file);
    expect(handIn.learner).toBe("Ada (s-0123456789abcdef)");
    expect(handIn.machine).toBeUndefined();
  });

  it("names a learner without a name by the file", async () => {
    const file = path.join(dir, "bob.json");
    writeFileSync(file, encodeProgressFile(progress, new Date()));
    expect((await readHandIn(file)).learner).toBe("bob");
  });

  it("refuses a file that is neither a machine nor a progress", async () => {
    const file = path.join(dir, "notes.json");
    writeFileSync(file, '{"hello": 1}');
    await expect(readHandIn(file)).rejects.toThrow(/not an Isolation Lab progress file/);
  });
});
