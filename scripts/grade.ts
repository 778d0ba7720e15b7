// `npm run grade -- [--pack <name> | --exercise <id>] [--csv class.csv] files...`: grades hand-ins by
// machine (scripts/grade/). Each student's `.islab` is resumed in a real guest (Node) and every step's
// checks run again in it: proven / self-reported / missing per step, a class table on the terminal and,
// with --csv, as a spreadsheet. A `.json` progress can only be self-reported. Exit code 2 for a file or
// scope that cannot be read; a hand-in that cannot be graded is listed with the reason.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadCourseWithPacks, packExerciseIds } from "../src/exercises/course-packs.ts";
import { formatProblem } from "../src/exercises/loader.ts";
import { packFolders, readCourse, readPack } from "../src/exercises/pack-folders.ts";
import { gradesCsv, gradesTable, lessonsInScope } from "./grade/class-grades.ts";
import { gradeHandIn, type GradedHandIn } from "./grade/grade-hand-in.ts";
import { readHandIn } from "./grade/hand-in.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { pack: { type: "string" }, exercise: { type: "string" }, csv: { type: "string" } },
});
if (positionals.length === 0) {
  process.stderr.write("usage: npm run grade -- [--pack <name> | --exercise <id>] [--csv class.csv] student.islab ...\n");
  process.exit(2);
}

const packs = packFolders().map(readPack);
const loaded = loadCourseWithPacks(readCourse(), packs);
if (loaded.problems.length > 0) {
  process.stderr.write(`${loaded.problems.map(formatProblem).join("\n")}\n`);
  process.exit(2);
}
let lessons;
try {
  lessons = lessonsInScope(loaded.exercises, packs.map((p) => ({ name: p.name, ids: packExerciseIds(p) })), {
    ...(values.pack !== undefined ? { pack: values.pack } : {}),
    ...(values.exercise !== undefined ? { exercise: values.exercise } : {}),
  });
} catch (error) {
  process.stderr.write(`grade: ${(error as Error).message}\n`);
  process.exit(2);
}

const graded: GradedHandIn[] = [];
for (const file of positionals) {
  process.stderr.write(`grading ${file}...\n`);
  try {
    graded.push(await gradeHandIn(await readHandIn(path.resolve(file)), lessons));
  } catch (error) {
    graded.push({ learner: path.basename(file), file, steps: new Map(), note: `cannot be read: ${(error as Error).message}` });
  }
}
process.stdout.write(`${gradesTable(graded, lessons)}\n`);
if (values.csv) {
  writeFileSync(values.csv, gradesCsv(graded, lessons));
  process.stdout.write(`class table written to ${values.csv}\n`);
}
