// The live class: two learners (two browser contexts) join a class served by `npm run serve -- --class`,
// finish a step each, and the instructor's page shows it live; a restart of the server keeps it all. A
// learner's work on a challenge (a failed check, a hint, the solution revealed, solving it) shows too.
import type { Browser, BrowserContext } from "@playwright/test";
import { localizeChallenge } from "../src/exercises/challenge-model.ts";
import { localize } from "../src/exercises/model.ts";
import { loadChallengesFromDir, loadExercisesFromDir } from "../src/exercises/node-loader.ts";
import { ClassServe } from "./class-serve.ts";
import { expect, test } from "./fixtures.ts";
import { ChallengeView } from "./pages/challenge-view.ts";
import { ClassJoin } from "./pages/class-join.ts";
import { ClassView } from "./pages/class-view.ts";
import { CoursePanel } from "./pages/course-panel.ts";
import { LabPage, useScreenReaderMode } from "./pages/lab-page.ts";

const { exercises } = loadExercisesFromDir();
const first = exercises.find((e) => e.folder === "01-inside-a-vm");
if (!first) throw new Error("no exercise 01-inside-a-vm");
const lesson = localize(first, "en");
/** The first step that its checks alone complete. */
const stepIndex = lesson.steps.findIndex((s) => !s.question && s.checks.length > 0);
const step = lesson.steps[stepIndex]!;
const frozen = loadChallengesFromDir().challenges.find((c) => c.folder === "08-frozen");
if (!frozen) throw new Error("no challenge 08-frozen");
const challenge = localizeChallenge(frozen, "en");

let serve: ClassServe;
test.beforeAll(async () => {
  serve = await ClassServe.start();
});
test.afterAll(async () => {
  await serve.dispose();
});

async function context(browser: Browser): Promise<BrowserContext> {
  const ctx = await browser.newContext({ baseURL: serve.url, viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  await useScreenReaderMode(ctx);
  return ctx;
}

async function learnerCompletesStep(browser: Browser, name: string, shownAs = name): Promise<BrowserContext> {
  const ctx = await context(browser);
  const page = await ctx.newPage();
  const lab = new LabPage(page);
  const course = new CoursePanel(page, lab);
  await lab.open();
  await new ClassJoin(page).join(name, shownAs);
  await lab.expectReady("restore");
  await lab.expectPrompt();
  await course.openExercise(lesson.id);
  for (let i = 0; i < stepIndex; i++) await course.nextButton.click();
  await course.expectStep(lesson.id, step.id);
  await course.typeSolution(step.solution);
  await course.expectStepDone();
  return ctx;
}

test("learner can join a class and the instructor sees two learners finish a step, kept across a restart", async ({ browser }) => {
  test.setTimeout(600_000);
  const instructorContext = await context(browser);
  const view = new ClassView(await instructorContext.newPage());
  await view.enter(serve.instructorUrl);
  await expect(view.page.getByTestId("class-view-empty")).toBeVisible();

  // A name with markup arrives cleaned, on the learner's page and the instructor's.
  const ada = await learnerCompletesStep(browser, "Ada <b>Lovelace</b>", "Ada bLovelace/b");
  await expect(view.row("Ada bLovelace/b")).toBeVisible();
  await expect(view.row("Ada bLovelace/b").getByTestId("row-done")).toHaveText("1");
  await expect(view.row("Ada bLovelace/b").getByTestId("row-step")).toHaveAttribute("data-step", step.id);
  await ada.close();

  const grace = await learnerCompletesStep(browser, "Grace");
  await expect(view.row("Grace").getByTestId("row-done")).toHaveText("1");
  await grace.close();
  await expect(view.rows).toHaveCount(2);

  // One click shows a learner's timeline.
  await view.row("Grace").click();
  await expect(view.timeline.locator('[data-type="step-done"]')).toHaveCount(1);

  // Restart the server: the data is kept; the old cookie is not (a new address is printed).
  await serve.restart();
  const again = new ClassView(await instructorContext.newPage());
  await again.page.goto(`${serve.url}instructor.html`);
  await expect(again.message).toBeVisible();
  await again.enter(serve.instructorUrl);
  await expect(again.rows).toHaveCount(2);
  await expect(again.row("Grace").getByTestId("row-done")).toHaveText("1");
  await instructorContext.close();
});

test("learner can join a class and the instructor sees a challenge tried, a hint, the solution shown and the challenge solved", async ({ browser }) => {
  test.setTimeout(600_000);
  const instructorContext = await context(browser);
  const view = new ClassView(await instructorContext.newPage());
  await view.enter(serve.instructorUrl);

  const learnerContext = await context(browser);
  const page = await learnerContext.newPage();
  const lab = new LabPage(page);
  await lab.open();
  await new ClassJoin(page).join("Hedy");
  await lab.expectReady("restore");
  await lab.expectPrompt();
  const learner = new ChallengeView(page);
  await learner.open(challenge.id);
  const row = view.row("Hedy");
  await expect(row.getByTestId("row-exercise")).toContainText(challenge.title);

  // "Check now" before anything is done: a failed attempt.
  await expect(learner.check("frozen")).toHaveAttribute("data-status", "failed", { timeout: 60_000 });
  await learner.view.getByTestId("check-now").click();
  await expect(row.getByTestId("row-failed")).toHaveText("1");
  await learner.showHintButton.click();
  await expect(row.getByTestId("row-hints")).toHaveText("1");
  // The solution shows on the second request: that is when it counts as shown.
  await learner.showSolutionButton.click();
  await expect(learner.confirmSolution).toBeVisible();
  await learner.showSolutionButton.click();
  await expect(learner.solutionScript).toBeVisible();
  await expect(row.getByTestId("row-solutions")).toHaveText("1");
  await expect(row.getByTestId("row-challenges")).toHaveText("0/1");

  for (const line of challenge.solution.split("\n")) await lab.run(line);
  await learner.expectSolved();
  await expect(row.getByTestId("row-challenges")).toHaveText("1/1");

  await row.click();
  for (const type of ["challenge-open", "challenge-failed", "challenge-hint", "solution-shown", "challenge-solved"]) {
    await expect(view.timeline.locator(`[data-type="${type}"]`), type).toHaveCount(1);
  }
  await expect(view.timeline.locator('[data-type="solution-shown"]')).toContainText("solution shown");
  await learnerContext.close();
  await instructorContext.close();
});
