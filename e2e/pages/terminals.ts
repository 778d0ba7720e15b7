// Page object for the terminals bar: tabs with their number and place, new terminal, split, a shell in
// a container, and each terminal's screen (xterm's accessibility tree).
import { expect, type Locator, type Page } from "@playwright/test";
import { terminalParts } from "../../src/exercises/terminal-parts.ts";
import { COMMAND_TIMEOUT_MS } from "./lab-page.ts";

/** The agent reads where the shells are every few seconds; a busy guest takes longer. */
export const PLACE_TIMEOUT_MS = 60_000;

export class Terminals {
  readonly tabs: Locator;
  readonly newButton: Locator;
  readonly splitToggle: Locator;
  readonly separator: Locator;
  readonly containerButton: Locator;
  readonly containerMenu: Locator;
  private markers = 0;

  constructor(readonly page: Page) {
    const region = page.getByTestId("terminal-region");
    this.tabs = region.getByTestId("terminal-tab");
    this.newButton = region.getByTestId("new-terminal");
    this.splitToggle = region.getByTestId("split-toggle");
    this.separator = region.getByTestId("split-separator");
    this.containerButton = region.getByTestId("container-shell");
    this.containerMenu = region.getByTestId("container-menu");
  }

  /** Tab N (1, 2 or 3). */
  tab(number: number): Locator {
    return this.tabs.and(this.page.locator(`[data-terminal="${number}"]`));
  }

  /** Terminal N's element (shown or not). */
  pane(number: number): Locator {
    return this.page.locator(`lab-terminal[data-port="${number === 1 ? 0 : number}"]`);
  }

  screen(number: number): Locator {
    return this.pane(number).locator(".xterm-accessibility-tree");
  }

  async expectPlace(number: number, place: string): Promise<void> {
    await expect(this.tab(number)).toHaveAttribute("data-place", place, { timeout: PLACE_TIMEOUT_MS });
  }

  /** Types a command into terminal N (bringing its tab to the front when hidden) and presses Enter. */
  async run(number: number, command: string): Promise<void> {
    if (!(await this.pane(number).isVisible())) await this.tab(number).click();
    await this.pane(number).getByTestId("terminal").click();
    await this.page.keyboard.type(command);
    await this.page.keyboard.press("Enter");
  }

  /** Opens terminal N with the new-terminal button if it has no tab yet (tabs open in number order). */
  async open(number: number): Promise<void> {
    for (let opened = await this.tabs.count(); opened < number && (await this.tab(number).count()) === 0; opened++) {
      await this.newButton.click();
      await expect(this.tabs).toHaveCount(opened + 1);
    }
    await expect(this.tab(number)).toBeVisible();
  }

  /**
   * Types a script into the terminals its `# terminal N` lines name, line by line as a learner would,
   * and after each part waits until that shell has run it: it echoes a number only then (the typed
   * text itself shows `$((…))`, not the number).
   */
  async typeScript(script: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<void> {
    for (const part of terminalParts(script)) {
      await this.open(part.terminal);
      for (const line of part.text.split("\n").filter((l) => l.trim())) await this.run(part.terminal, line);
      this.markers++;
      await this.run(part.terminal, `echo $((${this.markers} + 1000))-settled`);
      await this.expectScreen(part.terminal, `${this.markers + 1000}-settled`, timeoutMs);
    }
  }

  async expectScreen(number: number, text: string | RegExp, timeoutMs = COMMAND_TIMEOUT_MS): Promise<void> {
    await expect(this.screen(number)).toContainText(text, { timeout: timeoutMs, useInnerText: true });
  }

  async openContainerShell(name: string): Promise<void> {
    await this.containerButton.click();
    await this.containerMenu.getByTestId("container-item").and(this.page.locator(`[data-name="${name}"]`)).click();
  }
}
