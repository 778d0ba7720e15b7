// The course panel against the real guest: the checks see what the learner did in the terminal. The
// reference solutions come from the exercise files (via the Node loader), so the tests follow the content.
import { localize, type Lesson } from "../src/exercises/model.ts";
import { loadExercisesFromDir } from "../src/exercises/node-loader.ts";
import { expect, test } from "./fixtures.ts";
import { CHECK_TIMEOUT_MS } from "./pages/course-panel.ts";
import type { LabPage } from "./pages/lab-page.ts";
import { SavedWorkPage } from "./pages/saved-work.ts";

const { exercises } = loadExercisesFromDir();

function lesson(folder: string, locale: "en" | "ko" = "en"): Lesson {
  const exercise = exercises.find((e) => e.folder === folder);
  if (!exercise) throw new Error(`no exercise ${folder}`);
  return localize(exercise, locale);
}

function step(l: Lesson, id: string) {
  const found = l.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id} in ${l.id}`);
  return found;
}

/** Runs `command` in the terminal and returns what it printed (one word), as a learner reads it off the screen. */
async function readFromTerminal(lab: LabPage, command: string): Promise<string> {
  const marker = `v${Date.now() % 100_000}`;
  await lab.run(`echo "${marker}=$(${command})=end"`);
  const pattern = new RegExp(`${marker}=([^$=\\s]+)=end`);
  await expect(lab.screen).toContainText(pattern, { useInnerText: true });
  const match = pattern.exec(await lab.screen.innerText());
  if (!match?.[1]) throw new Error(`no output of ${command}`);
  return match[1];
}

const CONTAINER = lesson("02-container-is-a-process");

test("learner can complete an exercise by typing its reference solution, and each step turns done", async ({ lab, course }) => {
  test.slow();
  await course.openExercise(CONTAINER.id);

  // 1. start-container: checks only.
  await course.expectStep(CONTAINER.id, "start-container");
  await course.typeSolution(step(CONTAINER, "start-container").solution);
  await course.expectStepDone();
  await expect(course.check("in-new-pid-namespace")).toHaveAttribute("data-status", "passed");
  await course.nextButton.click();

  // 2. find-from-host: a question whose answer the learner reads off the terminal.
  await course.expectStep(CONTAINER.id, "find-from-host");
  await expect(course.step).toHaveAttribute("data-done", "false");
  await course.typeSolution(step(CONTAINER, "find-from-host").solution);
  await course.answer(await readFromTerminal(lab, "pidof sleep"));
  await expect(course.answerResult).toHaveAttribute("data-correct", "true");
  await course.expectStepDone();
  await course.nextButton.click();

  // 3. look-inside: a check and a question.
  await course.expectStep(CONTAINER.id, "look-inside");
  await course.typeSolution(step(CONTAINER, "look-inside").solution);
  await expect(course.check("own-hostname")).toHaveAttribute("data-status", "passed", { timeout: CHECK_TIMEOUT_MS });
  await course.answer(await readFromTerminal(lab, "uname -r"));
  await expect(course.answerResult).toHaveAttribute("data-correct", "true");
  await course.expectStepDone();
  await expect(course.exerciseDone).toBeVisible();

  await course.overviewButton.click();
  await expect(course.exerciseEntry(CONTAINER.id)).toContainText("3/3 steps");
});

test("learner can see the hint of a check that fails", async ({ lab, course }) => {
  await course.openExercise(CONTAINER.id);
  await expect(lab.status).toHaveAttribute("data-phase", "ready");
  await course.checkNowButton.click();
  const check = course.check("in-new-pid-namespace");
  await expect(check).toHaveAttribute("data-status", "failed", { timeout: CHECK_TIMEOUT_MS });
  const hint = step(CONTAINER, "start-container").checks[0]!.hint.replace(/`/g, "");
  await expect(check.getByTestId("check-hint")).toBeVisible();
  await expect(check.getByTestId("check-hint")).toContainText(hint);
  await expect(course.stepDone).toHaveCount(0);
});

test("learner can reload the page and keeps their progress", async ({ lab, course, page }) => {
  await course.openExercise(CONTAINER.id);
  await course.typeSolution(step(CONTAINER, "start-container").solution);
  await course.expectStepDone();
  await course.nextButton.click();
  await course.expectStep(CONTAINER.id, "find-from-host");
  // The machine is saved when a step is done (the header says when); then the page is reloaded.
  const saved = new SavedWorkPage(page);
  await saved.expectSaved();

  await lab.reload();
  // The page offers the saved machine back, saying how old the save is.
  await expect(saved.resumeOffer).toContainText(/ago\)/);
  await saved.startFreshButton.click();
  await lab.expectReady("restore");
  // The same step is open again; the done step stays done although the new machine is pristine.
  await course.expectStep(CONTAINER.id, "find-from-host");
  await course.previousButton.click();
  await expect(course.step).toHaveAttribute("data-done", "true");
  await course.overviewButton.click();
  await expect(course.exerciseEntry(CONTAINER.id)).toContainText("1/3 steps");

  // Reset progress forgets it.
  await course.root.getByTestId("reset-progress").click();
  await course.root.getByTestId("reset-progress-confirm").click();
  await expect(course.exerciseEntry(CONTAINER.id)).toContainText("0/3 steps");
});

test("learner can click a command to paste it at the prompt, and run it with Enter", async ({ lab, course, page }) => {
  await course.openExercise(CONTAINER.id);
  const command = step(CONTAINER, "start-container").commands.find((c) => c.id === "start")!.command;
  await course.command("start").click();
  // Pasted, not run: the command waits at the prompt for the learner's Enter.
  await expect(lab.screen).toContainText(`root@lab:~# ${command}`, { useInnerText: true });
  await expect(course.check("in-new-pid-namespace")).toHaveAttribute("data-status", /pending|failed/);
  await page.keyboard.press("Enter");
  await course.expectStepDone();
});

test("learner can read a step's numbered points as a list", async ({ labPage: lab, course, page }) => {
  // src/content/11-mini-runtime/en.md, step "runtime": three numbered points after two commands.
  await page.goto("./#/mini-runtime/2");
  await lab.expectReady("restore");
  await course.expectStep("mini-runtime", "runtime");
  const points = course.step.getByRole("list").filter({ hasText: "overlay" }).getByRole("listitem");
  await expect(points).toHaveText([/^The container's root filesystem is an overlay/, /^Its cgroup under/, /^unshare creates new PID, mount/]);
  await expect(points.first().locator("strong")).toHaveText("overlay");
});

test("learner is told when stored progress cannot be read, and the course still works", async ({ labPage: lab, course, page }) => {
  await page.addInitScript(() => localStorage.setItem("isolation-lab.progress.v1", "{not json"));
  await lab.open();
  await expect(course.progressNotice).toBeVisible();
  await expect(course.exerciseEntry(CONTAINER.id)).toContainText("0/3 steps");
});

test.describe("in Korean", () => {
  test.use({ locale: "ko-KR" });

  test("learner can work through a step with the Korean UI", async ({ labPage: lab, course, page }) => {
    const ko = lesson("02-container-is-a-process", "ko");
    await lab.open();
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(lab.status).toHaveAttribute("data-phase", "ready", { timeout: 90_000 });
    await expect(lab.statusText).toContainText("준비 완료");
    await expect(lab.resetButton).toContainText("머신 초기화");
    await expect(course.overview).toContainText("코스 개요");
    await lab.expectPrompt();
    await expect(lab.screen).toContainText("브라우저 안에서 v86이 에뮬레이션하는 진짜 리눅스 커널", { useInnerText: true });

    await course.openExercise(ko.id);
    await expect(course.step).toContainText(ko.title);
    await expect(course.stepTitle).toHaveText(ko.steps[0]!.title);
    await expect(course.checkNowButton).toHaveText(/지금 확인|확인하는 중/);
    await course.typeSolution(ko.steps[0]!.solution);
    await course.expectStepDone();
    await expect(course.stepDone).toContainText("단계 완료");
    await expect(course.nextButton).toContainText("다음");
  });

  test("learner can switch the language back to English", async ({ labPage: lab, course, page }) => {
    await lab.open();
    await expect(lab.resetButton).toContainText("머신 초기화");
    await course.languageSelect.selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(lab.resetButton).toContainText("Reset machine");
    await expect(course.overview).toContainText("Course overview");
    await expect(lab.screen).toContainText("a real Linux kernel, emulated in your browser by v86", { useInnerText: true });
    await expect(lab.screen).not.toContainText("브라우저 안에서", { useInnerText: true });
  });
});
