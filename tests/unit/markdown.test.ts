// The prose renderer: content text is always bound as text (never parsed as HTML).
import { describe, expect, it } from "vitest";
import { renderInline, renderMarkdown } from "../../src/course/markdown.ts";

describe("renderInline", () => {
  it("keeps HTML in content as plain text", () => {
    expect(renderInline("<img src=x onerror=alert(1)> & more")).toEqual(["<img src=x onerror=alert(1)> & more"]);
  });

  it("turns code, strong and emphasis into templates and leaves the rest as text", () => {
    const parts = renderInline("run `ls` **now** or *later*");
    expect(parts.filter((p) => typeof p === "string")).toEqual(["run ", " ", " or "]);
    expect(parts.filter((p) => typeof p !== "string")).toHaveLength(3);
  });

  it("links only http(s) addresses", () => {
    expect(renderInline("[x](javascript:alert(1))").every((p) => typeof p === "string")).toBe(true);
    expect(renderInline("[x](https://example.org)").some((p) => typeof p !== "string")).toBe(true);
  });
});

describe("renderMarkdown", () => {
  it("renders paragraphs, lists and code without throwing", () => {
    const result = renderMarkdown("para one\nstill one\n\n- a\n- b\n\n1. x\n2. y\n\n```\n<b>code</b>\n```\n## Head {#id}");
    expect(result.values).toHaveLength(1);
  });
});
