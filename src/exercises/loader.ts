// Loads exercises from their markdown files and validates them. Pure: it gets the files' text, so the
// build (scripts/build/course-plugin.ts, which compiles the course into the page as JSON) and Node
// (node-loader.ts, files read from disk) share it. Every problem names the file, the line and, where there is one, the front matter field.
import { compileCheck, stateChangingParts, typingHazards } from "./checks.ts";
import { inlineEmphasisProblems } from "./emphasis.ts";
import { mistakeProblems, toMistakes } from "./mistakes.ts";
import { ContentFolderLoader, fieldName, loadFolders, type ContentKind } from "./content-folders.ts";
import type { FrontMatterFile } from "./front-matter.ts";
import type { Locale } from "./locales.ts";
import type {
  ContentBlock,
  Exercise,
  ExerciseStep,
  LocalizedExerciseText,
  LocalizedStepText,
} from "./model.ts";
import {
  DEFAULT_CHECK_TIMEOUT_MS,
  localeFrontMatterSchema,
  sharedFrontMatterSchema,
  type LocaleFrontMatter,
  type SharedFrontMatter,
} from "./schema.ts";
import { parseBody, RECAP_ID, type RawBlock, type RawSection } from "./sections.ts";

/** The language-neutral file of every exercise folder. */
export const SHARED_FILE = "exercise.md";

export interface ContentFile {
  /** Path relative to the content folder: `<folder>/<file>.md`, e.g. `02-container-is-a-process/en.md`. */
  readonly path: string;
  readonly text: string;
}

export interface ContentProblem {
  /** The file as shown to authors (the content root prefix included). */
  readonly file: string;
  readonly line?: number;
  /** The front matter field, e.g. `steps[1].checks.found.kind`. */
  readonly field?: string;
  readonly message: string;
}

export interface LoadResult {
  /** The exercises without problems, in order. */
  readonly exercises: readonly Exercise[];
  readonly problems: readonly ContentProblem[];
}

export interface LoadOptions {
  /** Prefix for file names in problems, e.g. `src/content/`. */
  readonly displayRoot?: string;
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line !== undefined ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
}

export class ExerciseContentError extends Error {
  override readonly name = "ExerciseContentError";
  constructor(readonly problems: readonly ContentProblem[]) {
    super(`The exercise content has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
  }
}

/** How problems name an exercise and its files. */
const EXERCISE_KIND: ContentKind = {
  noun: "exercise",
  withArticle: "an exercise",
  sharedFile: SHARED_FILE,
  missingShared: `missing: every exercise folder has an ${SHARED_FILE} with its steps, checks and solutions`,
  exampleFolder: "02-container-is-a-process",
};

export function loadExercises(files: readonly ContentFile[], options: LoadOptions = {}): LoadResult {
  const { items, problems } = loadFolders(files, options, EXERCISE_KIND, (folder, folderFiles, root) => new FolderLoader(folder, folderFiles, root));
  return { exercises: items, problems };
}

/** Loads the files and throws an ExerciseContentError listing every problem, if there is any. */
export function loadExercisesOrThrow(files: readonly ContentFile[], options: LoadOptions = {}): readonly Exercise[] {
  const result = loadExercises(files, options);
  if (result.problems.length > 0) throw new ExerciseContentError(result.problems);
  return result.exercises;
}

type Path = readonly PropertyKey[];

/** exercise.md, loaded: its front matter and the steps compiled from it. */
interface SharedExercise {
  readonly data: SharedFrontMatter;
  readonly steps: ExerciseStep[];
  readonly file: FrontMatterFile;
}

/** An exercise folder: exercise.md with the steps and checks, a file per locale with the texts. */
class FolderLoader extends ContentFolderLoader<Exercise, SharedExercise, LocalizedExerciseText> {
  protected readonly kind = EXERCISE_KIND;

  protected build(shared: SharedExercise, texts: Record<Locale, LocalizedExerciseText>): Exercise {
    return {
      id: this.id,
      order: this.order,
      folder: this.folder,
      ...(shared.data.minutes !== undefined ? { minutes: shared.data.minutes } : {}),
      steps: shared.steps,
      text: texts,
    };
  }

  protected loadShared(text: string): SharedExercise | undefined {
    const { file, data } = this.parse(SHARED_FILE, text, sharedFrontMatterSchema);
    if (!data) return undefined;
    const seen = new Set<string>();
    const steps = data.steps.map((step, index): ExerciseStep => {
      const report = (rest: PropertyKey[], message: string): void => {
        const path = ["steps", index, ...rest];
        this.problem(SHARED_FILE, file.lineOf(path), message, fieldName(path));
      };
      if (seen.has(step.id)) report(["id"], `duplicate step id "${step.id}"`);
      seen.add(step.id);
      if (step.id === RECAP_ID) report(["id"], `"${RECAP_ID}" is reserved for the closing section`);
      for (const hazard of typingHazards(step.solution)) report(["solution"], `the solution ${hazard}`);
      for (const [id, command] of Object.entries(step.commands ?? {})) {
        for (const hazard of typingHazards(command)) report(["commands", id], `the command ${hazard}`);
      }
      /** Every state-changing command of a read-only script, each reported at its own line. */
      const readOnly = (rest: PropertyKey[], script: string, what: string): void => {
        const path = ["steps", index, ...rest];
        for (const change of stateChangingParts(script)) {
          this.problem(SHARED_FILE, file.lineOfValueLine(path, change.line), `${what} must be read-only, but this one ${change.what}`, fieldName(path));
        }
      };
      const checks = Object.entries(step.checks ?? {}).map(([id, spec]) => {
        if (spec.kind === "shell") readOnly(["checks", id, "run"], spec.run, "checks");
        const hintchecks = Object.entries(spec.hintchecks ?? {}).map(([probe, script]) => {
          readOnly(["checks", id, "hintchecks", probe], script, "hintchecks");
          return { id: probe, script: script.trim() };
        });
        return { id, ...compileCheck(spec), timeoutMs: spec.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS, hintchecks };
      });
      if (step.question) readOnly(["question", "answer"], step.question.answer, "answer scripts");
      const hintIds = new Set(checks.flatMap((check) => check.hintchecks.map((probe) => probe.id)));
      for (const problem of mistakeProblems(step.mistakes ?? [], hintIds)) report(["mistakes", ...problem.path], problem.message);
      if (step.mistakes && checks.length === 0) {
        report(["mistakes"], "a step without checks cannot prove a mistake fails: give its question `mistakes:` (wrong answers) instead");
      }
      return {
        id: step.id,
        commands: Object.entries(step.commands ?? {}).map(([id, command]) => ({ id, command: command.trim() })),
        checks,
        solution: step.solution.trim(),
        mistakes: toMistakes(step.mistakes),
        ...(step.question
          ? {
              question: {
                answer: step.question.answer.trim(),
                compare: step.question.compare ?? "text",
                tolerance: step.question.tolerance ?? 0,
                timeoutMs: step.question.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
                mistakes: (step.question.mistakes ?? []).map((m) => ({ why: m.why.trim(), answer: m.answer.trim() })),
              },
            }
          : {}),
      };
    });
    return { data, steps, file };
  }

  protected loadLocale(locale: Locale, text: string, shared: SharedExercise | undefined): LocalizedExerciseText | undefined {
    const name = `${locale}.md`;
    const before = this.problems.length;
    const { file, data } = this.parse(name, text, localeFrontMatterSchema);
    const body = parseBody(file.body, file.bodyLine);
    for (const p of body.problems) this.problem(name, p.line, p.message);
    if (data) this.checkTextEmphasis(name, data, file);
    if (!shared || !data) return undefined;

    const sharedSteps = new Map(shared.steps.map((step, index) => [step.id, { step, index }]));
    const sharedLine = (id: string): string => {
      const index = sharedSteps.get(id)?.index;
      return index === undefined ? SHARED_FILE : `${SHARED_FILE}:${shared.file.lineOf(["steps", index, "id"])}`;
    };
    this.crossCheckSections(name, body.sections, sharedSteps, sharedLine, file);
    this.crossCheckTexts(name, data, file, sharedSteps, sharedLine);
    for (const block of body.intro) {
      if (block.kind === "command") this.problem(name, block.line, "commands can only be placed inside a step section");
    }
    if (this.problems.length > before) return undefined;

    const sections = new Map(body.sections.map((section) => [section.id, section]));
    const steps = shared.steps.map((step): LocalizedStepText => {
      const section = sections.get(step.id)!;
      const stepText = data.steps?.[step.id];
      return {
        id: step.id,
        title: section.title,
        blocks: this.blocks(section, step),
        checks: Object.fromEntries(step.checks.map((check) => [check.id, stepText!.checks![check.id]!])),
        ...(step.question ? { question: stepText!.question! } : {}),
      };
    });
    const recap = sections.get(RECAP_ID);
    return {
      locale,
      title: data.title.trim(),
      summary: data.summary.trim(),
      intro: proseBlocks(body.intro),
      steps,
      ...(recap ? { recap: { title: recap.title, blocks: proseBlocks(recap.blocks) } } : {}),
    };
  }

  /** Titles, summaries, labels, hints and prompts are inline markdown too. */
  private checkTextEmphasis(name: string, data: LocaleFrontMatter, file: FrontMatterFile): void {
    const texts: [Path, string][] = [
      [["title"], data.title],
      [["summary"], data.summary],
    ];
    for (const [stepId, step] of Object.entries(data.steps ?? {})) {
      for (const [checkId, check] of Object.entries(step.checks ?? {})) {
        texts.push([["steps", stepId, "checks", checkId, "label"], check.label], [["steps", stepId, "checks", checkId, "hint"], check.hint]);
      }
      if (step.question) {
        texts.push([["steps", stepId, "question", "prompt"], step.question.prompt], [["steps", stepId, "question", "hint"], step.question.hint]);
      }
    }
    for (const [path, value] of texts) {
      for (const p of inlineEmphasisProblems(value, file.lineOf(path))) this.problem(name, p.line, p.message, fieldName(path));
    }
  }

  private crossCheckSections(
    name: string,
    sections: readonly RawSection[],
    sharedSteps: Map<string, { step: ExerciseStep; index: number }>,
    sharedLine: (id: string) => string,
    file: FrontMatterFile,
  ): void {
    const seen = new Set<string>();
    let lastIndex = -1;
    sections.forEach((section, position) => {
      if (!section.id) return; // already reported: heading without an id
      if (seen.has(section.id)) {
        this.problem(name, section.line, `duplicate section {#${section.id}}`);
        return;
      }
      seen.add(section.id);
      if (section.id === RECAP_ID) {
        if (position !== sections.length - 1) this.problem(name, section.line, `the {#${RECAP_ID}} section must be the last one`);
        for (const block of section.blocks) {
          if (block.kind === "command") this.problem(name, block.line, "commands can only be placed inside a step section");
        }
        return;
      }
      const shared = sharedSteps.get(section.id);
      if (!shared) {
        this.problem(
          name,
          section.line,
          `section {#${section.id}} matches no step of ${SHARED_FILE} (its steps: ${[...sharedSteps.keys()].join(", ")})`,
        );
        return;
      }
      if (shared.index < lastIndex) {
        this.problem(
          name,
          section.line,
          `step "${section.id}" is out of order: ${SHARED_FILE} has ${[...sharedSteps.keys()].join(", ")}`,
        );
      }
      lastIndex = Math.max(lastIndex, shared.index);
      const commandIds = new Set(shared.step.commands.map((c) => c.id));
      for (const block of section.blocks) {
        if (block.kind === "command" && !commandIds.has(block.value)) {
          this.problem(
            name,
            block.line,
            `step "${section.id}" has no command "${block.value}" in ${SHARED_FILE} (${sharedLine(section.id)}; its commands: ${[...commandIds].join(", ") || "none"})`,
          );
        }
      }
    });
    const end = sections.at(-1)?.line ?? file.bodyLine;
    for (const id of sharedSteps.keys()) {
      if (!seen.has(id)) {
        this.problem(name, end, `no section for step "${id}" (${sharedLine(id)}): add a heading \`## Title {#${id}}\``);
      }
    }
  }

  private crossCheckTexts(
    name: string,
    data: LocaleFrontMatter,
    file: FrontMatterFile,
    sharedSteps: Map<string, { step: ExerciseStep; index: number }>,
    sharedLine: (id: string) => string,
  ): void {
    const texts = data.steps ?? {};
    for (const [id, stepText] of Object.entries(texts)) {
      const shared = sharedSteps.get(id);
      if (!shared) {
        this.problem(name, file.lineOf(["steps", id]), `there is no step "${id}" in ${SHARED_FILE}`, `steps.${id}`);
        continue;
      }
      const checkIds = new Set(shared.step.checks.map((c) => c.id));
      for (const [checkId, checkText] of Object.entries(stepText.checks ?? {})) {
        const probes = new Set(shared.step.checks.find((c) => c.id === checkId)?.hintchecks.map((p) => p.id));
        for (const probe of Object.keys(checkText.hints ?? {})) {
          if (checkIds.has(checkId) && !probes.has(probe)) {
            this.problem(
              name,
              file.lineOf(["steps", id, "checks", checkId, "hints", probe]),
              `check "${checkId}" has no hintcheck "${probe}" in ${SHARED_FILE} (${sharedLine(id)}; its hintchecks: ${[...probes].join(", ") || "none"})`,
              `steps.${id}.checks.${checkId}.hints.${probe}`,
            );
          }
        }
        if (!checkIds.has(checkId)) {
          this.problem(
            name,
            file.lineOf(["steps", id, "checks", checkId]),
            `step "${id}" has no check "${checkId}" in ${SHARED_FILE} (${sharedLine(id)})`,
            `steps.${id}.checks.${checkId}`,
          );
        }
      }
      if (stepText.question && !shared.step.question) {
        this.problem(
          name,
          file.lineOf(["steps", id, "question"]),
          `step "${id}" asks no question in ${SHARED_FILE} (${sharedLine(id)})`,
          `steps.${id}.question`,
        );
      }
    }
    for (const [id, { step }] of sharedSteps) {
      const stepText = texts[id];
      const line = file.lineOf(stepText ? ["steps", id] : ["steps"]);
      for (const check of step.checks) {
        if (!stepText?.checks?.[check.id]) {
          this.problem(
            name,
            line,
            `missing the label and hint of check "${check.id}" (${sharedLine(id)})`,
            `steps.${id}.checks.${check.id}`,
          );
          continue;
        }
        for (const probe of check.hintchecks) {
          if (!stepText?.checks?.[check.id]?.hints?.[probe.id]) {
            this.problem(
              name,
              file.lineOf(["steps", id, "checks", check.id]),
              `missing the hint of hintcheck "${probe.id}" (${sharedLine(id)}): add it under \`hints:\``,
              `steps.${id}.checks.${check.id}.hints.${probe.id}`,
            );
          }
        }
      }
      if (step.question && !stepText?.question) {
        this.problem(name, line, `missing the question's prompt and hint (${sharedLine(id)})`, `steps.${id}.question`);
      }
    }
  }

  /**
   * The step's prose with its commands in place (a command may be placed more than once, to run it
   * again); commands the prose does not place come last.
   */
  private blocks(section: RawSection, step: ExerciseStep): ContentBlock[] {
    const commands = new Map(step.commands.map((c) => [c.id, c.command]));
    const unplaced = new Map(commands);
    const out: ContentBlock[] = [];
    for (const block of section.blocks) {
      if (block.kind === "markdown") out.push({ kind: "markdown", content: block.content });
      else {
        out.push({ kind: "command", id: block.value, command: commands.get(block.value)! });
        unplaced.delete(block.value);
      }
    }
    for (const [id, command] of unplaced) out.push({ kind: "command", id, command });
    return out;
  }
}

/** The prose of the introduction or the recap (a command there is reported, and stops the load). */
function proseBlocks(blocks: readonly RawBlock[]): ContentBlock[] {
  return blocks.flatMap((block): ContentBlock[] => (block.kind === "markdown" ? [{ kind: "markdown", content: block.content }] : []));
}
