// Plausible wrong attempts at a step (or a challenge): what a learner might type instead of the
// solution, and why it is wrong. The guest tier types each one and proves that the checks still fail,
// so a check that a shortcut satisfies cannot slip into the course. Shared by every loader that reads
// a `mistakes:` list (exercise steps here, challenges elsewhere).
import { z } from "zod";
import { typingHazards } from "./checks.ts";
import { ID_PATTERN } from "./sections.ts";

const text = z.string().trim().min(1, "must not be empty");

/**
 * One mistake as written in YAML:
 *   - why: ran `hostname box1` on the host instead of inside the container
 *     script: |
 *       hostname box1
 *     hint: host-renamed   # optional: the targeted hint (a check's hintcheck id) it must bring up
 */
export const mistakeSchema = z.strictObject({
  /** What the attempt gets wrong, for authors and for the message when a check lets it pass. */
  why: text,
  /** Typed into the learner's console after the previous steps' solutions, like a solution. */
  script: text,
  /** Optional: the id of a check's hintcheck that must recognise this mistake. */
  hint: z.string().regex(ID_PATTERN, "must be the id of one of the step's hintchecks").optional(),
});

export const mistakesSchema = z.array(mistakeSchema).min(1, "list at least one mistake, or leave the field out");

export type MistakeSpec = z.infer<typeof mistakeSchema>;

/** A mistake ready for the tests: texts trimmed. */
export interface Mistake {
  readonly why: string;
  readonly script: string;
  readonly hint?: string;
}

export interface MistakeProblem {
  /** Where in the list: [index, field]. */
  readonly path: readonly [number, "script" | "hint"];
  readonly message: string;
}

/**
 * Checks a parsed mistakes list beyond its shape: each script must be typeable into bash (like a
 * solution), and a named hint must be one the step offers (`hintIds`; pass undefined to skip).
 */
export function mistakeProblems(mistakes: readonly MistakeSpec[], hintIds?: ReadonlySet<string>): MistakeProblem[] {
  const problems: MistakeProblem[] = [];
  mistakes.forEach((mistake, index) => {
    for (const hazard of typingHazards(mistake.script)) problems.push({ path: [index, "script"], message: `the mistake ${hazard}` });
    if (mistake.hint !== undefined && hintIds && !hintIds.has(mistake.hint)) {
      const known = [...hintIds].join(", ") || "none";
      problems.push({ path: [index, "hint"], message: `no check of this step has a hintcheck "${mistake.hint}" (its hintchecks: ${known})` });
    }
  });
  return problems;
}

export function toMistakes(mistakes: readonly MistakeSpec[] | undefined): Mistake[] {
  return (mistakes ?? []).map((m) => ({
    why: m.why.trim(),
    script: m.script.trim(),
    ...(m.hint !== undefined ? { hint: m.hint } : {}),
  }));
}
