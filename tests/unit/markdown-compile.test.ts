// The course's markdown, compiled at build time into the tree the page renders: CommonMark (with GFM
// tables) as micromark reads it, no source positions, and every construct the page cannot show
// reported at its line in the file.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileMarkdown } from "../../src/exercises/markdown-compile.ts";
import type { MarkdownBlock, MarkdownInline } from "../../src/exercises/markdown-model.ts";

/** Plain text is a bare string in the tree. */
const text = (value: string) => value;
const paragraph = (...children: unknown[]) => ({ type: "paragraph", children });

function treeOf(markdown: string): unknown {
  const { tree, problems } = compileMarkdown(markdown, 1);
  expect(problems).toEqual([]);
  return tree;
}

function problemsOf(markdown: string, firstLine = 20): { line: number; message: string }[] {
  return [...compileMarkdown(markdown, firstLine).problems];
}

describe("the tree", () => {
  it("ends a paragraph at a numbered line, as at a bullet", () => {
    expect(treeOf("Do this:\n1. first\n2. second")).toEqual([
      paragraph(text("Do this:")),
      { type: "list", ordered: true, items: [[paragraph(text("first"))], [paragraph(text("second"))]] },
    ]);
    expect(treeOf("Or:\n- one")).toEqual([paragraph(text("Or:")), { type: "list", ordered: false, items: [[paragraph(text("one"))]] }]);
  });

  it("nests lists, keeps an ordered list's start and marks a loose list", () => {
    expect(treeOf("3. three\n   - inner\n4. four")).toEqual([
      {
        type: "list",
        ordered: true,
        start: 3,
        items: [[paragraph(text("three")), { type: "list", ordered: false, items: [[paragraph(text("inner"))]] }], [paragraph(text("four"))]],
      },
    ]);
    expect(treeOf("- a\n\n- b")).toEqual([{ type: "list", ordered: false, spread: true, items: [[paragraph(text("a"))], [paragraph(text("b"))]] }]);
  });

  it("headings, block quotes, code, rules and tables with their alignment", () => {
    expect(treeOf("### Sub\n\n> quoted **bold**\n\n```sh\n<b>not html</b>\n```\n\n---\n\n| a | b | c |\n|:--|:-:|--|\n| `x` | y | |")).toEqual([
      { type: "heading", depth: 3, children: [text("Sub")] },
      { type: "blockquote", children: [paragraph(text("quoted "), { type: "strong", children: [text("bold")] })] },
      { type: "code", value: "<b>not html</b>" },
      { type: "thematicBreak" },
      {
        type: "table",
        align: ["left", "center", null],
        rows: [
          [[text("a")], [text("b")], [text("c")]],
          [[{ type: "inlineCode", value: "x" }], [text("y")], []],
        ],
      },
    ]);
  });

  it("inline code, emphasis, http(s) links, autolinks and hard breaks", () => {
    expect(treeOf("`a*b` *em* [site](https://example.org) <http://example.org>\\\nnext")).toEqual([
      paragraph(
        { type: "inlineCode", value: "a*b" },
        text(" "),
        { type: "emphasis", children: [text("em")] },
        text(" "),
        { type: "link", url: "https://example.org", children: [text("site")] },
        text(" "),
        { type: "link", url: "http://example.org", children: [text("http://example.org")] },
        { type: "break" },
        text("next"),
      ),
    ]);
  });

  it("carries no source positions (the page gets plain JSON)", () => {
    expect(JSON.stringify(compileMarkdown("# a\n\n- b *c*\n\n| x |\n|---|\n| y |", 1).tree)).not.toContain("position");
  });

  it("keeps an escaped asterisk as text without a report", () => {
    expect(treeOf("2 \\* 3")).toEqual([paragraph(text("2 * 3"))]);
  });
});

describe("problems, at the file's line", () => {
  it("raw HTML, images, reference links and definitions", () => {
    expect(problemsOf("fine\n\n<div>block</div>\n\ntext <kbd>x</kbd>\n\n![pic](p.png) [ref][r]\n\n[r]: https://example.org")).toEqual([
      { line: 22, message: expect.stringMatching(/^raw HTML/) as string },
      { line: 24, message: expect.stringMatching(/^raw HTML/) as string },
      { line: 24, message: expect.stringMatching(/^raw HTML/) as string },
      { line: 26, message: expect.stringMatching(/^images are not shown/) as string },
      { line: 26, message: expect.stringMatching(/^reference links/) as string },
      { line: 28, message: expect.stringMatching(/^link definitions/) as string },
    ]);
  });

  it("links that are not http(s)", () => {
    expect(problemsOf("a\nb [x](javascript:alert(1))")).toEqual([{ line: 21, message: expect.stringMatching(/"javascript:alert\(1\)" is not an http\(s\) address/) as string }]);
    expect(problemsOf("[x](./other.md)")).toHaveLength(1);
  });

  it("asterisks CommonMark leaves as text, on the line they are on", () => {
    expect(problemsOf("one\nThis is **not closed.")).toEqual([{ line: 21, message: expect.stringMatching(/^stray `\*\*` near "one This is \*\*not/) as string }]);
    expect(problemsOf("- item\n- a * b")).toEqual([{ line: 21, message: expect.stringMatching(/^stray `\*`/) as string }]);
    expect(problemsOf("Match `kernel.shm*` and `ls *.md`.")).toEqual([]);
  });

  it("strong that CommonMark will not close after punctuation before a Korean particle", () => {
    expect(problemsOf("이것은 **격리(isolation)**입니다.")).toEqual([{ line: 20, message: expect.stringMatching(/^`\*\*` after "\)" and right before "입"/) as string }]);
    expect(problemsOf("**`cpu.max`**는 막습니다.")).toEqual([{ line: 20, message: expect.stringMatching(/^`\*\*` after "`" and right before "는"/) as string }]);
    expect(problemsOf("**격리**(isolation)되어, **`cpu.max`는** 막습니다.")).toEqual([]);
  });

  it("strong opened with `**` but closed by single asterisks", () => {
    expect(problemsOf("a **b*(c,\nd)*.")).toEqual([{ line: 20, message: expect.stringMatching(/closed by single `\*`s/) as string }]);
  });

  it("an id on a heading inside a step", () => {
    expect(problemsOf("### Inner {#inner}")).toEqual([{ line: 20, message: expect.stringMatching(/only a step's `##` heading carries an id/) as string }]);
  });
});

describe("any text", () => {
  /** Every node is one the page's renderer draws, with the fields it reads. */
  function expectRenderable(blocks: readonly MarkdownBlock[]): void {
    const inlines = (nodes: readonly MarkdownInline[]): void => {
      for (const node of nodes) {
        if (typeof node === "string") continue;
        expect(["inlineCode", "strong", "emphasis", "link", "break"]).toContain(node.type);
        if (node.type === "link") expect(node.url).toMatch(/^https?:\/\//i);
        if ("children" in node) inlines(node.children);
      }
    };
    for (const block of blocks) {
      expect(["paragraph", "heading", "list", "blockquote", "code", "table", "thematicBreak"]).toContain(block.type);
      if (block.type === "paragraph" || block.type === "heading") inlines(block.children);
      if (block.type === "list") block.items.forEach(expectRenderable);
      if (block.type === "blockquote") expectRenderable(block.children);
      if (block.type === "table") block.rows.flat().forEach(inlines);
    }
  }

  it("compiles to a renderable tree, or reports problems within the text's lines, never throws", () => {
    const piece = fc.constantFrom("# ", "- ", "1. ", "> ", "**", "*", "_", "`", "```\n", "\n", "\n\n", "  ", "|", "|---|", "[a](", ")", "](http://x)", "<b>", "![i](p)", "\\", "&lt;", "{#x}", "가", "word ");
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 40 }), fc.integer({ min: 1, max: 500 }), (parts, firstLine) => {
        const markdown = parts.join("");
        const { tree, problems } = compileMarkdown(markdown, firstLine);
        const lines = markdown.split("\n").length;
        for (const problem of problems) {
          expect(problem.line).toBeGreaterThanOrEqual(firstLine);
          expect(problem.line).toBeLessThan(firstLine + lines);
        }
        expectRenderable(tree);
        expect(JSON.stringify(tree)).not.toContain('"position"');
      }),
      { numRuns: 300 },
    );
  });
});
