// Compiles a piece of the course's markdown into the tree the page renders (markdown-model.ts): parsed
// as CommonMark with GFM tables by micromark (mdast-util-from-markdown), in Node, at build time. What
// the page cannot render (raw HTML, images, reference links, footnote-like definitions, links other than
// http(s)) and asterisks CommonMark leaves as text are reported at their file line.
import type { BlockContent, DefinitionContent, Nodes, PhrasingContent, RootContent, Text } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import type { MarkdownBlock, MarkdownInline, MarkdownTree, TableAlign } from "./markdown-model.ts";

export interface MarkdownProblem {
  /** 1-based line of the file. */
  readonly line: number;
  readonly message: string;
}

export interface CompiledMarkdown {
  readonly tree: MarkdownTree;
  readonly problems: readonly MarkdownProblem[];
}

/** CommonMark and GFM tables, nothing else (no raw-HTML rendering, no footnotes, no autolinked bare URLs). */
const PARSE_OPTIONS = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WORD = /[\p{L}\p{N}]/u;
const HTTP = /^https?:\/\//i;

/** What each node the page cannot render should be written as instead. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  html: "raw HTML is not shown by the course: write markdown, or put the text in `code`",
  image: "images are not shown by the course: describe the picture in words",
  imageReference: "images are not shown by the course: describe the picture in words",
  linkReference: "reference links are not supported: write the link inline, `[text](https://…)`",
  definition: "link definitions are not supported: write the link inline, `[text](https://…)`",
};

/**
 * The tree of `markdown`, whose first line is line `firstLine` of its file. The tree leaves out what
 * is reported; a text with problems must not be shipped (the loader stops on any problem).
 */
export function compileMarkdown(markdown: string, firstLine: number): CompiledMarkdown {
  const root = fromMarkdown(markdown, PARSE_OPTIONS);
  const problems: MarkdownProblem[] = [];
  // Asterisks are reported once per line (two runs on a line are usually one mistake), the most specific message kept.
  const asterisks = new Map<number, string>();
  const lineOf = (node: Nodes, within = 0): number => (node.position?.start.line ?? 1) + firstLine - 1 + within;
  const report = (node: Nodes, message: string, within = 0): void => {
    problems.push({ line: lineOf(node, within), message });
  };

  const inlines = (nodes: readonly PhrasingContent[]): MarkdownInline[] => joinText(nodes.flatMap((node) => inline(node)));
  const inline = (node: PhrasingContent): MarkdownInline[] => {
    switch (node.type) {
      case "text":
        checkAsterisks(node);
        return [node.value];
      case "inlineCode":
        return [{ type: "inlineCode", value: node.value }];
      case "strong":
      case "emphasis":
        checkSplitStrong(node);
        return [{ type: node.type, children: inlines(node.children) }];
      case "break":
        return [{ type: "break" }];
      case "link":
        if (!HTTP.test(node.url)) {
          report(node, `the link to "${node.url}" is not an http(s) address: the course links only to web pages`);
          return inlines(node.children);
        }
        return [{ type: "link", url: node.url, children: inlines(node.children) }];
      default:
        report(node, UNSUPPORTED[node.type] ?? `${node.type} is not shown by the course`);
        return [];
    }
  };

  const blocks = (nodes: readonly (RootContent | BlockContent | DefinitionContent)[]): MarkdownBlock[] => nodes.flatMap((node) => block(node));
  const block = (node: RootContent | BlockContent | DefinitionContent): MarkdownBlock[] => {
    switch (node.type) {
      case "paragraph":
        return [{ type: "paragraph", children: inlines(node.children) }];
      case "heading":
        checkHeadingId(node.children, node);
        return [{ type: "heading", depth: node.depth, children: inlines(node.children) }];
      case "thematicBreak":
        return [{ type: "thematicBreak" }];
      case "blockquote":
        return [{ type: "blockquote", children: blocks(node.children) }];
      case "code":
        return [{ type: "code", value: node.value }];
      case "list": {
        const start = node.ordered && typeof node.start === "number" && node.start !== 1 ? { start: node.start } : {};
        return [
          {
            type: "list",
            ordered: node.ordered === true,
            ...start,
            ...(node.spread === true || node.children.some((item) => item.spread === true) ? { spread: true } : {}),
            items: node.children.map((item) => blocks(item.children)),
          },
        ];
      }
      case "table":
        return [
          {
            type: "table",
            align: (node.align ?? []).map((a): TableAlign => a ?? null),
            rows: node.children.map((row) => row.children.map((cell) => inlines(cell.children))),
          },
        ];
      default:
        report(node, UNSUPPORTED[node.type] ?? `${node.type} is not shown by the course`);
        return [];
    }
  };

  /**
   * An asterisk in text is one CommonMark did not pair into emphasis: the learner would see it. A
   * literal asterisk is written `\*` or in `code`. 
   */
  const checkAsterisks = (node: Text): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    // The source of the text, where an escaped `\*` can be told from a stray one.
    const source = start !== undefined && end !== undefined ? markdown.slice(start, end) : node.value;
    for (const run of source.matchAll(/(?<!\\)\*+/g)) {
      const within = source.slice(0, run.index).split("\n").length - 1;
      const before = source[run.index - 1] ?? markdown[(start ?? 0) - 1] ?? " ";
      const after = source[run.index + run[0].length] ?? " ";
      const message =
        PUNCTUATION.test(before) && WORD.test(after)
          ? `\`${run[0]}\` after "${before}" and right before "${after}" does not end the emphasis in markdown: move the punctuation out (e.g. \`**격리**(isolation)되어\`, not \`**격리(isolation)**되어\`)`
          : `stray \`${run[0]}\` near "${excerpt(source, run.index)}": the course shows it as asterisks (emphasis that is not closed); close the emphasis, or write a literal asterisk as \`\\*\` or in \`code\``;
      const line = lineOf(node, within);
      if (!asterisks.has(line) || message.startsWith("`")) asterisks.set(line, message);
    }
  };

  /**
   * `**text*` followed later by another `*` pairs as emphasis inside emphasis: the learner sees slanted
   * text where the author meant bold. Two emphases that open at the same `**` are that mistake.
   */
  const checkSplitStrong = (node: Nodes & { children: readonly PhrasingContent[] }): void => {
    const first = node.children[0];
    const opens = node.position?.start.offset;
    if (node.type === "emphasis" && first?.type === "emphasis" && opens !== undefined && first.position?.start.offset === opens + 1) {
      report(node, `\`**\` near "${excerpt(markdown, opens)}" is closed by single \`*\`s: close strong text with \`**\``);
    }
  };

  /** `{#id}` belongs to a step's `##` heading only (src/exercises/sections.ts reads it). */
  const checkHeadingId = (children: readonly PhrasingContent[], node: Nodes): void => {
    const last = children.at(-1);
    if (last?.type === "text" && /\{#[^}]*\}\s*$/.test(last.value)) {
      report(node, "only a step's `##` heading carries an id `{#…}`: remove it from this heading");
    }
  };

  const tree = blocks(root.children);
  for (const [line, message] of asterisks) problems.push({ line, message });
  return { tree, problems: problems.sort((a, b) => a.line - b.line) };
}

/** Neighbouring texts as one string (a reported node between them leaves two). */
function joinText(nodes: MarkdownInline[]): MarkdownInline[] {
  const out: MarkdownInline[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (typeof node === "string" && typeof last === "string") out[out.length - 1] = last + node;
    else out.push(node);
  }
  return out;
}

function excerpt(text: string, index: number): string {
  return text.slice(Math.max(0, index - 12), index + 13).replace(/\s+/g, " ").trim();
}
