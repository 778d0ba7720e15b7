// Deep links: an instructor's link to a step opens that step, and the address follows the learner.
import { expect, test } from "./fixtures.ts";
import { CompareView } from "./pages/compare-view.ts";

test("learner can open a step from an instructor's deep link", async ({ labPage: lab, course, page }) => {
  await page.goto("./#/pid-namespace/2");
  await lab.expectReady("restore");
  await course.expectStep("pid-namespace", "remount-proc");
  await expect(course.stepTitle).toBeVisible();

  await course.nextButton.click();
  await course.expectStep("pid-namespace", "two-views");
  await expect(page).toHaveURL(/#\/pid-namespace\/3$/);

  // A link followed while the page is open moves there too.
  await page.evaluate(() => (location.hash = "#/pid-namespace/1"));
  await course.expectStep("pid-namespace", "pid-one");
});

test("learner can follow a link to a step while the comparison view is open", async ({ lab, course, page }) => {
  const compare = new CompareView(page);
  await compare.open();
  await expect(course.root).toBeHidden();

  await page.evaluate(() => (location.hash = "#/pid-namespace/2"));
  // The comparison gives the course its place back, with the linked step in sight.
  await expect(course.root).toBeVisible();
  await course.expectStep("pid-namespace", "remount-proc");
  await expect(course.stepTitle).toBeInViewport();
  await expect(lab.terminal).toBeVisible();
});
