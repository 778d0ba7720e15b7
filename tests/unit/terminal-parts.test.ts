// Solutions and mistakes typed into several terminals: how a script is cut at its `# terminal N`
// lines, and how the validator treats a line that only looks like a switch.
import { describe, expect, it } from "vitest";
import { compileCheck, typingHazards } from "../../src/exercises/checks.ts";
import { terminalParts, terminalPort, terminalSwitchProblems } from "../../src/exercises/terminal-parts.ts";

describe("terminalParts", () => {
  it("types a script without switches into terminal 1", () => {
    expect(terminalParts("echo one\necho two\n")).toEqual([{ terminal: 1, text: "echo one\necho two\n" }]);
  });

  it("cuts at each switch, in order, leaving out empty runs", () => {
    const script = "# terminal 2\nps\n\n# terminal 1\nexit\n# terminal 3\n# terminal 2\necho $$\n";
    expect(terminalParts(script)).toEqual([
      { terminal: 2, text: "ps\n\n" },
      { terminal: 1, text: "exit\n" },
      { terminal: 2, text: "echo $$\n" },
    ]);
  });

  it("types an ordinary comment that mentions a terminal as a comment", () => {
    expect(terminalParts("# the terminal 2 shell is elsewhere\nps\n")).toEqual([
      { terminal: 1, text: "# the terminal 2 shell is elsewhere\nps\n" },
    ]);
  });

  it("maps terminals to their serial lines", () => {
    expect([1, 2, 3].map(terminalPort)).toEqual([0, 2, 3]);
  });
});

describe("terminal switches in the validator", () => {
  it("accepts the exact form for terminals 1 to 3", () => {
    expect(terminalSwitchProblems("# terminal 2\nps\n# terminal 3\n# terminal 1\n")).toEqual([]);
  });

  it("reports a switch to a terminal the lab does not have, and one in another form", () => {
    expect(terminalSwitchProblems("# terminal 4\nps")).toEqual([expect.stringMatching(/names a terminal the lab does not have/)]);
    expect(terminalSwitchProblems("#terminal 2")).toEqual([expect.stringMatching(/write `# terminal N` alone/)]);
    expect(terminalSwitchProblems("  # Terminal two: the host")).toHaveLength(1);
    expect(typingHazards("# terminal 9\nls")).toEqual([expect.stringMatching(/does not have/)]);
  });
});

describe("a process check that names a terminal", () => {
  it("keeps only processes whose controlling terminal is that terminal's serial line", () => {
    const check = compileCheck({ kind: "process", comm: "^sh$", terminal: 2, namespaces: { pid: "new" } });
    expect(check.script).toContain('lab_in_terminal "$_pid" 2 || continue');
  });
});
