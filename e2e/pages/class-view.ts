// Page object for the instructor's live class view (instructor.html, served by `npm run serve -- --class`).
import { expect, type Locator, type Page } from "@playwright/test";

export class ClassView {
  readonly state: Locator;
  readonly rows: Locator;
  readonly message: Locator;
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.state = page.getByTestId("class-view-state");
    this.rows = page.getByTestId("class-row");
    this.message = page.getByTestId("class-view-message");
    this.timeline = page.getByTestId("class-timeline");
  }

  /** Opens the one-time address the server printed; it redirects to the view with a cookie. */
  async enter(instructorUrl: string): Promise<void> {
    await this.page.goto(instructorUrl);
    await expect(this.page).toHaveURL(/\/instructor\.html$/);
    await expect(this.state).toHaveAttribute("data-state", "live");
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="class-row"][data-name="${name}"]`);
  }
}
