// Page object for the course panel beside the terminal: the overview, the open step with its
// commands, checks, hints and question, and the way between steps.
import { expect, type Locator, type Page } from "@playwright/test";
import type { LabPage } from "./lab-page.ts";

/** Checks run every ~3 s; one run of a step's checks takes up to a few seconds in the emulator. */
export const CHECK_TIMEOUT_MS = 60_000;

export class CoursePanel {
  readonly root: Locator;
  readonly overview: Locator;
  readonly step: Locator;
  readonly stepTitle: Locator;
  readonly stepDone: Locator;
  readonly exerciseDone: Locator;
  readonly checkNowButton: Locator;
  readonly nextButton: Locator;
  readonly previousButton: Locator;
  readonly overviewButton: Locator;
  readonly answerInput: Locator;
  readonly answerSubmit: Locator;
  readonly answerResult: Locator;
  readonly languageSelect: Locator;
  readonly progressNotice: Locator;

  constructor(
    readonly page: Page,
    private readonly lab: LabPage,
  ) {
    this.root = page.getByTestId("course");
    this.overview = this.root.getByTestId("course-overview");
    this.step = this.root.getByTestId("course-step");
    this.stepTitle = this.root.getByTestId("step-title");
    this.stepDone = this.root.getByTestId("step-done");
    this.exerciseDone = this.root.getByTestId("exercise-done");
    this.checkNowButton = this.root.getByTestId("check-now");
    this.nextButton = this.root.getByTestId("step-next");
    this.previousButton = this.root.getByTestId("step-previous");
    this.overviewButton = this.root.getByTestId("course-overview-button");
    this.answerInput = this.root.getByTestId("answer-input");
    this.answerSubmit = this.root.getByTestId("answer-submit");
    this.answerResult = this.root.getByTestId("answer-result");
    this.languageSelect = page.getByTestId("language-select");
    this.progressNotice = this.root.getByTestId("progress-notice");
  }

  /** An exercise's entry in the overview, by id (e.g. `container-is-a-process`). */
  exerciseEntry(id: string): Locator {
    return this.overview.locator(`[data-exercise="${id}"]`);
  }

  check(id: string): Locator {
    return this.root.locator(`[data-testid="check"][data-check-id="${id}"]`);
  }

  command(id: string): Locator {
    return this.root.locator(`[data-testid="command"][data-command-id="${id}"]`);
  }

  async openExercise(id: string): Promise<void> {
    await this.exerciseEntry(id).click();
    await expect(this.step).toHaveAttribute("data-exercise", id);
  }

  async expectStep(exercise: string, step: string): Promise<void> {
    await expect(this.step).toHaveAttribute("data-exercise", exercise);
    await expect(this.step).toHaveAttribute("data-step", step);
  }

  /** Types a step's reference solution into the terminal, line by line, as a learner would. */
  async typeSolution(solution: string): Promise<void> {
    for (const line of solution.split("\n").filter((l) => l.trim())) await this.lab.run(line);
  }

  async expectStepDone(): Promise<void> {
    await expect(this.step).toHaveAttribute("data-done", "true", { timeout: CHECK_TIMEOUT_MS });
    await expect(this.stepDone).toBeVisible();
  }

  async answer(text: string): Promise<void> {
    await this.answerInput.fill(text);
    await this.answerSubmit.click();
  }
}
