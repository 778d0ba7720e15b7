// The loaded, validated form of an exercise: what the UI renders and the check runner executes. The
// loader (loader.ts) builds it from the markdown files in src/content/; nothing here touches the DOM.
import type { Locale } from "./locales.ts";
import type { MarkdownTree } from "./markdown-model.ts";
import type { Mistake } from "./mistakes.ts";

/** A piece of a step's prose: markdown (compiled to a tree) to render, or a command the learner can click to paste. */
export type ContentBlock =
  | { readonly kind: "markdown"; readonly content: MarkdownTree }
  | { readonly kind: "command"; readonly id: string; readonly command: string };

/** What a check's result must show. Patterns are JavaScript regular expressions (multiline flag). */
export interface CheckExpectation {
  readonly exitCode?: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

export type CheckKind = "shell" | "file" | "process";

/** A read-only probe that recognises one specific mistake (exit code 0) when its check fails. */
export interface HintCheck {
  readonly id: string;
  readonly script: string;
}

/** A language-neutral check: a read-only script the guest agent runs, and what its result must show. */
export interface ExerciseCheck {
  readonly id: string;
  readonly kind: CheckKind;
  /** The script sent to the agent (the check prelude is prepended by the runner). */
  readonly script: string;
  readonly expect: CheckExpectation;
  readonly timeoutMs: number;
  /** Tried in order when the check fails; the first that recognises the mistake names the hint. */
  readonly hintchecks: readonly HintCheck[];
}

/** A wrong answer a learner might give; the guest tier proves it is refused. */
export interface AnswerMistake {
  readonly why: string;
  readonly answer: string;
}

/** A question whose expected answer the guest computes: `answer` prints every accepted answer, one per line. */
export interface ExerciseQuestion {
  readonly answer: string;
  readonly compare: "text" | "number";
  /** For `compare: number`: how far the learner's number may be from an accepted one. */
  readonly tolerance: number;
  readonly timeoutMs: number;
  readonly mistakes: readonly AnswerMistake[];
}

export interface ExerciseCommand {
  readonly id: string;
  readonly command: string;
}

/** The language-neutral part of a step (from exercise.md). */
export interface ExerciseStep {
  readonly id: string;
  readonly commands: readonly ExerciseCommand[];
  readonly checks: readonly ExerciseCheck[];
  /** Typed into the learner's console by the tests (and shown on request): reaches the step's goal. */
  readonly solution: string;
  /** Plausible wrong attempts: the guest tier proves the checks still fail after each. */
  readonly mistakes: readonly Mistake[];
  readonly question?: ExerciseQuestion;
}

export interface LocalizedCheckText {
  readonly label: string;
  readonly hint: string;
  /** Per hintcheck id: the targeted hint shown when that mistake is recognised. */
  readonly hints?: Readonly<Record<string, string>>;
}

export interface LocalizedStepText {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly ContentBlock[];
  readonly checks: Readonly<Record<string, LocalizedCheckText>>;
  readonly question?: { readonly prompt: string; readonly hint: string; readonly wrong?: string };
}

/** Everything one locale file (en.md, ko.md) contributes. */
export interface LocalizedExerciseText {
  readonly locale: Locale;
  readonly title: string;
  readonly summary: string;
  readonly intro: readonly ContentBlock[];
  readonly steps: readonly LocalizedStepText[];
  readonly recap?: { readonly title: string; readonly blocks: readonly ContentBlock[] };
}

export interface Exercise {
  /** The folder name without its number: `02-container-is-a-process` -> `container-is-a-process`. */
  readonly id: string;
  /** The folder's number; exercises are listed in this order. */
  readonly order: number;
  readonly folder: string;
  readonly minutes?: number;
  readonly steps: readonly ExerciseStep[];
  readonly text: Readonly<Record<Locale, LocalizedExerciseText>>;
}

export interface LessonHintCheck extends HintCheck {
  readonly hint: string;
}

/** A check ready to run, with the texts a learner sees for it. */
export interface LessonCheck extends ExerciseCheck {
  readonly label: string;
  readonly hint: string;
  readonly hintchecks: readonly LessonHintCheck[];
}

export interface LessonStep {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly ContentBlock[];
  readonly commands: readonly ExerciseCommand[];
  readonly checks: readonly LessonCheck[];
  readonly solution: string;
  readonly mistakes: readonly Mistake[];
  readonly question?: ExerciseQuestion & { readonly prompt: string; readonly hint: string; readonly wrong?: string };
}

/** One exercise in one language, with the language-neutral parts merged in: what the UI shows. */
export interface Lesson {
  readonly id: string;
  readonly order: number;
  readonly locale: Locale;
  readonly title: string;
  readonly summary: string;
  readonly minutes?: number;
  readonly intro: readonly ContentBlock[];
  readonly steps: readonly LessonStep[];
  readonly recap?: { readonly title: string; readonly blocks: readonly ContentBlock[] };
}

/** Merges an exercise's language-neutral part with one locale's text. */
export function localize(exercise: Exercise, locale: Locale): Lesson {
  const text = exercise.text[locale];
  const steps = exercise.steps.map((step, index): LessonStep => {
    // The loader guarantees every locale has the same steps in the same order, and a text per check.
    const stepText = text.steps[index]!;
    return {
      id: step.id,
      title: stepText.title,
      blocks: stepText.blocks,
      commands: step.commands,
      solution: step.solution,
      mistakes: step.mistakes,
      checks: step.checks.map((check): LessonCheck => {
        const { label, hint, hints } = stepText.checks[check.id]!;
        return {
          ...check,
          label,
          hint,
          // The loader guarantees a text for every hintcheck.
          hintchecks: check.hintchecks.map((probe) => ({ ...probe, hint: hints?.[probe.id] ?? hint })),
        };
      }),
      ...(step.question && stepText.question ? { question: { ...step.question, ...stepText.question } } : {}),
    };
  });
  return {
    id: exercise.id,
    order: exercise.order,
    locale,
    title: text.title,
    summary: text.summary,
    ...(exercise.minutes !== undefined ? { minutes: exercise.minutes } : {}),
    intro: text.intro,
    steps,
    ...(text.recap ? { recap: text.recap } : {}),
  };
}
