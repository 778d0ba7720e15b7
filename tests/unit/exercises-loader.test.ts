// The exercise format: what a valid folder loads to, and how each kind of authoring mistake is
// reported (file, line of the front matter key, field, and a message that says what to do).
import { describe, expect, it } from "vitest";
import { formatProblem, loadExercises, type ContentFile, type ContentProblem } from "../../src/exercises/loader.ts";
import type { MarkdownTree } from "../../src/exercises/markdown-model.ts";
import { localize } from "../../src/exercises/model.ts";

/** expect.stringMatching, typed (it returns `any`). */
function matching(pattern: RegExp): string {
  return expect.stringMatching(pattern) as string;
}

const SHARED = `---
minutes: 5
steps:
  - id: start
    commands:
      run: sleep 100 &
      look: ps
    checks:
      running:
        kind: process
        comm: ^sleep$
      saved:
        kind: file
        path: /tmp/out
        matches: ^hello
    solution: sleep 100 &
  - id: ask
    solution: uname -r
    question:
      answer: uname -r
---
`;

const EN = `---
title: Demo
summary: A demo exercise.
steps:
  start:
    checks:
      running: { label: sleep runs, hint: start it }
      saved: { label: file saved, hint: save it }
  ask:
    question: { prompt: Which kernel?, hint: uname -r }
---
Intro text.

## Start something {#start}

Prose before.

{{command run}}

Prose after.

## Ask {#ask}

Question time.

## Recap {#recap}

Done.
`;

const KO = EN.replace("title: Demo", "title: 데모").replace("A demo exercise.", "데모 실습입니다.");

function files(overrides: Record<string, string | undefined> = {}, folder = "01-demo"): ContentFile[] {
  const base: Record<string, string | undefined> = { "exercise.md": SHARED, "en.md": EN, "ko.md": KO, ...overrides };
  return Object.entries(base)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, text]) => ({ path: `${folder}/${name}`, text }));
}

function problemsOf(overrides: Record<string, string | undefined>): ContentProblem[] {
  return [...loadExercises(files(overrides), { displayRoot: "src/content/" }).problems];
}

/** The 1-based line of the first occurrence of `needle` in `text`. */
/** One paragraph of plain text, as the loader compiles it. */
function prose(text: string): MarkdownTree {
  return [{ type: "paragraph", children: [text] }];
}

function lineOf(text: string, needle: string, from = 0): number {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return text.slice(0, index).split("\n").length;
}

describe("a valid exercise", () => {
  it("loads with its steps, checks, commands and both locales", () => {
    const result = loadExercises(files());
    expect(result.problems).toEqual([]);
    const [exercise] = result.exercises;
    expect(exercise).toMatchObject({ id: "demo", order: 1, folder: "01-demo", minutes: 5 });
    expect(exercise!.steps.map((s) => s.id)).toEqual(["start", "ask"]);
    expect(exercise!.steps[0]!.checks.map((c) => [c.id, c.kind])).toEqual([
      ["running", "process"],
      ["saved", "file"],
    ]);
    expect(exercise!.steps[0]!.checks[1]).toMatchObject({ script: "cat -- '/tmp/out'", expect: { exitCode: 0, stdout: "^hello" } });
    expect(exercise!.steps[1]!.question).toMatchObject({ answer: "uname -r", compare: "text", tolerance: 0 });
    expect(exercise!.text.ko.title).toBe("데모");
  });

  it("localizes: prose with commands in place, unplaced commands last, labels and hints merged", () => {
    const [exercise] = loadExercises(files()).exercises;
    const lesson = localize(exercise!, "en");
    expect(lesson.intro).toEqual([{ kind: "markdown", content: prose("Intro text.") }]);
    expect(lesson.steps[0]).toMatchObject({ id: "start", title: "Start something", solution: "sleep 100 &" });
    expect(lesson.steps[0]!.blocks).toEqual([
      { kind: "markdown", content: prose("Prose before.") },
      { kind: "command", id: "run", command: "sleep 100 &" },
      { kind: "markdown", content: prose("Prose after.") },
      { kind: "command", id: "look", command: "ps" },
    ]);
    expect(lesson.steps[0]!.checks[0]).toMatchObject({ id: "running", label: "sleep runs", hint: "start it", kind: "process" });
    expect(lesson.steps[1]!.question).toMatchObject({ prompt: "Which kernel?", hint: "uname -r", answer: "uname -r" });
    expect(lesson.recap).toEqual({ title: "Recap", blocks: [{ kind: "markdown", content: prose("Done.") }] });
  });

  it("ignores headings inside code blocks", () => {
    const en = EN.replace("Prose before.", "```sh\n## not a step\n```");
    expect(problemsOf({ "en.md": en })).toEqual([]);
  });
});

describe("problems name the file, the line and the field", () => {
  it("a missing field", () => {
    const shared = SHARED.replace("    solution: sleep 100 &\n", "");
    const problems = problemsOf({ "exercise.md": shared });
    expect(problems).toEqual([
      {
        file: "src/content/01-demo/exercise.md",
        line: lineOf(shared, "- id: start") ,
        field: "steps[0].solution",
        message: "missing field",
      },
    ]);
    expect(formatProblem(problems[0]!)).toBe(`src/content/01-demo/exercise.md:${lineOf(shared, "- id: start")}: steps[0].solution: missing field`);
  });

  it("an unknown check kind, on the line of its `kind` key", () => {
    const shared = SHARED.replace("kind: file", "kind: files");
    const [problem, ...rest] = problemsOf({ "exercise.md": shared });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      file: "src/content/01-demo/exercise.md",
      line: lineOf(shared, "kind: files"),
      field: "steps[0].checks.saved.kind",
    });
    expect(problem!.message).toBe('unknown check kind "files" (expected one of: shell, file, process)');
  });

  it("a check without a kind", () => {
    const shared = SHARED.replace("        kind: process\n", "");
    const [problem] = problemsOf({ "exercise.md": shared });
    expect(problem).toMatchObject({ field: "steps[0].checks.running.kind", message: matching(/missing check kind/) });
  });

  it("an unknown field", () => {
    const shared = SHARED.replace("        comm: ^sleep$", "        comm: ^sleep$\n        pid: 1");
    const [problem] = problemsOf({ "exercise.md": shared });
    expect(problem).toMatchObject({ line: lineOf(shared, "pid: 1"), field: "steps[0].checks.running.pid", message: "unknown field" });
  });

  it("a wrong type and an invalid id", () => {
    const shared = SHARED.replace("minutes: 5", "minutes: soon").replace("- id: ask", "- id: Ask");
    const problems = problemsOf({ "exercise.md": shared });
    expect(problems).toContainEqual(expect.objectContaining({ line: 2, field: "minutes", message: 'expected number, found "soon"' }));
    expect(problems).toContainEqual(
      expect.objectContaining({ line: lineOf(shared, "- id: Ask"), field: "steps[1].id", message: matching(/lowercase/) }),
    );
  });

  it("an invalid regular expression", () => {
    const shared = SHARED.replace("matches: ^hello", "matches: ^(hello");
    const [problem] = problemsOf({ "exercise.md": shared });
    expect(problem).toMatchObject({ line: lineOf(shared, "matches:"), field: "steps[0].checks.saved.matches" });
    expect(problem!.message).toMatch(/not a valid regular expression/);
  });

  it("a YAML syntax error", () => {
    const shared = SHARED.replace("      look: ps", "      look: ps: -ef");
    const [problem] = problemsOf({ "exercise.md": shared });
    expect(problem).toMatchObject({ file: "src/content/01-demo/exercise.md", line: lineOf(shared, "look: ps") });
    expect(problem!.message).toMatch(/^YAML: /);
  });

  it("a file without front matter", () => {
    const [problem] = problemsOf({ "ko.md": "# Hello\n" });
    expect(problem).toMatchObject({ file: "src/content/01-demo/ko.md", line: 1, message: matching(/front matter/) });
  });

  it("a step with neither checks nor a question", () => {
    const shared = SHARED.replace("    question:\n      answer: uname -r\n", "");
    const problems = problemsOf({ "exercise.md": shared });
    expect(problems).toContainEqual(
      expect.objectContaining({ file: "src/content/01-demo/exercise.md", field: "steps[1].checks", message: matching(/at least one check or a question/) }),
    );
  });

  it("a check that would change the guest", () => {
    const shared = SHARED.replace(
      "      saved:\n        kind: file",
      "      cleaned:\n        kind: shell\n        run: rm -f /tmp/out; mount | grep -q x\n      saved:\n        kind: file",
    );
    const en = EN.replace("saved: { label", "cleaned: { label: c, hint: c }\n      saved: { label");
    const problems = problemsOf({ "exercise.md": shared, "en.md": en, "ko.md": en });
    expect(problems).toContainEqual({
      file: "src/content/01-demo/exercise.md",
      line: lineOf(shared, "run: rm"),
      field: "steps[0].checks.cleaned.run",
      message: "checks must be read-only, but this one runs `rm`, which changes the guest",
    });
  });

  it("a solution that cannot be typed", () => {
    const shared = SHARED.replace("    solution: uname -r", "    solution: |\n      less /etc/motd");
    const problems = problemsOf({ "exercise.md": shared });
    expect(problems).toEqual([
      expect.objectContaining({ field: "steps[1].solution", message: matching(/runs `less`, which waits for keys/) }),
    ]);
  });
});

describe("mistakes and targeted hints", () => {
  const withMistakes = SHARED.replace(
    "    solution: sleep 100 &\n",
    `    solution: sleep 100 &
    mistakes:
      - why: started it in the foreground
        script: |
          sleep 1
        hint: no-sleep
`,
  ).replace(
    "        comm: ^sleep$\n",
    `        comm: ^sleep$
        hintchecks:
          no-sleep: '! pidof sleep'
`,
  );
  const hinted = (text: string): string => text.replace("running: { label: sleep runs, hint: start it }", "running: { label: sleep runs, hint: start it, hints: { no-sleep: nothing sleeps } }");

  it("load with the step, and localize into the check's targeted hints", () => {
    const result = loadExercises(files({ "exercise.md": withMistakes, "en.md": hinted(EN), "ko.md": hinted(KO) }));
    expect(result.problems).toEqual([]);
    const step = result.exercises[0]!.steps[0]!;
    expect(step.mistakes).toEqual([{ why: "started it in the foreground", script: "sleep 1", hint: "no-sleep" }]);
    expect(step.checks[0]!.hintchecks).toEqual([{ id: "no-sleep", script: "! pidof sleep" }]);
    const lesson = localize(result.exercises[0]!, "en");
    expect(lesson.steps[0]!.checks[0]!.hintchecks).toEqual([{ id: "no-sleep", script: "! pidof sleep", hint: "nothing sleeps" }]);
    expect(lesson.steps[0]!.mistakes).toHaveLength(1);
  });

  it("a mistake without its script, a hint no hintcheck offers, and a hintcheck without its text", () => {
    const shared = withMistakes.replace("        script: |\n          sleep 1\n", "").replace("hint: no-sleep", "hint: other");
    const problems = problemsOf({ "exercise.md": shared });
    expect(problems).toContainEqual(expect.objectContaining({ field: "steps[0].mistakes[0].script", message: "missing field" }));
    const wrongHint = problemsOf({ "exercise.md": withMistakes.replace("hint: no-sleep", "hint: other") });
    expect(wrongHint).toContainEqual(
      expect.objectContaining({
        line: lineOf(withMistakes, "hint: no-sleep"),
        field: "steps[0].mistakes[0].hint",
        message: matching(/no check of this step has a hintcheck "other" \(its hintchecks: no-sleep\)/),
      }),
    );
    const untranslated = problemsOf({ "exercise.md": withMistakes, "en.md": hinted(EN) });
    expect(untranslated).toEqual([
      expect.objectContaining({ file: "src/content/01-demo/ko.md", field: "steps.start.checks.running.hints.no-sleep", message: matching(/missing the hint of hintcheck "no-sleep"/) }),
    ]);
  });

  it("a mistake on a step without checks, and a wrong answer for a question", () => {
    const shared = SHARED.replace(
      "    solution: uname -r\n    question:\n      answer: uname -r\n",
      "    solution: uname -r\n    mistakes:\n      - why: w\n        script: uname -m\n    question:\n      answer: uname -r\n      mistakes:\n        - why: the machine\n          answer: i686\n",
    );
    const result = loadExercises(files({ "exercise.md": shared }));
    expect(result.problems.map(formatProblem)).toEqual([
      `01-demo/exercise.md:${lineOf(shared, "    mistakes:")}: steps[1].mistakes: a step without checks cannot prove a mistake fails: give its question \`mistakes:\` (wrong answers) instead`,
    ]);
    const answersOnly = shared.replace("    mistakes:\n      - why: w\n        script: uname -m\n", "");
    const loaded = loadExercises(files({ "exercise.md": answersOnly }));
    expect(loaded.problems).toEqual([]);
    expect(loaded.exercises[0]!.steps[1]!.question!.mistakes).toEqual([{ why: "the machine", answer: "i686" }]);
  });

  it("a hintcheck that would change the guest, at its own line", () => {
    const shared = withMistakes.replace("no-sleep: '! pidof sleep'", "no-sleep: |\n            pidof sleep\n            mktemp >/dev/null");
    const problems = problemsOf({ "exercise.md": shared, "en.md": hinted(EN), "ko.md": hinted(KO) });
    expect(problems).toEqual([
      expect.objectContaining({ line: lineOf(shared, "mktemp"), field: "steps[0].checks.running.hintchecks.no-sleep", message: matching(/hintchecks must be read-only, but this one runs `mktemp`/) }),
    ]);
  });
});

describe("read-only checks: every offending command at its own line", () => {
  it("reports each command of a block script where it is written", () => {
    const shared = SHARED.replace(
      "      saved:\n        kind: file",
      "      cleaned:\n        kind: shell\n        run: |\n          grep -q x /proc/mounts\n          f=$(mktemp)\n          awk '{ print > \"/tmp/copy\" }' /etc/hostname\n          rm -f /tmp/out\n      saved:\n        kind: file",
    );
    const en = EN.replace("saved: { label", "cleaned: { label: c, hint: c }\n      saved: { label");
    const problems = problemsOf({ "exercise.md": shared, "en.md": en, "ko.md": en });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [lineOf(shared, "f=$(mktemp)"), "checks must be read-only, but this one runs `mktemp`, which changes the guest"],
      [lineOf(shared, "awk '{"), "checks must be read-only, but this one writes from awk into a file or a command (`print >` or `print |`)"],
      [lineOf(shared, "rm -f /tmp/out"), "checks must be read-only, but this one runs `rm`, which changes the guest"],
    ]);
  });
});

describe("YAML errors in plain words", () => {
  it("a value with `: ` in it, at its line", () => {
    const shared = SHARED.replace("      look: ps", "      look: ps: -ef");
    const [problem] = problemsOf({ "exercise.md": shared });
    expect(problem).toMatchObject({ line: lineOf(shared, "look: ps"), message: matching(/^YAML: a value on this line contains `: `.*quote the value/) });
  });

  it("a line indented with a tab, and a key given twice", () => {
    const tabbed = SHARED.replace("      look: ps", "\tlook: ps");
    expect(problemsOf({ "exercise.md": tabbed })[0]).toMatchObject({ line: lineOf(tabbed, "\tlook"), message: matching(/^YAML: .*tab/) });
    const twice = SHARED.replace("      look: ps", "      look: ps\n      look: ls");
    expect(problemsOf({ "exercise.md": twice })[0]).toMatchObject({ line: lineOf(twice, "look: ls"), message: matching(/^YAML: this key appears twice/) });
  });
});

describe("locales", () => {
  it("a file for an unsupported locale", () => {
    const problems = problemsOf({ "fr.md": EN });
    expect(problems).toEqual([
      { file: "src/content/01-demo/fr.md", line: 1, message: 'unsupported locale "fr": the files of an exercise are exercise.md, en.md, ko.md' },
    ]);
  });

  it("a missing locale", () => {
    expect(problemsOf({ "ko.md": undefined })).toEqual([
      { file: "src/content/01-demo/ko.md", message: "missing locale: every exercise is written in en and ko" },
    ]);
  });

  it("a missing exercise.md", () => {
    const problems = problemsOf({ "exercise.md": undefined });
    expect(problems).toEqual([expect.objectContaining({ file: "src/content/01-demo/exercise.md", message: matching(/^missing/) })]);
  });

  it("a step missing from one locale", () => {
    const ko = KO.replace("## Ask {#ask}\n\nQuestion time.\n\n", "");
    const problems = problemsOf({ "ko.md": ko });
    expect(problems).toEqual([
      {
        file: "src/content/01-demo/ko.md",
        line: lineOf(ko, "## Recap"),
        message: `no section for step "ask" (exercise.md:${lineOf(SHARED, "- id: ask")}): add a heading \`## Title {#ask}\``,
      },
    ]);
  });

  it("a section for a step that does not exist", () => {
    const ko = KO.replace("## Ask {#ask}", "## Ask {#asks}");
    const problems = problemsOf({ "ko.md": ko });
    expect(problems).toContainEqual({
      file: "src/content/01-demo/ko.md",
      line: lineOf(ko, "{#asks}"),
      message: "section {#asks} matches no step of exercise.md (its steps: start, ask)",
    });
    expect(problems).toContainEqual(expect.objectContaining({ message: matching(/no section for step "ask"/) }));
  });

  it("steps in another order than exercise.md", () => {
    const ko = KO.replace(
      /## Start something \{#start\}[\s\S]*?(?=## Ask)/,
      "",
    ).replace("## Recap", "## Start something {#start}\n\nText.\n\n## Recap");
    const problems = problemsOf({ "ko.md": ko });
    expect(problems).toEqual([
      { file: "src/content/01-demo/ko.md", line: lineOf(ko, "{#start}"), message: 'step "start" is out of order: exercise.md has start, ask' },
    ]);
  });

  it("a check without its label and hint in one locale", () => {
    const ko = KO.replace("      saved: { label: file saved, hint: save it }\n", "");
    const problems = problemsOf({ "ko.md": ko });
    expect(problems).toEqual([
      {
        file: "src/content/01-demo/ko.md",
        line: lineOf(ko, "  start:"),
        field: "steps.start.checks.saved",
        message: `missing the label and hint of check "saved" (exercise.md:${lineOf(SHARED, "- id: start")})`,
      },
    ]);
  });

  it("texts for a check or step that exercise.md does not have", () => {
    const ko = KO.replace("      saved: {", "      save: { label: x, hint: y }\n      saved: {").replace(
      "  ask:\n",
      "  asked:\n    question: { prompt: p, hint: h }\n  ask:\n",
    );
    const problems = problemsOf({ "ko.md": ko });
    expect(problems).toContainEqual({
      file: "src/content/01-demo/ko.md",
      line: lineOf(ko, "save: {"),
      field: "steps.start.checks.save",
      message: `step "start" has no check "save" in exercise.md (exercise.md:${lineOf(SHARED, "- id: start")})`,
    });
    expect(problems).toContainEqual({
      file: "src/content/01-demo/ko.md",
      line: lineOf(ko, "asked:"),
      field: "steps.asked",
      message: 'there is no step "asked" in exercise.md',
    });
  });

  it("a question prompt missing in one locale", () => {
    const ko = KO.replace("    question: { prompt: Which kernel?, hint: uname -r }\n", "    checks: {}\n");
    const problems = problemsOf({ "ko.md": ko });
    expect(problems).toEqual([expect.objectContaining({ file: "src/content/01-demo/ko.md", field: "steps.ask.question" })]);
  });

  it("a step heading without an id, and a placeholder for an unknown command", () => {
    const en = EN.replace("## Ask {#ask}", "## Ask").replace("{{command run}}", "{{command runs}}");
    const problems = problemsOf({ "en.md": en });
    expect(problems).toContainEqual({
      file: "src/content/01-demo/en.md",
      line: lineOf(en, "## Ask"),
      message: "a `##` heading starts a step and needs its id: `## Title {#step-id}` (use `###` inside a step)",
    });
    expect(problems).toContainEqual({
      file: "src/content/01-demo/en.md",
      line: lineOf(en, "{{command runs}}"),
      message: `step "start" has no command "runs" in exercise.md (exercise.md:${lineOf(SHARED, "- id: start")}; its commands: run, look)`,
    });
  });

  it("emphasis that markdown would not close before a Korean particle", () => {
    const ko = KO.replace("Question time.", "이것은 **격리(isolation)**입니다. 이것은 **격리**(isolation)입니다.");
    expect(problemsOf({ "ko.md": ko })).toEqual([
      {
        file: "src/content/01-demo/ko.md",
        line: lineOf(ko, "이것은 **격리(isolation)**"),
        message: matching(/does not end the emphasis/),
      },
    ]);
  });

  it("asterisks the course would show, in the prose and in a label, in either language", () => {
    const ko = KO.replace("Question time.", "컨테이너는 **호스트의 커널을 공유합니다(커널 공유,\nsharing the kernel)**입니다. 그리고 *열린");
    const en = EN.replace("running: { label: sleep runs, hint: start it }", "running: { label: sleep **runs, hint: start it }");
    expect(problemsOf({ "ko.md": ko, "en.md": en })).toEqual([
      {
        file: "src/content/01-demo/en.md",
        line: lineOf(en, "running: {"),
        field: "steps.start.checks.running.label",
        message: matching(/^stray `\*\*`/),
      },
      { file: "src/content/01-demo/ko.md", line: lineOf(ko, "컨테이너는 **"), message: matching(/^stray `\*\*` near "컨테이너는/) },
      // Two mistakes on one line are one report, the more specific one.
      { file: "src/content/01-demo/ko.md", line: lineOf(ko, "sharing the kernel)**"), message: matching(/^`\*\*` after "\)" and right before "입"/) },
    ]);
  });

  it("markdown the course cannot show, at its line in the file", () => {
    const en = EN.replace("Prose after.", "Prose after.\n\n- a list\n  <b>raw</b> and ![a picture](p.png)\n\n[away](ftp://example.org)");
    expect(problemsOf({ "en.md": en })).toEqual([
      { file: "src/content/01-demo/en.md", line: lineOf(en, "<b>raw</b>"), message: matching(/^raw HTML/) },
      { file: "src/content/01-demo/en.md", line: lineOf(en, "<b>raw</b>"), message: matching(/^raw HTML/) },
      { file: "src/content/01-demo/en.md", line: lineOf(en, "<b>raw</b>"), message: matching(/^images are not shown/) },
      { file: "src/content/01-demo/en.md", line: lineOf(en, "[away]"), message: matching(/not an http\(s\) address/) },
    ]);
  });

  it("a recap that is not last", () => {
    const en = EN.replace("## Ask {#ask}\n\nQuestion time.\n\n## Recap {#recap}\n\nDone.\n", "## Recap {#recap}\n\nDone.\n\n## Ask {#ask}\n\nQ.\n");
    expect(problemsOf({ "en.md": en })).toEqual([
      { file: "src/content/01-demo/en.md", line: lineOf(en, "{#recap}"), message: "the {#recap} section must be the last one" },
    ]);
  });
});

describe("folders", () => {
  it("a folder name without a number", () => {
    const result = loadExercises(files({}, "demo"));
    expect(result.problems).toEqual([expect.objectContaining({ file: "demo/", message: matching(/<number>-<slug>/) })]);
    expect(result.exercises).toEqual([]);
  });

  it("two folders with the same number", () => {
    const result = loadExercises([...files({}, "01-demo"), ...files({}, "01-other")]);
    expect(result.problems).toEqual([{ file: "01-other/", message: "has the same order 1 as 01-demo/" }]);
  });

  it("reports every problem of every file at once", () => {
    const result = loadExercises([
      ...files({ "exercise.md": SHARED.replace("kind: file", "kind: nope") }, "01-demo"),
      ...files({ "ko.md": undefined }, "02-second"),
    ]);
    expect(result.problems.map((p) => p.file)).toEqual(["01-demo/exercise.md", "02-second/ko.md"]);
    expect(result.exercises).toEqual([]);
  });
});
