// The prose renderer in a real DOM (Chromium): the tree compiled from CommonMark becomes the elements a
// learner reads, and content text is only ever text, never markup.
import { html, render } from "lit";
import { afterEach, describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/course/markdown.ts";
import { compileMarkdown } from "../../src/exercises/markdown-compile.ts";

let host: HTMLElement | undefined;

function show(markdown: string): HTMLElement {
  const { tree, problems } = compileMarkdown(markdown, 1);
  expect(problems).toEqual([]);
  host = document.createElement("div");
  document.body.append(host);
  render(html`${renderMarkdown(tree)}`, host);
  return host;
}

/** The elements under `root`, as tag names in document order. */
function tags(root: Element): string[] {
  return [...root.querySelectorAll("*")].map((element) => element.localName);
}

afterEach(() => host?.remove());

describe("blocks", () => {
  it("a numbered line ends the paragraph and starts an ordered list", () => {
    const root = show("Do this:\n1. first\n2. second");
    expect(tags(root)).toEqual(["p", "ol", "li", "li"]);
    expect(root.querySelector("p")!.textContent).toBe("Do this:");
    expect([...root.querySelectorAll("li")].map((li) => li.textContent)).toEqual(["first", "second"]);
  });

  it("nested lists, an ordered list's start, and tight items without paragraphs", () => {
    const root = show("3. three\n   - inner `code`\n4. four");
    expect(root.querySelector("ol")!.getAttribute("start")).toBe("3");
    expect(root.querySelector("ol > li > ul > li > code")!.textContent).toBe("code");
    expect(root.querySelector("li > p")).toBeNull();
  });

  it("a loose list keeps its items' paragraphs", () => {
    const root = show("- one\n\n- two");
    expect(root.querySelectorAll("ul > li > p")).toHaveLength(2);
  });

  it("headings below the step's title, block quotes, rules and code blocks", () => {
    const root = show("# Top\n\n### Sub\n\n#### Deeper\n\n> said **this**\n\n---\n\n```\nls -l\n```");
    expect(tags(root)).toEqual(["h4", "h4", "h5", "blockquote", "p", "strong", "hr", "pre", "code"]);
    expect(root.querySelector("pre code")!.textContent).toBe("ls -l");
  });

  it("a table with a header row and its columns' alignment", () => {
    const root = show("| name | size |\n|:--|--:|\n| `a` | 1 |\n| b | 22 |");
    expect([...root.querySelectorAll("thead th")].map((th) => [th.textContent, th.className])).toEqual([
      ["name", "align-left"],
      ["size", "align-right"],
    ]);
    expect([...root.querySelectorAll("tbody tr")].map((tr) => tr.textContent)).toEqual(["a1", "b22"]);
    expect(root.querySelector("tbody td code")!.textContent).toBe("a");
  });
});

describe("inline", () => {
  it("code, strong, emphasis and line breaks", () => {
    const root = show("run `ls` **now**, *then*\\\nwait");
    expect(tags(root)).toEqual(["p", "code", "strong", "em", "br"]);
    expect(root.textContent).toBe("run ls now, thenwait");
  });

  it("links open a new tab without handing over the page", () => {
    const link = show("see [the spec](https://example.org/spec)").querySelector("a")!;
    expect([link.href, link.target, link.rel, link.textContent]).toEqual(["https://example.org/spec", "_blank", "noopener noreferrer", "the spec"]);
  });

  it("markup in code and escaped characters stay text", () => {
    const root = show("`<img src=x onerror=alert(1)>` and \\<b\\> and &lt;i&gt;\n\n```\n<script>alert(1)</script>\n```");
    expect(root.querySelector("img, b, i, script")).toBeNull();
    expect(root.querySelector("p")!.textContent).toBe("<img src=x onerror=alert(1)> and <b> and <i>");
    expect(root.querySelector("pre")!.textContent).toBe("<script>alert(1)</script>");
  });
});

it("renders nothing for an empty text", () => {
  expect(show("").childElementCount).toBe(0);
});
