// Checks every exercise in a content folder and lists each problem with its file and line.
// Usage: tsx src/exercises/validate-cli.ts [folder]   (default src/content). Exit code 1 on problems.
import path from "node:path";
import { formatProblem } from "./loader.ts";
import { CONTENT_DIR, loadExercisesFromDir } from "./node-loader.ts";

const dir = process.argv[2] ? path.resolve(process.argv[2]) : CONTENT_DIR;
let result;
try {
  result = loadExercisesFromDir(dir);
} catch (error) {
  process.stderr.write(`cannot read ${dir}: ${(error as Error).message}\n`);
  process.exit(2);
}
for (const problem of result.problems) process.stderr.write(`${formatProblem(problem)}\n`);
if (result.problems.length > 0) {
  process.stderr.write(`\n${result.problems.length} problem(s) in ${path.relative(process.cwd(), dir) || "."}\n`);
  process.exit(1);
}
const steps = result.exercises.reduce((n, e) => n + e.steps.length, 0);
const checks = result.exercises.reduce((n, e) => n + e.steps.reduce((m, s) => m + s.checks.length, 0), 0);
process.stdout.write(`${result.exercises.length} exercises, ${steps} steps, ${checks} checks: all valid\n`);
