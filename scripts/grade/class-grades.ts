// The class table of a grading run: students x steps, each proven / self-reported / missing, as text for
// the terminal and as CSV. Which steps: the whole course and packs, one pack, or one exercise.
import { toCsv } from "../../src/classroom/csv.ts";
import { answerKey } from "../../src/course/progress.ts";
import type { Exercise, Lesson } from "../../src/exercises/model.ts";
import { localize } from "../../src/exercises/model.ts";
import type { PackIndexEntry } from "../../src/exercises/pack-sections.ts";
import type { GradedHandIn } from "./grade-hand-in.ts";

export interface Scope {
  readonly pack?: string;
  readonly exercise?: string;
}

/** The lessons a grading run covers; throws when the scope names nothing. */
export function lessonsInScope(exercises: readonly Exercise[], packs: readonly PackIndexEntry[], scope: Scope): Lesson[] {
  let chosen = exercises;
  if (scope.pack !== undefined) {
    const pack = packs.find((p) => p.name === scope.pack);
    if (!pack) throw new Error(`no content pack "${scope.pack}" (packs: ${packs.map((p) => p.name).join(", ") || "none"})`);
    chosen = chosen.filter((e) => pack.ids.includes(e.id));
  }
  if (scope.exercise !== undefined) {
    chosen = chosen.filter((e) => e.id === scope.exercise || e.folder === scope.exercise);
    if (chosen.length === 0) throw new Error(`no exercise "${scope.exercise}"`);
  }
  return chosen.map((e) => localize(e, "en"));
}

export function stepKeys(lessons: readonly Lesson[]): string[] {
  return lessons.flatMap((l) => l.steps.map((s) => answerKey(l.id, s.id)));
}

export function gradesCsv(graded: readonly GradedHandIn[], lessons: readonly Lesson[]): string {
  const keys = stepKeys(lessons);
  return toCsv([
    ["learner", "file", "proven", "self_reported", "missing", ...keys, "note"],
    ...graded.map((g) => {
      const grades = keys.map((k) => g.steps.get(k) ?? "missing");
      return [
        g.learner,
        g.file,
        grades.filter((x) => x === "proven").length,
        grades.filter((x) => x === "self-reported").length,
        grades.filter((x) => x === "missing").length,
        ...grades,
        g.note ?? "",
      ];
    }),
  ]);
}

const MARK = { proven: "P", "self-reported": "s", missing: "." } as const;

/** One line per learner: counts, then a mark per step (P proven, s self-reported, . missing). */
export function gradesTable(graded: readonly GradedHandIn[], lessons: readonly Lesson[]): string {
  const keys = stepKeys(lessons);
  const width = Math.max(7, ...graded.map((g) => g.learner.length));
  const lines = [`${"learner".padEnd(width)}  proven  self-reported  missing  steps (P proven, s self-reported, . missing)`];
  for (const g of graded) {
    const grades = keys.map((k) => g.steps.get(k) ?? "missing");
    const count = (grade: string) => grades.filter((x) => x === grade).length;
    lines.push(
      `${g.learner.padEnd(width)}  ${String(count("proven")).padStart(6)}  ${String(count("self-reported")).padStart(13)}  ${String(count("missing")).padStart(7)}  ${grades.map((x) => MARK[x]).join("")}${g.note ? `  (${g.note})` : ""}`,
    );
  }
  return lines.join("\n");
}
