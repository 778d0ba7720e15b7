// Checks the course and instructors' content packs and lists each problem with its file and line.
// Usage: tsx src/exercises/validate-cli.ts [folder...]
//   no folder: the course (src/content, src/challenges) and every content pack (content-packs/*, LAB_CONTENT_PACKS);
//   folders:   those packs, checked together with the course (an exercise id must be unique across both).
// Exit code 1 on problems, 2 when a folder cannot be read.
import path from "node:path";
import { loadCourseWithPacks, type ContentPack } from "./course-packs.ts";
import { formatProblem } from "./loader.ts";
import { CONTENT_DIR } from "./node-loader.ts";
import { packFolders, readCourse, readPack } from "./pack-folders.ts";

const args = process.argv.slice(2).map((arg) => path.resolve(arg));
const folders = args.length > 0 ? args.filter((dir) => dir !== CONTENT_DIR) : packFolders();
let course: ContentPack;
let packs: ContentPack[];
try {
  course = readCourse();
  packs = folders.map(readPack);
} catch (error) {
  process.stderr.write(`cannot read content: ${(error as Error).message}\n`);
  process.exit(2);
}
const result = loadCourseWithPacks(course, packs);
for (const problem of result.problems) process.stderr.write(`${formatProblem(problem)}\n`);
if (result.problems.length > 0) {
  const checked = ["the course (src/content)", ...packs.map((p) => p.displayRoot.replace(/\/$/, ""))].join(", ");
  process.stderr.write(`\n${result.problems.length} problem(s) in ${checked}\n`);
  process.exit(1);
}
const steps = result.exercises.reduce((n, e) => n + e.steps.length, 0);
const checks = result.exercises.reduce((n, e) => n + e.steps.reduce((m, s) => m + s.checks.length, 0), 0);
const challengeChecks = result.challenges.reduce((n, c) => n + c.checks.length, 0);
process.stdout.write(
  `${result.exercises.length} exercises, ${steps} steps, ${checks} checks; ${result.challenges.length} challenges, ${challengeChecks} checks: all valid\n`,
);
