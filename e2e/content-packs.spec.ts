// Content packs in the course panel: the shipped sample pack under its own heading and numbering after
// the course, and an assignment address (#/pack/<name>) that shows that pack alone, with its own
// challenge, in the overview and in the printable report.
import { expect, test } from "./fixtures.ts";
import { ChallengeView } from "./pages/challenge-view.ts";
import { SavedWorkPage } from "./pages/saved-work.ts";

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
  // The pack's own challenge, and none of the course's.
  const challenges = new ChallengeView(page);
  await expect(challenges.entry("read-only-tmpfs")).toBeVisible();
  await expect(challenges.entry("own-proc")).toHaveCount(0);
  const saved = new SavedWorkPage(page);
  await saved.openMenuItem("open-report");
  await expect(saved.report.getByTestId("report-pack")).toHaveText("Sample pack: mounts of one's own");
  await expect(saved.report.locator('[data-testid="report-challenge"][data-challenge="read-only-tmpfs"]')).toHaveCount(1);
  await expect(saved.report.getByTestId("report-challenge")).toHaveCount(1);
  await saved.report.getByTestId("close-report").click();

  await course.languageSelect.selectOption("ko");
  await expect(heading).toHaveText("예제 팩: 나만의 마운트");
});
