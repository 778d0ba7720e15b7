// The course's elements show a step's and a challenge's prose, compiled from markdown as the build does,
// in a real DOM: what a learner reads, with the elements' own wiring (contexts, shadow roots) in place.
import { ContextProvider } from "@lit/context";
import { afterEach, describe, expect, it } from "vitest";
// The page's colours and sizes (custom properties the elements' styles use), as src/main.ts loads them.
import "../../src/page.css";
import "../../src/course/lab-challenge.ts";
import "../../src/course/lab-course-step.ts";
import { progressContext } from "../../src/course/progress-context.ts";
import { ProgressStore } from "../../src/course/progress-store.ts";
import type { ChallengeLesson } from "../../src/exercises/challenge-model.ts";
import type { Locale } from "../../src/exercises/locales.ts";
import { compileMarkdown } from "../../src/exercises/markdown-compile.ts";
import type { MarkdownTree } from "../../src/exercises/markdown-model.ts";
import type { Lesson } from "../../src/exercises/model.ts";
import { localeContext } from "../../src/i18n/locale-context.ts";

let page: HTMLElement | undefined;
afterEach(() => page?.remove());

function tree(markdown: string): MarkdownTree {
  const { tree, problems } = compileMarkdown(markdown, 1);
  expect(problems).toEqual([]);
  return tree;
}

/** A page that provides what <lab-app> provides to the course (progress kept in memory, a locale). */
async function mount<T extends HTMLElement>(tag: string, locale: Locale, set: (element: T) => void): Promise<ShadowRoot> {
  page = document.createElement("div");
  new ContextProvider(page, { context: progressContext, initialValue: new ProgressStore(undefined) });
  new ContextProvider(page, { context: localeContext, initialValue: locale });
  const element = document.createElement(tag) as T & { updateComplete: Promise<boolean> };
  set(element);
  page.append(element);
  document.body.append(page);
  await element.updateComplete;
  return element.shadowRoot!;
}

const lesson: Lesson = {
  id: "demo",
  order: 1,
  locale: "ko",
  title: "데모",
  summary: "요약",
  intro: [{ kind: "markdown", content: tree("들어가며: **컨테이너**는 프로세스입니다.") }],
  steps: [
    {
      id: "look",
      title: "살펴보기",
      blocks: [
        { kind: "markdown", content: tree("다음 순서로 합니다:\n1. 셸을 엽니다\n2. `ps`를 실행합니다\n   - 출력을 읽습니다") },
        { kind: "command", id: "ps", command: "ps -ef" },
        { kind: "markdown", content: tree("> 네임스페이스는 보이는 것을 바꿉니다.\n\n| 파일 | 뜻 |\n|---|---|\n| `cpu.max` | 상한 |") },
      ],
      commands: [{ id: "ps", command: "ps -ef" }],
      checks: [],
      solution: "ps -ef",
      mistakes: [],
    },
  ],
};

describe("<lab-course-step>", () => {
  it("shows the step's prose: the introduction, an ordered list with a nested list, a quote and a table, around its command", async () => {
    const root = await mount<HTMLElement & { lesson: Lesson; index: number }>("lab-course-step", "ko", (step) => {
      step.lesson = lesson;
      step.index = 0;
    });
    const body = root.querySelector('[data-testid="course-step"]')!;
    expect(body.querySelector("h2 + p")!.textContent).toBe("들어가며: 컨테이너는 프로세스입니다.");
    expect(body.querySelector("h3 + p")!.textContent).toBe("다음 순서로 합니다:");
    expect([...body.querySelectorAll("ol > li")].map((li) => li.textContent)).toEqual(["셸을 엽니다", "ps를 실행합니다출력을 읽습니다"]);
    expect(body.querySelector("ol > li > ul > li")!.textContent).toBe("출력을 읽습니다");
    const command = body.querySelector('[data-testid="command"]')!;
    expect(command.previousElementSibling!.localName).toBe("ol");
    expect(command.nextElementSibling!.localName).toBe("blockquote");
    expect([...body.querySelectorAll("table th, table td")].map((cell) => cell.textContent)).toEqual(["파일", "뜻", "cpu.max", "상한"]);
  });

  it("styles the table and the quote (the prose styles reach the new blocks)", async () => {
    const root = await mount<HTMLElement & { lesson: Lesson; index: number }>("lab-course-step", "ko", (step) => {
      step.lesson = lesson;
    });
    const cell = root.querySelector("td")!;
    const quote = root.querySelector("blockquote")!;
    expect(getComputedStyle(cell).borderBottomStyle).toBe("solid");
    expect(getComputedStyle(quote).borderLeftStyle).toBe("solid");
  });
});

describe("<lab-challenge>", () => {
  it("shows the goal's prose", async () => {
    const challenge: ChallengeLesson = {
      id: "box",
      order: 1,
      topic: "namespaces",
      locale: "en",
      title: "A box",
      summary: "s",
      goal: tree("Reach this:\n1. a **sleep** with its own hostname\n2. nothing else renamed"),
      checks: [],
      hints: ["Think about UTS."],
      solution: "unshare --uts sleep 300 &",
      solutionTitle: "Why",
      explanation: tree("The UTS namespace holds the hostname."),
    };
    const root = await mount<HTMLElement & { challenge: ChallengeLesson }>("lab-challenge", "en", (element) => {
      element.challenge = challenge;
    });
    const goal = root.querySelector('[data-testid="challenge-goal"]')!;
    expect([...goal.children].map((child) => child.localName)).toEqual(["p", "ol"]);
    expect(goal.querySelector("ol > li strong")!.textContent).toBe("sleep");
  });
});
