// Splits a locale file's markdown body into the exercise's introduction, one section per step and an
// optional recap. A step section starts with a level-2 heading that carries the step's id:
//
//   ## Find the process from the host {#find-from-host}
//
// and a line `{{command ID}}` places one of the step's clickable commands (from exercise.md). The prose
// between them is compiled to the tree the page renders (markdown-compile.ts).
import { compileMarkdown } from "./markdown-compile.ts";
import type { MarkdownTree } from "./markdown-model.ts";

export type RawBlock =
  /** Prose, compiled; `line` is its first line in the file. */
  | { readonly kind: "markdown"; readonly content: MarkdownTree; readonly line: number }
  /** A placeholder; `value` is the command id. */
  | { readonly kind: "command"; readonly value: string; readonly line: number };

export interface RawSection {
  readonly id: string;
  readonly title: string;
  /** 1-based file line of the heading. */
  readonly line: number;
  readonly blocks: readonly RawBlock[];
}

export interface ParsedBody {
  readonly intro: readonly RawBlock[];
  readonly sections: readonly RawSection[];
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

/** The id of the optional closing section, which is not a step. */
export const RECAP_ID = "recap";

const HEADING = /^##(?!#)\s*(.*?)\s*$/;
const HEADING_ID = /^(.*?)\s*\{#([^}]*)\}$/;
const PLACEHOLDER = /^\s*\{\{\s*command\s+([^}\s]*)\s*\}\}\s*$/;
const LOOSE_PLACEHOLDER = /\{\{.*\}\}/;
const FENCE = /^\s{0,3}(```+|~~~+)/;
export const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function parseBody(body: string, firstLine: number): ParsedBody {
  const problems: { line: number; message: string }[] = [];
  const intro: RawBlock[] = [];
  const sections: { id: string; title: string; line: number; blocks: RawBlock[] }[] = [];
  let blocks = intro;
  let text: string[] = [];
  let textLine = firstLine;
  let fence: string | undefined;

  const flush = (): void => {
    // Leading blank lines are dropped, and the block's line moves with them.
    const leading = text.findIndex((line) => line.trim() !== "");
    const markdown = leading < 0 ? "" : text.slice(leading).join("\n").trimEnd();
    if (markdown) {
      const line = textLine + leading;
      const compiled = compileMarkdown(markdown, line);
      problems.push(...compiled.problems);
      blocks.push({ kind: "markdown", content: compiled.tree, line });
    }
    text = [];
  };

  body.split("\n").forEach((line, index) => {
    const lineNo = firstLine + index;
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (fence === undefined) {
      const heading = HEADING.exec(line);
      if (heading) {
        flush();
        const withId = HEADING_ID.exec(heading[1]!);
        if (!withId) {
          problems.push({
            line: lineNo,
            message: "a `##` heading starts a step and needs its id: `## Title {#step-id}` (use `###` inside a step)",
          });
        } else if (!ID_PATTERN.test(withId[2]!)) {
          problems.push({ line: lineNo, message: `"${withId[2]}" is not a valid step id: use lowercase words joined by hyphens` });
        } else if (!withId[1]) {
          problems.push({ line: lineNo, message: `the heading {#${withId[2]}} has no title` });
        }
        const section = { id: withId?.[2] ?? "", title: withId?.[1] ?? heading[1]!, line: lineNo, blocks: [] as RawBlock[] };
        sections.push(section);
        blocks = section.blocks;
        textLine = lineNo + 1;
        return;
      }
      const placeholder = PLACEHOLDER.exec(line);
      if (placeholder) {
        flush();
        blocks.push({ kind: "command", value: placeholder[1]!, line: lineNo });
        textLine = lineNo + 1;
        return;
      }
      if (LOOSE_PLACEHOLDER.test(line)) {
        problems.push({ line: lineNo, message: "a command placeholder must be alone on its line: `{{command ID}}`" });
      }
    }
    if (text.length === 0) textLine = lineNo;
    text.push(line);
  });
  flush();
  if (fence !== undefined) problems.push({ line: firstLine, message: `a code block opened with ${fence} is never closed` });
  return { intro, sections, problems };
}
