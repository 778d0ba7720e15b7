// The real course content in src/content/ is valid, and the validate CLI says so (or lists every
// problem with its file and line and exits non-zero).
import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem, loadExercises, type ContentFile } from "../../src/exercises/loader.ts";
import { LOCALES } from "../../src/exercises/locales.ts";
import { CONTENT_DIR, loadExercisesFromDir } from "../../src/exercises/node-loader.ts";

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, "../../src/exercises/validate-cli.ts");

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", CLI, ...args], {
      cwd: path.resolve(import.meta.dirname, "../.."),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the course content", () => {
  const { exercises, problems } = loadExercisesFromDir();

  it("has no problems", () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it("starts with the four foundation exercises, in order", () => {
    expect(exercises.map((e) => e.folder).slice(0, 4)).toEqual([
      "01-inside-a-vm",
      "02-container-is-a-process",
      "03-chroot",
      "04-pid-namespace",
    ]);
  });

  it("lets the learner verify every step in the guest, in every locale", () => {
    for (const exercise of exercises) {
      for (const step of exercise.steps) {
        expect(step.checks.length > 0 || step.question !== undefined, `${exercise.folder} ${step.id}`).toBe(true);
      }
      for (const locale of LOCALES) {
        expect(exercise.text[locale].steps.map((s) => s.id)).toEqual(exercise.steps.map((s) => s.id));
      }
    }
  });
});

describe("the authoring guide", () => {
  it("has a complete example that validates", () => {
    const readme = readFileSync(path.join(CONTENT_DIR, "README.md"), "utf8");
    const example = readme.slice(readme.indexOf("## A complete example"));
    const files: ContentFile[] = [];
    for (const match of example.matchAll(/^`src\/content\/([^`]+)`:\n\n```markdown\n([\s\S]*?)\n```$/gm)) {
      files.push({ path: match[1]!, text: `${match[2]!}\n` });
    }
    expect(files.map((f) => f.path)).toEqual(["99-hostname/exercise.md", "99-hostname/en.md", "99-hostname/ko.md"]);
    const result = loadExercises(files);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.exercises[0]!.steps[0]!.checks[0]!.id).toBe("renamed");
  });
});

describe("validate-cli", () => {
  const broken = mkdtempSync(path.join(tmpdir(), "exercises-"));
  afterAll(() => rmSync(broken, { recursive: true, force: true }));

  it("passes on the real content", { timeout: 30_000 }, async () => {
    const result = await cli();
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+ exercises, \d+ steps, \d+ checks; \d+ challenges, \d+ checks: all valid\n$/);
  });

  it("lists every problem with its file and line and exits non-zero", { timeout: 30_000 }, async () => {
    const source = path.join(CONTENT_DIR, "02-container-is-a-process");
    mkdirSync(path.join(broken, "02-container-is-a-process"));
    const shared = readFileSync(path.join(source, "exercise.md"), "utf8").replace("kind: process", "kind: proc");
    writeFileSync(path.join(broken, "02-container-is-a-process", "exercise.md"), shared);
    writeFileSync(path.join(broken, "02-container-is-a-process", "en.md"), readFileSync(path.join(source, "en.md"), "utf8"));
    writeFileSync(path.join(broken, "02-container-is-a-process", "de.md"), readFileSync(path.join(source, "en.md"), "utf8"));
    const kindLine = shared.split("\n").findIndex((line) => line.includes("kind: proc")) + 1;

    const result = await cli(broken);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    const file = (name: string): string => `${path.relative(path.resolve(import.meta.dirname, "../.."), broken)}/02-container-is-a-process/${name}`;
    expect(lines).toContain(
      `${file("exercise.md")}:${kindLine}: steps[0].checks.in-new-pid-namespace.kind: unknown check kind "proc" (expected one of: shell, file, process)`,
    );
    expect(lines).toContain(`${file("de.md")}:1: unsupported locale "de": the files of an exercise are exercise.md, en.md, ko.md`);
    expect(lines).toContain(`${file("ko.md")}: missing locale: every exercise is written in en and ko`);
    expect(lines.at(-1)).toMatch(/^3 problem\(s\) in /);
  });
});
