// The front matter of a challenge, as zod schemas (see challenge-loader.ts and src/content/README.md):
//   challenge.md - language-neutral: topic, checks, the order of the hints, reference solution, mistakes.
//   <locale>.md  - one language's texts: title, summary, a label and a hint per check, each hint's text.
// A challenge states a goal and gives no commands; it is checked like a step.
import { z } from "zod";
import { mistakesSchema } from "./mistakes.ts";
import { checkSchema } from "./schema.ts";
import { ID_PATTERN } from "./sections.ts";

/** What a challenge is about; the overview groups challenges by topic. */
export const CHALLENGE_TOPICS = ["namespaces", "networking", "cgroups", "images", "runtime"] as const;
export type ChallengeTopic = (typeof CHALLENGE_TOPICS)[number];

/** How many hints a challenge offers: enough to get unstuck, too few to be a recipe. */
export const MIN_HINTS = 2;
export const MAX_HINTS = 4;
/** Every challenge is proven against at least this many plausible wrong attempts. */
export const MIN_MISTAKES = 2;

const id = z.string().regex(ID_PATTERN, "must be lowercase words joined by hyphens, starting with a letter (e.g. use-a-bridge)");
const text = z.string().trim().min(1, "must not be empty");

export const challengeFrontMatterSchema = z.strictObject({
  /** Rough time a learner needs, shown in the overview. */
  minutes: z.number().int().positive().optional(),
  topic: z.enum(CHALLENGE_TOPICS),
  /** Read-only checks, by id; the challenge is solved when all pass. */
  checks: z.record(id, checkSchema).refine((checks) => Object.keys(checks).length > 0, {
    message: "a challenge needs at least one check",
  }),
  /** The hints' ids in the order they unlock; each locale file gives their text. */
  hints: z
    .array(id)
    .min(MIN_HINTS, `a challenge offers ${MIN_HINTS} to ${MAX_HINTS} hints`)
    .max(MAX_HINTS, `a challenge offers ${MIN_HINTS} to ${MAX_HINTS} hints`),
  /** What a learner could type to reach the goal; the tests type it, the learner sees it when allowed. */
  solution: text,
  /** Plausible wrong attempts; the guest tests prove that each fails the checks. */
  mistakes: mistakesSchema.min(MIN_MISTAKES, `a challenge lists at least ${MIN_MISTAKES} mistakes`),
});
export type ChallengeFrontMatter = z.infer<typeof challengeFrontMatterSchema>;

export const challengeLocaleSchema = z.strictObject({
  title: text,
  /** One sentence for the overview. */
  summary: text,
  /** A label and a hint per check id (the hint is shown while the check fails: what is missing, not how). */
  checks: z.record(id, z.strictObject({ label: text, hint: text })),
  /** The text of each hint, by the id challenge.md lists. */
  hints: z.record(id, text),
});
export type ChallengeLocaleFrontMatter = z.infer<typeof challengeLocaleSchema>;
