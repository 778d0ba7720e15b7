// The short texts' renderer (labels, hints, prompts): content text is always bound as text.
import { describe, expect, it } from "vitest";
import { renderInline } from "../../src/course/inline-markdown.ts";

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
