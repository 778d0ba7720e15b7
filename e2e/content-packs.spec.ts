// Content packs in the course panel: the shipped sample pack under its own heading and numbering after
// the course, and an assignment address (#/pack/<name>) that shows that pack alone.
import { expect, test } from "./fixtures.ts";

test("learner can see a content pack under its own heading and open an assignment of that pack alone", async ({ labPage: lab, course, page }) => {
  await lab.open();
  const heading = course.overview.getByTestId("overview-pack");
  await expect(heading).toHaveText("Sample pack: mounts of one's own");
  await expect(course.exerciseEntry("inside-a-vm")).toBeVisible();
  // The pack numbers its own exercises: its first is 01, not 16.
  await expect(course.exerciseEntry("private-mount")).toContainText("01");
  await expect(course.overview.locator('[data-section="sample-pack"] [data-testid="overview-exercise"]')).toHaveCount(1);

  await page.goto("./#/pack/sample-pack");
  await expect(heading).toHaveText("Sample pack: mounts of one's own");
  await expect(course.exerciseEntry("private-mount")).toBeVisible();
  await expect(course.exerciseEntry("inside-a-vm")).toHaveCount(0);

  await course.languageSelect.selectOption("ko");
  await expect(heading).toHaveText("예제 팩: 나만의 마운트");
});
