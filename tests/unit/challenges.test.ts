// The challenge format: what a valid folder loads to, how each authoring mistake is reported (file,
// line, field), the course's own challenges, and challenges carried by a content pack.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadChallenges } from "../../src/exercises/challenge-loader.ts";
import { localizeChallenge } from "../../src/exercises/challenge-model.ts";
import { CHALLENGE_TOPICS } from "../../src/exercises/challenge-schema.ts";
import { loadCourseWithPacks } from "../../src/exercises/course-packs.ts";
import { formatProblem, type ContentFile } from "../../src/exercises/loader.ts";
import { loadChallengesFromDir } from "../../src/exercises/node-loader.ts";
import { readCourse, readPack } from "../../src/exercises/pack-folders.ts";

const SHARED = `---
minutes: 5
topic: namespaces
checks:
  renamed:
    kind: shell
    run: |
      [ "$(hostname)" = lab ]
  sleeping:
    kind: process
    comm: ^sleep$
hints:
  - first
  - second
solution: |
  unshare --uts sleep 300 &
mistakes:
  - why: renames the host
    script: hostname box
  - why: no namespace
    script: |
      sleep 300 &
---
`;

const EN = `---
title: A name of its own
summary: Rename a sleep.
checks:
  renamed: { label: the host is lab, hint: keep the host's name }
  sleeping: { label: a sleep runs, hint: start one }
hints:
  first: Think about UTS.
  second: "\`unshare --uts\`"
---
Give a **sleep** its own hostname.

## Why it works {#solution}

The UTS namespace holds the hostname.
`;

const KO = EN.replace("title: A name of its own", "title: 자기 이름").replace("## Why it works", "## 풀이");

function files(overrides: Record<string, string | undefined> = {}): ContentFile[] {
  const all: Record<string, string | undefined> = { "challenge.md": SHARED, "en.md": EN, "ko.md": KO, ...overrides };
  return Object.entries(all)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, text]) => ({ path: `07-name-of-its-own/${name}`, text }));
}

function problems(overrides: Record<string, string | undefined>): string[] {
  return loadChallenges(files(overrides), { displayRoot: "src/challenges/" }).problems.map(formatProblem);
}

describe("challenge loader", () => {
  it("loads a valid folder with its checks, hints in order, solution and mistakes", () => {
    const { challenges, problems: found } = loadChallenges(files());
    expect(found).toEqual([]);
    const challenge = challenges[0]!;
    expect(challenge).toMatchObject({ id: "name-of-its-own", order: 7, topic: "namespaces", minutes: 5, hints: ["first", "second"] });
    expect(challenge.checks.map((c) => c.id)).toEqual(["renamed", "sleeping"]);
    expect(challenge.mistakes).toEqual([
      { why: "renames the host", script: "hostname box" },
      { why: "no namespace", script: "sleep 300 &" },
    ]);
    const ko = localizeChallenge(challenge, "ko");
    expect(ko.title).toBe("자기 이름");
    expect(ko.hints).toEqual(["Think about UTS.", "`unshare --uts`"]);
    expect(ko.goal).toEqual([
      { type: "paragraph", children: ["Give a ", { type: "strong", children: ["sleep"] }, " its own hostname."] },
    ]);
    expect(ko.solutionTitle).toBe("풀이");
    expect(ko.explanation).toEqual([{ type: "paragraph", children: ["The UTS namespace holds the hostname."] }]);
    expect(ko.checks[1]).toMatchObject({ id: "sleeping", label: "a sleep runs", hint: "start one" });
  });

  it("reports format problems with file, line and field", () => {
    expect(problems({ "challenge.md": SHARED.replace("topic: namespaces", "topic: kernels") })).toEqual([
      expect.stringMatching(/^src\/challenges\/07-name-of-its-own\/challenge\.md:3: topic: "kernels" is not allowed \(expected one of: namespaces/),
    ]);
    expect(problems({ "challenge.md": SHARED.replace("  - second\n", "") })).toEqual([
      "src/challenges/07-name-of-its-own/challenge.md:12: hints: a challenge offers 2 to 4 hints",
    ]);
    expect(problems({ "challenge.md": SHARED.replace(/ {2}- why: no namespace\n {4}script: \|\n {6}sleep 300 &\n/, "") })).toEqual([
      "src/challenges/07-name-of-its-own/challenge.md:17: mistakes: a challenge lists at least 2 mistakes",
    ]);
    expect(problems({ "challenge.md": SHARED.replace(`[ "$(hostname)" = lab ]`, "hostname box") })).toEqual([
      "src/challenges/07-name-of-its-own/challenge.md:8: checks.renamed.run: checks must be read-only, but this one sets the hostname",
    ]);
    expect(problems({ "challenge.md": SHARED.replace("script: hostname box", "script: less /etc/hosts") })).toEqual([
      "src/challenges/07-name-of-its-own/challenge.md:19: mistakes[0].script: the mistake runs `less`, which waits for keys instead of running to the end",
    ]);
  });

  it("cross-checks each locale against challenge.md", () => {
    expect(problems({ "en.md": EN.replace("  second: \"`unshare --uts`\"\n", "  third: extra\n") })).toEqual([
      "src/challenges/07-name-of-its-own/en.md:7: hints.second: missing the text of hint \"second\" (challenge.md:14)",
      "src/challenges/07-name-of-its-own/en.md:9: hints.third: there is no hint \"third\" in challenge.md (its hints: first, second)",
    ]);
    expect(problems({ "ko.md": KO.replace("  sleeping: { label: a sleep runs, hint: start one }\n", "") })).toEqual([
      "src/challenges/07-name-of-its-own/ko.md:4: checks.sleeping: missing the label and hint of check \"sleeping\" (challenge.md:9)",
    ]);
    expect(problems({ "ko.md": undefined })).toEqual([
      "src/challenges/07-name-of-its-own/ko.md: missing locale: every challenge is written in en and ko",
    ]);
  });

  it("requires a goal and a solution section, and refuses commands", () => {
    expect(problems({ "en.md": EN.replace("Give a **sleep** its own hostname.\n", "") })).toEqual([
      "src/challenges/07-name-of-its-own/en.md:11: the goal is missing: write it as the text before the `{#solution}` section",
    ]);
    expect(problems({ "en.md": EN.replace("{#solution}", "{#explained}") })).toEqual([
      "src/challenges/07-name-of-its-own/en.md:11: no section explaining the solution: add a heading `## Title {#solution}` after the goal",
      "src/challenges/07-name-of-its-own/en.md:13: a challenge has one section, {#solution}, after the goal; found {#explained}",
    ]);
    expect(problems({ "en.md": EN.replace("Give a", "{{command start}}\n\nGive a") })).toEqual([
      "src/challenges/07-name-of-its-own/en.md:11: a challenge gives no commands: state the goal and leave the way to the learner (hints may name tools)",
    ]);
  });
});

describe("the course's challenges", () => {
  const { challenges, problems: found } = loadChallengesFromDir();

  it("are valid: ten or more, every topic, 2-4 hints and at least two mistakes each", { timeout: 30_000 }, () => {
    expect(found.map(formatProblem)).toEqual([]);
    expect(challenges.length).toBeGreaterThanOrEqual(10);
    expect(new Set(challenges.map((c) => c.topic))).toEqual(new Set(CHALLENGE_TOPICS));
    for (const challenge of challenges) {
      expect(challenge.hints.length, challenge.id).toBeGreaterThanOrEqual(2);
      expect(challenge.hints.length, challenge.id).toBeLessThanOrEqual(4);
      expect(challenge.mistakes.length, challenge.id).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("challenges in a content pack", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "challenge-pack-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function writePack(folder: string): string {
    const pack = path.join(dir, folder);
    for (const file of files()) {
      const target = path.join(pack, "challenges", file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.text);
    }
    return pack;
  }

  it("are listed after the course's, and a second challenge with the same id is refused", { timeout: 30_000 }, () => {
    const course = readCourse();
    const result = loadCourseWithPacks(course, [readPack(writePack("school"))]);
    expect(result.problems).toEqual([]);
    expect(result.challenges.at(-1)).toMatchObject({ id: "name-of-its-own" });
    const twice = loadCourseWithPacks(course, [readPack(path.join(dir, "school")), readPack(writePack("other"))]);
    expect(twice.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/other\/challenges\/07-name-of-its-own\/challenge\.md: challenge id "name-of-its-own" is already used by .*school\/challenges\/07-name-of-its-own\/challenge\.md/),
    ]);
  });
});
