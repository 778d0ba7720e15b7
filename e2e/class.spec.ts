// The live class: two learners (two browser contexts) join a class served by `npm run serve -- --class`,
// finish a step each, and the instructor's page shows it live; a restart of the server keeps it all.
import type { Browser, BrowserContext } from "@playwright/test";
import { localize } from "../src/exercises/model.ts";
import { loadExercisesFromDir } from "../src/exercises/node-loader.ts";
import { ClassServe } from "./class-serve.ts";
import { expect, test } from "./fixtures.ts";
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
