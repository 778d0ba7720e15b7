// Page object for a learner without a mouse: the documented region keys (F6, Shift+F6), Tab to a
// control, and typing at the terminal that has the keyboard. Never clicks.
import { expect, type Locator, type Page } from "@playwright/test";

/** More Tab presses than any view has controls before the one a test wants. */
const MAX_TABS = 80;

export class KeyboardUser {
  /** The shortcut list (opened with `?`) and the page's live region. */
  readonly shortcutsDialog: Locator;
  readonly announcer: Locator;

  constructor(readonly page: Page) {
    this.shortcutsDialog = page.getByTestId("shortcuts-dialog");
    this.announcer = page.getByTestId("announcer");
  }

  /** F6: the next region of the page (header, course, terminal). */
  async nextRegion(): Promise<void> {
    await this.page.keyboard.press("F6");
  }

  /** Shift+F6: the previous region: from the terminal, the course. */
  async previousRegion(): Promise<void> {
    await this.page.keyboard.press("Shift+F6");
  }

  /** Presses Tab until the control has the keyboard focus. */
  async tabTo(control: Locator): Promise<void> {
    for (let presses = 0; presses < MAX_TABS; presses++) {
      if (await control.evaluate((element) => element.matches(":focus"))) return;
      await this.page.keyboard.press("Tab");
    }
    await expect(control, `Tab never reached the control in ${MAX_TABS} presses`).toBeFocused();
  }

  /** Presses Tab until the control has the focus, then Enter. */
  async activate(control: Locator): Promise<void> {
    await this.tabTo(control);
    await this.page.keyboard.press("Enter");
  }

  /**
   * Describes where the keyboard focus is and whether it shows: the focused element (inside shadow
   * roots) and whether it, or the element around it that draws its ring (the terminal for xterm's
   * hidden textarea), has a visible outline.
   */
  async focusShown(): Promise<{ readonly element: string; readonly shown: boolean }> {
    return this.page.evaluate(() => {
      let focused: Element | null = document.activeElement;
      while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
      if (!focused || focused === document.body) return { element: "body", shown: false };
      const element = `${focused.tagName.toLowerCase()}${focused.getAttribute("data-testid") ? `[${focused.getAttribute("data-testid")}]` : ""}`;
      for (let node: Element | null = focused; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
        const style = getComputedStyle(node);
        if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) return { element, shown: true };
      }
      return { element, shown: false };
    });
  }

  /** Types a line where the keyboard focus is (the terminal) and presses Enter. */
  async typeLine(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    await this.page.keyboard.press("Enter");
  }
}
