// Instructors' content packs: found where they are put, built into the page after the course, and a
// malformed pack reported with file and line (by the loader, the build and the validate command).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COURSE_MODULE, courseContent } from "../../scripts/build/course-plugin.ts";
import { loadCourseWithPacks } from "../../src/exercises/course-packs.ts";
import { formatProblem } from "../../src/exercises/loader.ts";
import type { Exercise } from "../../src/exercises/model.ts";
import { PACKS_ENV, packFolders, readCourse, readPack } from "../../src/exercises/pack-folders.ts";

const FIXTURES = path.resolve(import.meta.dirname, "..", "fixtures", "content-packs");
const EXAMPLE = path.join(FIXTURES, "example-pack");
const BROKEN = path.join(FIXTURES, "broken-pack");
const REPO = path.resolve(import.meta.dirname, "..", "..");
const temp: string[] = [];

afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** Runs the course plugin's hooks as Vite does; returns the module it generates. */
function runPlugin(folders: string[], command: "build" | "serve"): { code: string; watched: string[] } {
  const plugin = courseContent(() => folders);
  const watched: string[] = [];
  const context = {
    addWatchFile: (file: string) => watched.push(file),
    error: (message: string) => {
      throw new Error(message);
    },
  };
  (plugin.configResolved as (config: { command: string }) => void)({ command });
  const id = (plugin.resolveId as (source: string) => string | null)(COURSE_MODULE);
  const code = (plugin.load as unknown as (this: typeof context, id: string) => string | null).call(context, id!);
  return { code: code!, watched };
}

async function importModule(code: string): Promise<{ EXERCISES: Exercise[] }> {
  return (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { EXERCISES: Exercise[] };
}

describe("content packs", () => {
  it("lists the pack's exercises after the course's", () => {
    const course = readCourse();
    const result = loadCourseWithPacks(course, [readPack(EXAMPLE)]);
    expect(result.problems).toEqual([]);
    const alone = loadCourseWithPacks(course, []);
    expect(result.exercises.slice(0, -1).map((e) => e.id)).toEqual(alone.exercises.map((e) => e.id));
    expect(result.exercises.at(-1)).toMatchObject({ id: "hostname-box", folder: "01-hostname-box" });
    // Two loads of the whole course (every prose block parsed as markdown): room for a busy machine.
  }, 20_000);

  it("finds packs in content-packs/ and in LAB_CONTENT_PACKS", () => {
    const packsDir = mkdtempSync(path.join(tmpdir(), "lab-packs-"));
    temp.push(packsDir);
    mkdirSync(path.join(packsDir, "school-a"));
    mkdirSync(path.join(packsDir, ".hidden"));
    const env = { [PACKS_ENV]: [EXAMPLE, "", BROKEN].join(path.delimiter) };
    expect(packFolders(env, packsDir)).toEqual([path.join(packsDir, "school-a"), EXAMPLE, BROKEN]);
    expect(packFolders({}, path.join(packsDir, "missing"))).toEqual([]);
  });

  it("reports every problem of a malformed pack with its file and line", () => {
    const result = loadCourseWithPacks(readCourse(), [readPack(BROKEN)]);
    expect(result.problems.map(formatProblem)).toEqual([
      'tests/fixtures/content-packs/broken-pack/01-broken/exercise.md:11: steps[0].checks.renamed.kind: unknown check kind "proc" (expected one of: shell, file, process)',
      "tests/fixtures/content-packs/broken-pack/01-broken/ko.md:16: a `##` heading starts a step and needs its id: `## Title {#step-id}` (use `###` inside a step)",
    ]);
  });

  it("refuses an exercise whose id the course already uses (progress is saved by id)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lab-pack-"));
    temp.push(dir);
    cpSync(path.join(EXAMPLE, "01-hostname-box"), path.join(dir, "07-chroot"), { recursive: true });
    const pack = readPack(dir);
    const result = loadCourseWithPacks(readCourse(), [pack]);
    expect(result.exercises.filter((e) => e.id === "chroot")).toHaveLength(1);
    expect(result.problems).toEqual([
      {
        file: `${pack.displayRoot}07-chroot/exercise.md`,
        message: 'exercise id "chroot" is already used by src/content/03-chroot/exercise.md: rename the folder\'s slug (the part after the number)',
      },
    ]);
  });

  // Compiles every exercise of the course (YAML, schemas, Markdown): ~1.5 s alone, 6.5 s measured while
  // guest VMs kept both cores busy, past the unit tier's 5 s default.
  it("compiles the course and a pack into the page's module as validated JSON, watched by the dev server", { timeout: 30_000 }, async () => {
    const { code, watched } = runPlugin([EXAMPLE], "build");
    // The page gets the exercises themselves: nothing left to parse or validate there.
    expect(code).not.toMatch(/\bimport\b/);
    const { EXERCISES } = await importModule(code);
    expect(EXERCISES).toEqual(loadCourseWithPacks(readCourse(), [readPack(EXAMPLE)]).exercises);
    expect(EXERCISES.at(-1)?.id).toBe("hostname-box");
    expect(watched).toContain(path.join(EXAMPLE, "01-hostname-box", "exercise.md"));
    expect(watched).toContain(path.join(REPO, "src", "content", "03-chroot", "exercise.md"));
    // The course's challenges live in src/challenges, not in a challenges/ folder of src/content.
    expect(watched).toContain(path.join(REPO, "src", "challenges", "01-own-proc", "challenge.md"));
  });

  it("stops a production build on a malformed pack, naming file and line", () => {
    expect(() => runPlugin([BROKEN], "build")).toThrow(/broken-pack\/01-broken\/exercise\.md:11: steps\[0\]\.checks\.renamed\.kind/);
  });

  it("serves the dev server a module that throws the same report, so the page shows it", async () => {
    const { code } = runPlugin([BROKEN], "serve");
    await expect(importModule(code)).rejects.toThrow(/broken-pack\/01-broken\/ko\.md:16:/);
  });

  it("npm run validate:content -- <pack> reports the problems and fails", () => {
    const run = (pack: string) => {
      try {
        return { status: 0, out: execFileSync(path.join(REPO, "node_modules", ".bin", "tsx"), ["src/exercises/validate-cli.ts", pack], { cwd: REPO, encoding: "utf8", stdio: "pipe" }) };
      } catch (error) {
        const e = error as { status: number; stderr: string };
        return { status: e.status, out: e.stderr };
      }
    };
    const broken = run(BROKEN);
    expect(broken.status).toBe(1);
    expect(broken.out).toContain("tests/fixtures/content-packs/broken-pack/01-broken/exercise.md:11:");
    expect(broken.out).toContain("tests/fixtures/content-packs/broken-pack/01-broken/ko.md:16:");
    const fine = run(EXAMPLE);
    expect(fine.status).toBe(0);
    expect(fine.out).toMatch(/all valid/);
  }, 30_000);
});
