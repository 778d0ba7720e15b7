import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shellQuote } from "../../src/shared/shell-quote.ts";

describe("shellQuote", () => {
  it("quotes anything, including single quotes, as one word", () => {
    expect(shellQuote("plain")).toBe("'plain'");
    expect(shellQuote("it's $HOME `x`")).toBe(`'it'\\''s $HOME \`x\`'`);
  });

  it("hands a real shell the text unchanged", () => {
    const texts = ["it's", "$HOME `id` $(id) \\n", "a b\tc", "''", "ünï 한국어", "-n", ""];
    for (const text of texts) {
      expect(execFileSync("sh", ["-c", `printf %s ${shellQuote(text)}`], { encoding: "utf8" })).toBe(text);
    }
  });
});
