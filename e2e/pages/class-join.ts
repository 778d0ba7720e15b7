// Page object for "Join the class" in the lab's header, as a learner uses it.
import { expect, type Locator, type Page } from "@playwright/test";

export class ClassJoin {
  readonly joinButton: Locator;
  readonly nameInput: Locator;
  readonly submit: Locator;
  readonly joined: Locator;
  readonly leaveButton: Locator;

  constructor(readonly page: Page) {
    this.joinButton = page.getByTestId("class-join");
    this.nameInput = page.getByTestId("class-name");
    this.submit = page.getByTestId("class-join-submit");
    this.joined = page.getByTestId("class-joined");
    this.leaveButton = page.getByTestId("class-leave");
  }

  /** Joins as `name`; the header then shows the name as the server cleaned it (`shownAs`). */
  async join(name: string, shownAs = name): Promise<void> {
    await this.joinButton.click();
    await this.nameInput.fill(name);
    await this.submit.click();
    await expect(this.joined).toHaveText(`In class as ${shownAs}`);
  }
}
