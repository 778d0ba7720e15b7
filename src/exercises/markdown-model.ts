// The course's prose as a tree: what the content loader compiles each piece of markdown into at build
// time (markdown-compile.ts, from CommonMark's mdast with GFM tables) and what the page renders
// (src/course/markdown.ts). Plain JSON, without source positions: the page ships no markdown parser.
// Only what the page can render has a node here; the compiler reports anything else as a problem.

/** Plain text is a bare string (most of the prose: it keeps the course's JSON small). */
export type MarkdownInline =
  | string
  | { readonly type: "inlineCode"; readonly value: string }
  | { readonly type: "strong"; readonly children: readonly MarkdownInline[] }
  | { readonly type: "emphasis"; readonly children: readonly MarkdownInline[] }
  /** Only http(s) addresses: the compiler refuses any other. */
  | { readonly type: "link"; readonly url: string; readonly children: readonly MarkdownInline[] }
  | { readonly type: "break" };

export type TableAlign = "left" | "right" | "center" | null;

export type MarkdownBlock =
  | { readonly type: "paragraph"; readonly children: readonly MarkdownInline[] }
  /** Depth as written (`###` is 3); the page maps it below the step's own heading. */
  | { readonly type: "heading"; readonly depth: number; readonly children: readonly MarkdownInline[] }
  | {
      readonly type: "list";
      readonly ordered: boolean;
      /** The first number of an ordered list, when it is not 1. */
      readonly start?: number;
      /** A loose list (blank lines between items): items' paragraphs keep their spacing. */
      readonly spread?: boolean;
      readonly items: readonly (readonly MarkdownBlock[])[];
    }
  | { readonly type: "blockquote"; readonly children: readonly MarkdownBlock[] }
  | { readonly type: "code"; readonly value: string }
  /** A GFM table: the first row is the header. */
  | { readonly type: "table"; readonly align: readonly TableAlign[]; readonly rows: readonly (readonly (readonly MarkdownInline[])[])[] }
  | { readonly type: "thematicBreak" };

/** A piece of prose: the blocks of one markdown text. */
export type MarkdownTree = readonly MarkdownBlock[];
