// The emphasis rule: asterisks the course's renderer would show as text, and emphasis CommonMark
// would not close, reported at the line they are on, in any language.
import { describe, expect, it } from "vitest";
import { inlineEmphasisProblems, paragraphEmphasisProblems, type ProseLine } from "../../src/exercises/emphasis.ts";
import { renderInline } from "../../src/course/inline-markdown.ts";

function lines(text: string, first = 10): ProseLine[] {
  return text.split("\n").map((line, index) => ({ text: line, line: first + index }));
}

function linesOf(text: string, first = 10): number[] {
  return paragraphEmphasisProblems(lines(text, first)).map((problem) => problem.line);
}

/** The asterisks the renderer leaves in plain text (what the learner would see). */
function shownAsterisks(text: string): number {
  return renderInline(text)
    .filter((part): part is string => typeof part === "string")
    .join("")
    .split("*").length - 1;
}

describe("stray asterisks", () => {
  it("accepts balanced strong and emphasis, in English and Korean", () => {
    expect(linesOf("A **container** is *one* process.")).toEqual([]);
    expect(linesOf("컨테이너는 **호스트의 커널을 공유합니다**(커널 공유, sharing the kernel).")).toEqual([]);
    expect(linesOf("*게스트 OS*(guest OS)라고 하고, **격리**(isolation)되어")).toEqual([]);
  });

  it("reports the Korean mistake that showed asterisks to learners, at each stray asterisk's line", () => {
    const text = "컨테이너는 **호스트의 커널을 공유합니다*(커널 공유,\nsharing the kernel)*. 관점일 뿐입니다.";
    expect(shownAsterisks(text.replace("\n", " "))).toBeGreaterThan(0);
    expect(linesOf(text)).toEqual([10, 11]);
  });

  it("reports an unclosed `**` and emphasis nested in strong", () => {
    expect(linesOf("This is **not closed.")).toEqual([10]);
    expect(linesOf("a **b *c* d** e").length).toBeGreaterThan(0);
  });

  it("follows emphasis across the lines of one paragraph, as the renderer joins them", () => {
    expect(linesOf("A **mount namespace** (a mount\ntable of its own), and **pivot_root**.")).toEqual([]);
    expect(linesOf("A **mount\nnamespace** of its own.")).toEqual([]);
  });

  it("ignores asterisks in code spans and list markers, and starts a new piece at each list item", () => {
    expect(linesOf("Match `kernel.shm*` and `ls *.md`.")).toEqual([]);
    expect(linesOf("* one **item**\n* another *item*")).toEqual([]);
    expect(linesOf("- a **first\n- second** item")).toEqual([10, 11]);
  });

  it("checks headings on their own", () => {
    expect(linesOf("### A *heading {#x}")).toEqual([10]);
    expect(linesOf("### A *heading* {#x}\nthen *text*")).toEqual([]);
  });

  it("agrees with the renderer: no report means no asterisk on screen", () => {
    for (const text of ["**a** *b* `c*`", "**격리**(isolation)되어", "x **y *z* w** v", "**open", "a * b"]) {
      const reported = paragraphEmphasisProblems(lines(text)).some((p) => p.message.startsWith("stray"));
      expect(reported, text).toBe(shownAsterisks(text) > 0);
    }
  });
});

describe("emphasis CommonMark would not close", () => {
  it("reports a closing run between punctuation and a letter", () => {
    const problems = paragraphEmphasisProblems(lines("이것은 **격리(isolation)**입니다."));
    expect(problems).toEqual([{ line: 10, message: expect.stringMatching(/does not end the emphasis/) as string }]);
  });
});

describe("inline texts", () => {
  it("reports labels and hints at the line of their key", () => {
    expect(inlineEmphasisProblems("Run **this* now", 7).map((p) => p.line)).toEqual([7]);
    expect(inlineEmphasisProblems("Run **this** now", 7)).toEqual([]);
  });
});
