// Plausible wrong attempts ("mistakes"), part of the content format: each is a script a learner might
// type and a sentence saying what it gets wrong. The guest tier types every mistake on a fresh machine
// and proves that the checks still fail, so a check that a wrong attempt passes fails the build.
//
//   mistakes:
//     - why: what this attempt gets wrong
//       script: |
//         commands typed at the console
import { z } from "zod";
import { typingHazards } from "./checks.ts";

export interface Mistake {
  /** What the attempt gets wrong, for authors and test reports (English). */
  readonly why: string;
  /** Typed into the learner's console by the guest tests, like a solution. */
  readonly script: string;
}

export const mistakeSchema = z.strictObject({
  why: z.string().trim().min(1, "must say what the attempt gets wrong"),
  script: z.string().trim().min(1, "must not be empty"),
});

export const mistakesSchema = z.array(mistakeSchema);

/** The mistakes as the model holds them (trimmed). */
export function toMistakes(specs: readonly z.infer<typeof mistakeSchema>[]): Mistake[] {
  return specs.map((spec) => ({ why: spec.why.trim(), script: spec.script.trim() }));
}

/** Why each mistake's script could not be typed into the console, by index ("mistakes[1].script"). */
export function mistakeHazards(mistakes: readonly Mistake[]): { index: number; message: string }[] {
  return mistakes.flatMap((mistake, index) =>
    typingHazards(mistake.script).map((hazard) => ({ index, message: `the mistake's script ${hazard}` })),
  );
}
