// Page object for the lab: what a learner sees and does, in the learner's terms. The terminal's text
// is read from xterm.js's accessibility tree (the DOM copy of the visible rows kept for screen readers).
import { expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { SCREEN_READER_STORAGE_KEY } from "../../src/ui/accessibility-settings.ts";

/** A restore takes about a second; a cold boot in headless Chromium about ten. */
export const BOOT_TIMEOUT_MS = 90_000;
export const COMMAND_TIMEOUT_MS = 20_000;

export type BootMode = "restore" | "cold";

/** Pages of this context start with the learner's screen reader setting on (xterm.js's accessibility tree). */
export async function useScreenReaderMode(context: BrowserContext): Promise<void> {
  await context.addInitScript((key) => {
    if (localStorage.getItem(key) === null) localStorage.setItem(key, "on");
  }, SCREEN_READER_STORAGE_KEY);
}

export class LabPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly statusText: Locator;
  readonly terminal: Locator;
  /** The rows the terminal shows, as text. */
  readonly screen: Locator;
  /** The terminal's input (xterm.js's textarea): focused when the terminal has the keyboard. */
  readonly terminalInput: Locator;
  readonly resetButton: Locator;
  readonly coldBootButton: Locator;
  readonly failurePanel: Locator;
  readonly resetDialog: Locator;
  /** The banner offering to stop runaway processes, and the one saying what was stopped. */
  readonly runawayBanner: Locator;
  readonly runawayStopped: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Isolation Lab" });
    this.status = page.getByTestId("vm-status");
    this.statusText = page.getByTestId("vm-status-text");
    // The terminal in front of the learner's VM 1 (the comparison view can show a second VM's terminal
    // too, and VM 1 can have several).
    this.terminal = page.getByTestId("terminal-region").getByTestId("active-terminal").getByTestId("terminal");
    this.screen = this.terminal.locator(".xterm-accessibility-tree");
    this.terminalInput = this.terminal.locator("textarea");
    this.resetButton = page.getByTestId("reset-button");
    this.coldBootButton = page.getByTestId("cold-boot-button");
    this.failurePanel = page.getByTestId("failure-panel");
    this.resetDialog = page.getByTestId("reset-dialog");
    this.runawayBanner = page.getByTestId("runaway-banner");
    this.runawayStopped = page.getByTestId("runaway-stopped");
  }

  async open(): Promise<void> {
    await this.page.goto("./");
    await expect(this.heading).toBeVisible();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.heading).toBeVisible();
  }

  /** Waits until the machine is ready (and, when given, started the given way). */
  async expectReady(mode?: BootMode): Promise<void> {
    await expect(this.status).toHaveAttribute("data-phase", "ready", { timeout: BOOT_TIMEOUT_MS });
    if (mode) await expect(this.status).toHaveAttribute("data-mode", mode);
    await expect(this.statusText).toHaveText(/^Ready in \d+(\.\d)? m?s \((restored snapshot|cold boot)\)$/);
  }

  /** Waits for the shell's prompt on the last row of output. */
  async expectPrompt(): Promise<void> {
    await expect(this.screen).toContainText(/root@lab:~#\s*$/, { timeout: BOOT_TIMEOUT_MS, useInnerText: true });
  }

  /** Which machine this is: 1 after the page loaded, +1 for every reset or cold boot. */
  async machineNumber(): Promise<number> {
    return Number(await this.status.getAttribute("data-machine"));
  }

  /** Types a command line into the terminal and presses Enter. */
  async run(command: string): Promise<void> {
    await this.terminal.click();
    await this.page.keyboard.type(command);
    await this.page.keyboard.press("Enter");
  }

  async expectScreenToShow(text: string | RegExp): Promise<void> {
    await expect(this.screen).toContainText(text, { timeout: COMMAND_TIMEOUT_MS, useInnerText: true });
  }

  /** Resets the machine: the button asks first, the learner confirms. */
  async reset(): Promise<void> {
    await this.replaceMachine(this.resetButton, "restore", () => this.resetDialog.getByTestId("reset-confirm").click());
  }

  async coldBoot(): Promise<void> {
    await this.replaceMachine(this.coldBootButton, "cold");
  }

  /**
   * Drags the terminal's scrollbar to the top, as a learner reading back would, and expects the text
   * at the beginning of the scrollback.
   */
  async expectBeginningToShow(text: string | RegExp): Promise<void> {
    const slider = this.terminal.locator(".scrollbar.vertical .slider");
    await expect(async () => {
      await this.terminal.hover();
      const box = await slider.boundingBox();
      if (!box) throw new Error("the terminal has no scrollbar (nothing scrolled off the screen)");
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await this.page.mouse.down();
      await this.page.mouse.move(box.x + box.width / 2, 0, { steps: 5 });
      await this.page.mouse.up();
      await expect(this.screen).toContainText(text, { timeout: 1000, useInnerText: true });
    }).toPass({ timeout: COMMAND_TIMEOUT_MS });
  }

  /** A button in the failure panel, e.g. "Retry" or "Reset machine". */
  failureAction(name: string): Locator {
    return this.failurePanel.getByRole("button", { name });
  }

  /** Double-clicks the first word of the (first) screen row whose text matches. */
  async selectWordInRow(row: RegExp): Promise<void> {
    // The accessibility tree's rows lie exactly over the rendered rows (and let clicks through).
    const box = await this.screen.locator("div").filter({ hasText: row }).first().boundingBox();
    if (!box) throw new Error(`no row matches ${row}`);
    await this.page.mouse.dblclick(box.x + 4, box.y + box.height / 2);
  }

  /** Pastes text into the terminal the way the browser does (a paste event on xterm's textarea). */
  async paste(text: string): Promise<void> {
    await this.terminal.click();
    await this.terminal.locator("textarea").evaluate((textarea, pasted) => {
      const data = new DataTransfer();
      data.setData("text/plain", pasted);
      textarea.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /**
   * Starts measuring how long the page goes without painting a frame; the returned function gives the
   * longest gap so far in milliseconds (a frozen page shows up as a gap of seconds).
   */
  async watchFrames(): Promise<() => Promise<number>> {
    const key = `__labFrameWatch${Date.now()}`;
    await this.page.evaluate((key) => {
      const record = { last: performance.now(), longest: 0 };
      (window as unknown as Record<string, unknown>)[key] = record;
      const tick = (now: number): void => {
        record.longest = Math.max(record.longest, now - record.last);
        record.last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, key);
    return () =>
      this.page.evaluate((key) => ((window as unknown as Record<string, { longest: number }>)[key]!).longest, key);
  }

  private async replaceMachine(button: Locator, mode: BootMode, confirm?: () => Promise<void>): Promise<void> {
    const before = await this.machineNumber();
    await button.click();
    await confirm?.();
    await expect(this.status).toHaveAttribute("data-machine", String(before + 1));
    await this.expectReady(mode);
  }
}
