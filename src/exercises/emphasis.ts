// Emphasis markup that a learner would see as stray asterisks, in the short texts (titles, summaries,
// labels, hints, prompts: one line of inline markdown each; the prose is checked as CommonMark by
// markdown-compile.ts). Two rules, in both languages:
// - the short texts' renderer (src/course/inline-markdown.ts, which uses INLINE_MARKDOWN below) pairs
//   `**...**` and `*...*` only around text without another asterisk; every `*` it does not pair is
//   shown as a literal asterisk (an unclosed `**`, `**a *b* c**`, `**...*(...)*`);
// - CommonMark (how the files read on a forge or in an editor) does not close emphasis right after
//   punctuation and right before a letter, which bites Korean: `**격리(isolation)**되어`.

/** Inline markdown as the course renders it: code spans, **strong**, *emphasis*, http(s) links. */
export const INLINE_MARKDOWN = /(`+)([^`]+?)\1|\*\*([^*]+)\*\*|\*([^*\s][^*]*?)\*|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;

export interface EmphasisProblem {
  readonly line: number;
  readonly message: string;
}

export interface ProseLine {
  readonly text: string;
  /** 1-based line of the file. */
  readonly line: number;
}

const LIST_ITEM = /^\s*(?:[-*]|\d+\.)\s+/;
const HEADING = /^\s*#{1,6}\s+(.*?)\s*(?:\{#[^}]*\})?\s*$/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WORD = /[\p{L}\p{N}]/u;

/**
 * The problems of one paragraph of prose (consecutive non-blank lines outside code blocks). The
 * renderer joins a paragraph's lines, or a list item's, into one piece of inline markdown, so
 * emphasis may span lines; a heading or a new list item starts a new piece.
 */
export function paragraphEmphasisProblems(paragraph: readonly ProseLine[]): EmphasisProblem[] {
  const pieces: ProseLine[][] = [];
  for (const { text, line } of paragraph) {
    const heading = HEADING.exec(text);
    if (heading) {
      pieces.push([{ text: heading[1]!, line }], []);
      continue;
    }
    const item = LIST_ITEM.exec(text);
    if (item || pieces.length === 0) pieces.push([]);
    pieces.at(-1)!.push({ text: item ? text.slice(item[0].length) : text, line });
  }
  return pieces.filter((piece) => piece.length > 0).flatMap((piece) => [...strayAsterisks(piece), ...unclosedBeforeLetter(piece)]);
}

/** The problems of a short text (a label, a hint, a title) written on one line of the file. */
export function inlineEmphasisProblems(text: string, line: number): EmphasisProblem[] {
  return paragraphEmphasisProblems(text.split("\n").map((part) => ({ text: part, line })));
}

/** Asterisks the renderer leaves as text. */
function strayAsterisks(piece: readonly ProseLine[]): EmphasisProblem[] {
  const { text, lineAt } = joined(piece);
  const problems: EmphasisProblem[] = [];
  let last = 0;
  const report = (from: number, to: number): void => {
    for (const run of text.slice(from, to).matchAll(/\*+/g)) {
      const index = from + run.index;
      problems.push({
        line: lineAt(index),
        message: `stray \`${run[0]}\` near "${excerpt(text, index)}": the course shows it as asterisks (emphasis that is not closed, or that holds another \`*\`); close the emphasis, or write a literal asterisk in \`code\``,
      });
    }
  };
  for (const match of text.matchAll(new RegExp(INLINE_MARKDOWN.source, "g"))) {
    report(last, match.index);
    last = match.index + match[0].length;
  }
  report(last, text.length);
  return problems;
}

/** Emphasis that CommonMark will not close: `**` or `*` after punctuation and right before a letter. */
function unclosedBeforeLetter(piece: readonly ProseLine[]): EmphasisProblem[] {
  const { text, lineAt } = joined(piece);
  const plain = text.replace(/`+[^`]*`+/g, (code) => "x".repeat(code.length));
  const problems: EmphasisProblem[] = [];
  const open = { "**": false, "*": false };
  for (const match of plain.matchAll(/\*{1,2}/g)) {
    const run = match[0] as "*" | "**";
    if (!open[run]) {
      open[run] = true;
      continue;
    }
    open[run] = false;
    const before = plain[match.index - 1] ?? " ";
    const after = plain[match.index + run.length] ?? " ";
    if (PUNCTUATION.test(before) && WORD.test(after)) {
      problems.push({
        line: lineAt(match.index),
        message: `\`${run}\` after "${before}" and right before "${after}" does not end the emphasis in markdown: move the punctuation out (e.g. \`**격리**(isolation)되어\`, not \`**격리(isolation)**되어\`)`,
      });
    }
  }
  return problems;
}

/** The piece as the renderer sees it (trimmed lines joined by spaces), and the file line of an index. */
function joined(piece: readonly ProseLine[]): { text: string; lineAt: (index: number) => number } {
  const starts: number[] = [];
  let text = "";
  for (const { text: part } of piece) {
    if (text) text += " ";
    starts.push(text.length);
    text += part.trim();
  }
  const lineAt = (index: number): number => {
    let at = 0;
    while (at + 1 < starts.length && starts[at + 1]! <= index) at++;
    return piece[at]!.line;
  };
  return { text, lineAt };
}

function excerpt(text: string, index: number): string {
  return text.slice(Math.max(0, index - 12), index + 13).trim();
}
