// Loads challenges from their markdown files and validates them, like loader.ts does for exercises (and
// with its messages: file, line of the front matter key, field). Pure: the browser bundle and Node share it.
//
//   <NN>-<slug>/challenge.md   topic, checks, hint order, reference solution, mistakes (front matter only)
//   <NN>-<slug>/en.md, ko.md   title, summary, check labels and hints, hint texts; the body is the goal,
//                              then a section `## Title {#solution}` explaining the reference solution
import type { Challenge, LocalizedChallengeText } from "./challenge-model.ts";
import {
  challengeFrontMatterSchema,
  challengeLocaleSchema,
  type ChallengeFrontMatter,
  type ChallengeLocaleFrontMatter,
} from "./challenge-schema.ts";
import { compileCheck, stateChangingParts, typingHazards } from "./checks.ts";
import { ContentFolderLoader, fieldName, loadFolders, type ContentKind } from "./content-folders.ts";
import type { FrontMatterFile } from "./front-matter.ts";
import type { ContentFile, ContentProblem, LoadOptions } from "./loader.ts";
import type { Locale } from "./locales.ts";
import { mistakeProblems, toMistakes } from "./mistakes.ts";
import type { ExerciseCheck } from "./model.ts";
import { DEFAULT_CHECK_TIMEOUT_MS } from "./schema.ts";
import type { MarkdownTree } from "./markdown-model.ts";
import { parseBody, type RawBlock } from "./sections.ts";

/** The language-neutral file of every challenge folder. */
export const CHALLENGE_FILE = "challenge.md";
/** The id of the one section a challenge's locale file has: the explanation of the solution. */
export const SOLUTION_SECTION = "solution";

export interface ChallengeLoadResult {
  readonly challenges: readonly Challenge[];
  readonly problems: readonly ContentProblem[];
}

/** How problems name a challenge and its files. */
const CHALLENGE_KIND: ContentKind = {
  noun: "challenge",
  withArticle: "a challenge",
  sharedFile: CHALLENGE_FILE,
  missingShared: `missing: every challenge folder has a ${CHALLENGE_FILE} with its checks, hints, solution and mistakes`,
  exampleFolder: "03-bridge-two-namespaces",
};

export function loadChallenges(files: readonly ContentFile[], options: LoadOptions = {}): ChallengeLoadResult {
  const { items, problems } = loadFolders(files, options, CHALLENGE_KIND, (folder, folderFiles, root) => new ChallengeFolderLoader(folder, folderFiles, root));
  return { challenges: items, problems };
}

/** challenge.md, loaded: its front matter and the checks compiled from it. */
interface SharedChallenge {
  readonly data: ChallengeFrontMatter;
  readonly checks: ExerciseCheck[];
  readonly file: FrontMatterFile;
}

/** A challenge folder: challenge.md with the checks and solution, a file per locale with the texts. */
class ChallengeFolderLoader extends ContentFolderLoader<Challenge, SharedChallenge, LocalizedChallengeText> {
  protected readonly kind = CHALLENGE_KIND;

  protected build(shared: SharedChallenge, texts: Record<Locale, LocalizedChallengeText>): Challenge {
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
      text: texts,
    };
  }

  protected loadShared(text: string): SharedChallenge | undefined {
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

  protected loadLocale(locale: Locale, text: string, shared: SharedChallenge | undefined): LocalizedChallengeText | undefined {
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
    const goal = prose(body.intro);
    if (goal.length === 0) this.problem(name, file.bodyLine, "the goal is missing: write it as the text before the `{#solution}` section");
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
      explanation: prose(solution.blocks),
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

/** The compiled prose of a challenge's blocks (a command among them is reported, and stops the load). */
function prose(blocks: readonly RawBlock[]): MarkdownTree {
  return blocks.flatMap((block) => (block.kind === "markdown" ? block.content : []));
}
