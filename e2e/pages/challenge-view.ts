// Page object for a challenge in the course panel: its entry in the overview, its goal and checks, the
// hints a learner unlocks one at a time and the reference solution behind two requests.
import { expect, type Locator, type Page } from "@playwright/test";
import { CHECK_TIMEOUT_MS } from "./course-panel.ts";

export class ChallengeView {
  readonly root: Locator;
  readonly overview: Locator;
  readonly view: Locator;
  readonly title: Locator;
  readonly goal: Locator;
  readonly hints: Locator;
  readonly showHintButton: Locator;
  readonly showSolutionButton: Locator;
  readonly confirmSolution: Locator;
  readonly solutionScript: Locator;
  readonly solved: Locator;
  readonly overviewButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("course");
    this.overview = this.root.getByTestId("course-overview");
    this.view = this.root.getByTestId("challenge");
    this.title = this.root.getByTestId("challenge-title");
    this.goal = this.root.getByTestId("challenge-goal");
    this.hints = this.root.getByTestId("challenge-hint");
    this.showHintButton = this.root.getByTestId("show-hint");
    this.showSolutionButton = this.root.getByTestId("show-solution");
    this.confirmSolution = this.root.getByTestId("confirm-solution");
    this.solutionScript = this.root.getByTestId("solution-script");
    this.solved = this.root.getByTestId("challenge-solved");
    this.overviewButton = this.root.getByTestId("course-overview-button");
  }

  /** A challenge's entry in the overview, by id (e.g. `frozen`). */
  entry(id: string): Locator {
    return this.overview.locator(`[data-testid="overview-challenge"][data-challenge="${id}"]`);
  }

  check(id: string): Locator {
    return this.view.locator(`[data-testid="check"][data-check-id="${id}"]`);
  }

  async open(id: string): Promise<void> {
    await this.entry(id).click();
    await expect(this.view).toHaveAttribute("data-challenge", id);
  }

  async expectSolved(): Promise<void> {
    await expect(this.view).toHaveAttribute("data-solved", "true", { timeout: CHECK_TIMEOUT_MS });
    await expect(this.solved).toBeVisible();
  }
}
