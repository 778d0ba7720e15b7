// The loaded form of a challenge (challenge-loader.ts builds it): a goal without commands, checked in the
// guest like a step, with hints that unlock one at a time and a reference solution. No DOM here.
import type { ChallengeTopic } from "./challenge-schema.ts";
import type { Locale } from "./locales.ts";
import type { MarkdownTree } from "./markdown-model.ts";
import type { Mistake } from "./mistakes.ts";
import type { ExerciseCheck, LessonCheck, LocalizedCheckText } from "./model.ts";

export interface LocalizedChallengeText {
  readonly locale: Locale;
  readonly title: string;
  readonly summary: string;
  /** What the learner must reach. */
  readonly goal: MarkdownTree;
  readonly checks: Readonly<Record<string, LocalizedCheckText>>;
  readonly hints: Readonly<Record<string, string>>;
  /** The heading and prose of the `{#solution}` section: why the reference solution works. */
  readonly solutionTitle: string;
  readonly explanation: MarkdownTree;
}

export interface Challenge {
  /** The folder name without its number: `03-bridge-two-namespaces` -> `bridge-two-namespaces`. */
  readonly id: string;
  readonly order: number;
  readonly folder: string;
  readonly topic: ChallengeTopic;
  readonly minutes?: number;
  readonly checks: readonly ExerciseCheck[];
  /** Hint ids, in the order they unlock. */
  readonly hints: readonly string[];
  readonly solution: string;
  readonly mistakes: readonly Mistake[];
  readonly text: Readonly<Record<Locale, LocalizedChallengeText>>;
}

/** One challenge in one language: what the UI shows. */
export interface ChallengeLesson {
  readonly id: string;
  readonly order: number;
  readonly topic: ChallengeTopic;
  readonly locale: Locale;
  readonly title: string;
  readonly summary: string;
  readonly minutes?: number;
  readonly goal: MarkdownTree;
  readonly checks: readonly LessonCheck[];
  /** Hint texts, in the order they unlock. */
  readonly hints: readonly string[];
  readonly solution: string;
  readonly solutionTitle: string;
  readonly explanation: MarkdownTree;
}

export function localizeChallenge(challenge: Challenge, locale: Locale): ChallengeLesson {
  // The loader guarantees every locale has a text for each check and hint.
  const text = challenge.text[locale];
  return {
    id: challenge.id,
    order: challenge.order,
    topic: challenge.topic,
    locale,
    title: text.title,
    summary: text.summary,
    ...(challenge.minutes !== undefined ? { minutes: challenge.minutes } : {}),
    goal: text.goal,
    checks: challenge.checks.map((check) => ({ ...check, ...text.checks[check.id]!, hintchecks: [] })),
    hints: challenge.hints.map((id) => text.hints[id]!),
    solution: challenge.solution,
    solutionTitle: text.solutionTitle,
    explanation: text.explanation,
  };
}
