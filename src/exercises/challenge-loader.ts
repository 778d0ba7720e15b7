// Loads challenges from their markdown files and validates them, like loader.ts does for exercises (and
// with its messages: file, line of the front matter key, field). Pure: the browser bundle and Node share it.
//
//   <NN>-<slug>/challenge.md   topic, checks, hint order, reference solution, mistakes (front matter only)
//   <NN>-<slug>/en.md, ko.md   title, summary, check labels and hints, hint texts; the body is the goal,
//                              then a section `## Title {#solution}` explaining the reference solution
import type { z } from "zod";
import type { Challenge, LocalizedChallengeText } from "./challenge-model.ts";
import {
  challengeFrontMatterSchema,
  challengeLocaleSchema,
  type ChallengeFrontMatter,
  type ChallengeLocaleFrontMatter,
} from "./challenge-schema.ts";
import { compileCheck, stateChangingParts, typingHazards } from "./checks.ts";
import { parseFrontMatter, type FrontMatterFile } from "./front-matter.ts";
import {
  describeIssues,
  fieldName,
  FOLDER_PATTERN,
  type ContentFile,
  type ContentProblem,
  type LoadOptions,
} from "./loader.ts";
import { LOCALES, isLocale, type Locale } from "./locales.ts";
import { mistakeProblems, toMistakes } from "./mistakes.ts";
import type { ExerciseCheck } from "./model.ts";
import { DEFAULT_CHECK_TIMEOUT_MS } from "./schema.ts";
import { ID_PATTERN, parseBody } from "./sections.ts";

/** The language-neutral file of every challenge folder. */
export const CHALLENGE_FILE = "challenge.md";
/** The id of the one section a challenge's locale file has: the explanation of the solution. */
export const SOLUTION_SECTION = "solution";

export interface ChallengeLoadResult {
  readonly challenges: readonly Challenge[];
  readonly problems: readonly ContentProblem[];
}

export function loadChallenges(files: readonly ContentFile[], options: LoadOptions = {}): ChallengeLoadResult {
  const root = options.displayRoot ?? "";
  const problems: ContentProblem[] = [];
  const folders = new Map<string, Map<string, string>>();
  for (const file of files) {
    const parts = file.path.replace(/\\/g, "/").replace(/^\.?\//, "").split("/");
    if (parts.length !== 2) {
      problems.push({ file: root + file.path, message: "challenge files belong directly in a folder `<NN>-<slug>/`" });
      continue;
    }
    const [folder, name] = parts as [string, string];
    if (!folders.has(folder)) folders.set(folder, new Map());
    folders.get(folder)!.set(name, file.text);
  }
  const challenges: Challenge[] = [];
  for (const [folder, folderFiles] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    const loader = new ChallengeFolderLoader(folder, folderFiles, root);
    const challenge = loader.load();
    problems.push(...loader.problems);
    if (challenge) challenges.push(challenge);
  }
  const seen = new Map<string, string>();
  for (const challenge of challenges) {
    for (const key of [`order ${challenge.order}`, `id "${challenge.id}"`]) {
      const other = seen.get(key);
      if (other) problems.push({ file: `${root}${challenge.folder}/`, message: `has the same ${key} as ${other}/` });
      else seen.set(key, challenge.folder);
    }
  }
  challenges.sort((a, b) => a.order - b.order);
  problems.sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
  return { challenges, problems };
}

class ChallengeFolderLoader {
  readonly problems: ContentProblem[] = [];
  private readonly order: number;
  private readonly id: string;

  constructor(
    private readonly folder: string,
    private readonly files: Map<string, string>,
    private readonly root: string,
  ) {
    const match = FOLDER_PATTERN.exec(folder);
    this.order = match ? Number(match[1]) : NaN;
    this.id = match?.[2] ?? folder;
  }

  private problem(name: string, line: number | undefined, message: string, field?: string): void {
    this.problems.push({
      file: `${this.root}${this.folder}/${name}`,
      ...(line !== undefined ? { line } : {}),
      ...(field ? { field } : {}),
      message,
    });
  }

  load(): Challenge | undefined {
    if (!FOLDER_PATTERN.test(this.folder) || !ID_PATTERN.test(this.id)) {
      this.problems.push({
        file: `${this.root}${this.folder}/`,
        message: "a challenge folder is named `<number>-<slug>`, e.g. `03-bridge-two-namespaces` (lowercase words joined by hyphens)",
      });
    }
    for (const name of this.files.keys()) {
      const base = name.replace(/\.md$/, "");
      if (name !== CHALLENGE_FILE && !isLocale(base)) {
        this.problem(name, 1, `unsupported locale "${base}": the files of a challenge are ${CHALLENGE_FILE}, ${LOCALES.map((l) => `${l}.md`).join(", ")}`);
      }
    }
    const sharedText = this.files.get(CHALLENGE_FILE);
    if (sharedText === undefined) {
      this.problem(CHALLENGE_FILE, undefined, "missing: every challenge folder has a challenge.md with its checks, hints, solution and mistakes");
    }
    const shared = sharedText === undefined ? undefined : this.loadShared(sharedText);
    const texts: Partial<Record<Locale, LocalizedChallengeText>> = {};
    for (const locale of LOCALES) {
      const text = this.files.get(`${locale}.md`);
      if (text === undefined) {
        this.problem(`${locale}.md`, undefined, `missing locale: every challenge is written in ${LOCALES.join(" and ")}`);
        continue;
      }
      const localized = this.loadLocale(locale, text, shared);
      if (localized) texts[locale] = localized;
    }
    if (this.problems.length > 0 || !shared) return undefined;
    const { data } = shared;
    return {
      id: this.id,
      order: this.order,
      folder: this.folder,
      topic: data.topic,
      ...(data.minutes !== undefined ? { minutes: data.minutes } : {}),
      checks: shared.checks,
      hints: data.hints,
      solution: data.solution.trim(),
      mistakes: toMistakes(data.mistakes),
      text: texts as Record<Locale, LocalizedChallengeText>,
    };
  }

  private parse<T>(name: string, text: string, schema: z.ZodType<T>): { file: FrontMatterFile; data: T | undefined } {
    const file = parseFrontMatter(text);
    for (const error of file.errors) this.problem(name, error.line, error.message);
    if (file.errors.length > 0) return { file, data: undefined };
    const result = schema.safeParse(file.data ?? {}, { reportInput: true });
    if (result.success) return { file, data: result.data };
    for (const { path, message } of describeIssues(result.error.issues)) {
      this.problem(name, file.lineOf(path), message, fieldName(path) || undefined);
    }
    return { file, data: undefined };
  }

  private loadShared(text: string): { data: ChallengeFrontMatter; checks: ExerciseCheck[]; file: FrontMatterFile } | undefined {
    const { file, data } = this.parse(CHALLENGE_FILE, text, challengeFrontMatterSchema);
    if (!data) return undefined;
    const report = (path: PropertyKey[], message: string): void => {
      this.problem(CHALLENGE_FILE, file.lineOf(path), message, fieldName(path));
    };
    const seen = new Set<string>();
    data.hints.forEach((hint, index) => {
      if (seen.has(hint)) report(["hints", index], `duplicate hint id "${hint}"`);
      seen.add(hint);
    });
    for (const hazard of typingHazards(data.solution)) report(["solution"], `the solution ${hazard}`);
    for (const { path, message } of mistakeProblems(data.mistakes)) report(["mistakes", ...path], message);
    const checks = Object.entries(data.checks).map(([id, spec]): ExerciseCheck => {
      if (spec.kind === "shell") {
        // Each offending command at its own line, as for the course's checks.
        for (const change of stateChangingParts(spec.run)) {
          const path = ["checks", id, "run"];
          this.problem(CHALLENGE_FILE, file.lineOfValueLine(path, change.line), `checks must be read-only, but this one ${change.what}`, fieldName(path));
        }
      }
      // A challenge has no targeted hints of its own: its hints unlock in order on request.
      return { id, ...compileCheck(spec), hintchecks: [], timeoutMs: spec.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS };
    });
    return { data, checks, file };
  }

  private loadLocale(
    locale: Locale,
    text: string,
    shared: { data: ChallengeFrontMatter; file: FrontMatterFile } | undefined,
  ): LocalizedChallengeText | undefined {
    const name = `${locale}.md`;
    const before = this.problems.length;
    const { file, data } = this.parse(name, text, challengeLocaleSchema);
    const body = parseBody(file.body, file.bodyLine);
    for (const p of body.problems) this.problem(name, p.line, p.message);
    for (const block of [...body.intro, ...body.sections.flatMap((s) => s.blocks)]) {
      if (block.kind === "command") {
        this.problem(name, block.line, "a challenge gives no commands: state the goal and leave the way to the learner (hints may name tools)");
      }
    }
    const goal = body.intro.map((b) => b.value).join("\n\n");
    if (!goal.trim()) this.problem(name, file.bodyLine, "the goal is missing: write it as the text before the `{#solution}` section");
    const solution = body.sections.find((s) => s.id === SOLUTION_SECTION);
    for (const section of body.sections) {
      if (section.id && section.id !== SOLUTION_SECTION) {
        this.problem(name, section.line, `a challenge has one section, {#${SOLUTION_SECTION}}, after the goal; found {#${section.id}}`);
      }
    }
    if (!solution) {
      this.problem(name, file.bodyLine, `no section explaining the solution: add a heading \`## Title {#${SOLUTION_SECTION}}\` after the goal`);
    } else if (solution.blocks.length === 0) {
      this.problem(name, solution.line, "the solution section is empty: say why the reference solution works");
    }
    if (!shared || !data) return undefined;
    this.crossCheck(name, data, file, shared.data, shared.file);
    if (this.problems.length > before || !solution) return undefined;
    return {
      locale,
      title: data.title.trim(),
      summary: data.summary.trim(),
      goal,
      checks: data.checks,
      hints: data.hints,
      solutionTitle: solution.title,
      explanation: solution.blocks.map((b) => b.value).join("\n\n"),
    };
  }

  /** Same checks and hints as challenge.md: a text for each, none for what it does not have. */
  private crossCheck(
    name: string,
    data: ChallengeLocaleFrontMatter,
    file: FrontMatterFile,
    shared: ChallengeFrontMatter,
    sharedFile: FrontMatterFile,
  ): void {
    const line = (path: PropertyKey[]): string => `${CHALLENGE_FILE}:${sharedFile.lineOf(path)}`;
    for (const id of Object.keys(shared.checks)) {
      if (!data.checks[id]) {
        this.problem(name, file.lineOf(["checks"]), `missing the label and hint of check "${id}" (${line(["checks", id])})`, `checks.${id}`);
      }
    }
    for (const id of Object.keys(data.checks)) {
      if (!(id in shared.checks)) {
        this.problem(name, file.lineOf(["checks", id]), `there is no check "${id}" in ${CHALLENGE_FILE}`, `checks.${id}`);
      }
    }
    shared.hints.forEach((id, index) => {
      if (!data.hints[id]) this.problem(name, file.lineOf(["hints"]), `missing the text of hint "${id}" (${line(["hints", index])})`, `hints.${id}`);
    });
    for (const id of Object.keys(data.hints)) {
      if (!shared.hints.includes(id)) {
        this.problem(name, file.lineOf(["hints", id]), `there is no hint "${id}" in ${CHALLENGE_FILE} (its hints: ${shared.hints.join(", ")})`, `hints.${id}`);
      }
    }
  }
}
