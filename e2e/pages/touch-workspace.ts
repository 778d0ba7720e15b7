// Page object for the workspace on a tablet or phone: the course drawer and its button, the on-screen
// key bar under the terminal (keys, sticky Ctrl and Alt, the font size). Everything is tapped, as a
// finger would.
import { expect, type Locator, type Page } from "@playwright/test";
import type { LabPage } from "./lab-page.ts";

/** A phone held upright, with a touch screen (Playwright's mobile emulation in Chromium). */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } as const;
/** A tablet held sideways, with a touch screen. */
export const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true } as const;

export type BarKeyName = "Escape" | "Tab" | "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "|" | "~" | "/" | "-";

export class TouchWorkspace {
  readonly courseToggle: Locator;
  readonly course: Locator;
  readonly keyBar: Locator;
  readonly fontLarger: Locator;
  readonly fontSmaller: Locator;

  constructor(readonly page: Page) {
    this.courseToggle = page.getByTestId("course-toggle");
    this.course = page.getByTestId("course");
    this.keyBar = page.getByTestId("key-bar");
    this.fontLarger = this.keyBar.getByTestId("font-larger");
    this.fontSmaller = this.keyBar.getByTestId("font-smaller");
  }

  async openCourse(): Promise<void> {
    await this.courseToggle.tap();
    await expect(this.courseToggle).toHaveAttribute("aria-expanded", "true");
    await expect(this.course).toBeVisible();
  }

  async closeCourse(): Promise<void> {
    await this.courseToggle.tap();
    await expect(this.courseToggle).toHaveAttribute("aria-expanded", "false");
    await expect(this.course).toBeHidden();
  }

  key(name: BarKeyName): Locator {
    return this.keyBar.locator(`[data-testid="bar-key"][data-key="${name}"]`);
  }

  modifier(name: "ctrl" | "alt"): Locator {
    return this.keyBar.locator(`[data-testid="bar-modifier"][data-key="${name}"]`);
  }

  async press(name: BarKeyName): Promise<void> {
    await this.key(name).tap();
  }

  /** Taps Ctrl (or Alt), which stays on for the next key. */
  async hold(name: "ctrl" | "alt"): Promise<void> {
    await this.modifier(name).tap();
    await expect(this.modifier(name)).toHaveAttribute("aria-pressed", "true");
  }

  /** How many columns the shell in front believes its terminal has (the serial line's size, set by the page). */
  async shellColumns(lab: LabPage): Promise<number> {
    const tag = `cols${(this.asked += 1)}`;
    await lab.run(`echo "${tag}=$(stty size | cut -d' ' -f2)=end"`);
    const shown = new RegExp(`${tag}=(\\d+)=end`);
    await expect(lab.screen).toContainText(shown, { useInnerText: true });
    return Number(shown.exec(await lab.screen.innerText())![1]);
  }

  private asked = 0;

  /**
   * Two fingers on the element, spread (or squeezed) from `from` to `to` pixels apart, through the
   * browser's own touch input (Chromium's DevTools protocol: Playwright's tap is one finger only).
   */
  async pinch(target: Locator, from: number, to: number): Promise<void> {
    const box = await target.boundingBox();
    if (!box) throw new Error("nothing to pinch: the element is not laid out");
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const fingers = (apart: number) => [
      { x: x - apart / 2, y, id: 1 },
      { x: x + apart / 2, y, id: 2 },
    ];
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: fingers(from) });
    for (let step = 1; step <= 10; step++) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: fingers(from + ((to - from) * step) / 10) });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await cdp.detach();
  }

  /** Ctrl (from the bar) and a letter from the touch keyboard, e.g. `a` for the line's start. */
  async control(letter: string): Promise<void> {
    await this.hold("ctrl");
    await this.page.keyboard.type(letter);
    await expect(this.modifier("ctrl")).toHaveAttribute("aria-pressed", "false");
  }
}
