// Challenges in the course panel against the real guest: a goal without commands, hints that unlock one
// at a time, a reference solution kept back until the challenge is solved or asked for twice, and the
// help taken recorded in the instructor's report. The texts come from the challenge files.
import { localizeChallenge, type ChallengeLesson } from "../src/exercises/challenge-model.ts";
import { loadChallengesFromDir } from "../src/exercises/node-loader.ts";
import { expect, test } from "./fixtures.ts";
import { ChallengeView } from "./pages/challenge-view.ts";
import { SavedWorkPage } from "./pages/saved-work.ts";

const { challenges } = loadChallengesFromDir();

function challenge(folder: string, locale: "en" | "ko" = "en"): ChallengeLesson {
  const found = challenges.find((c) => c.folder === folder);
  if (!found) throw new Error(`no challenge ${folder}`);
  return localizeChallenge(found, locale);
}

/** Markdown as the page shows it: code spans without their backticks. */
function shown(markdown: string): string {
  return markdown.replace(/`/g, "");
}

const FROZEN = challenge("08-frozen");

test("learner can solve a challenge with hints", async ({ lab, page }) => {
  test.slow();
  const view = new ChallengeView(page);
  await expect(view.entry(FROZEN.id)).toContainText(FROZEN.title);
  await view.open(FROZEN.id);
  await expect(view.title).toHaveText(FROZEN.title);
  // A goal and no commands to paste; no hint and no solution until asked for.
  await expect(view.view.getByTestId("command")).toHaveCount(0);
  await expect(view.hints).toHaveCount(0);
  await expect(view.solutionScript).toHaveCount(0);

  await view.showHintButton.click();
  await expect(view.hints).toHaveCount(1);
  await expect(view.hints.nth(0)).toHaveText(shown(FROZEN.hints[0]!));
  await view.showHintButton.click();
  await expect(view.hints).toHaveCount(2);
  await expect(view.hints.nth(1)).toHaveText(shown(FROZEN.hints[1]!));

  // One request is not enough to see the solution.
  await view.showSolutionButton.click();
  await expect(view.confirmSolution).toBeVisible();
  await expect(view.solutionScript).toHaveCount(0);

  await expect(view.check("frozen")).toHaveAttribute("data-status", "failed", { timeout: 60_000 });
  for (const line of FROZEN.solution.split("\n")) await lab.run(line);
  await lab.expectScreenToShow("frozen 1");
  await view.expectSolved();
  await expect(view.check("frozen")).toHaveAttribute("data-status", "passed");
  // Solved: the reference solution and its explanation show without a second request.
  await expect(view.solutionScript).toContainText(FROZEN.solution.split("\n")[0]!);

  await view.overviewButton.click();
  await expect(view.entry(FROZEN.id).getByTestId("overview-challenge-status")).toHaveText("✓ Solved");

  const saved = new SavedWorkPage(page);
  await saved.openMenuItem("open-report");
  const row = saved.report.locator(`[data-testid="report-challenge"][data-challenge="${FROZEN.id}"]`);
  await expect(row).toHaveAttribute("data-solved", "true");
  await expect(row).toContainText(`2 of ${FROZEN.hints.length} hints`);
  await saved.report.getByTestId("close-report").click();
});

test("learner can read a challenge in Korean and see its solution after asking twice", async ({ lab, page, course }) => {
  const view = new ChallengeView(page);
  await expect(lab.status).toHaveAttribute("data-phase", "ready");
  await course.languageSelect.selectOption("ko");
  const ko = challenge("04-bridge-two-namespaces", "ko");
  await expect(view.overview).toContainText("도전 과제");
  await view.open(ko.id);
  await expect(view.title).toHaveText(ko.title);
  await expect(view.showHintButton).toHaveText(`힌트 보기 (1/${ko.hints.length})`);
  await view.showHintButton.click();
  await expect(view.hints.nth(0)).toHaveText(shown(ko.hints[0]!));

  await view.showSolutionButton.click();
  await expect(view.confirmSolution).toContainText("한 번 더 요청하면");
  await view.showSolutionButton.click();
  await expect(view.solutionScript).toContainText("ip netns add left");
  await expect(view.solved).toHaveCount(0);

  // Kept across a reload, like the rest of the progress.
  await lab.reload();
  await expect(view.view).toHaveAttribute("data-challenge", ko.id);
  await expect(view.hints).toHaveCount(1);
  await expect(view.solutionScript).toBeVisible();
});
