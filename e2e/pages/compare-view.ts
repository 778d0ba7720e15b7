// Page object for the comparison view: the second VM's console and status, the buttons, the figures.
import { expect, type Locator, type Page } from "@playwright/test";

/** A cold boot in headless Chromium takes ~10 s alone, longer while VM 1 shares the thread. */
export const SECOND_BOOT_TIMEOUT_MS = 180_000;
export const ACTION_TIMEOUT_MS = 90_000;

export class CompareView {
  readonly toggle: Locator;
  readonly view: Locator;
  readonly vm2: Locator;
  readonly vm2Status: Locator;
  readonly vm2Screen: Locator;
  readonly busy: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByTestId("compare-toggle");
    this.view = page.getByTestId("compare");
    this.vm2 = this.view.getByTestId("vm2");
    this.vm2Status = this.vm2.getByTestId("vm-status");
    this.vm2Screen = this.vm2.getByTestId("terminal").locator(".xterm-accessibility-tree");
    this.busy = this.view.getByTestId("compare-busy");
    this.error = this.view.getByTestId("compare-error");
  }

  async open(): Promise<void> {
    await this.toggle.click();
    await expect(this.view).toBeVisible();
  }

  async close(): Promise<void> {
    await this.toggle.click();
    await expect(this.view).toHaveCount(0);
  }

  button(testId: string): Locator {
    return this.view.getByTestId(testId);
  }

  figure(name: "start" | "memory" | "image" | "overhead" | "kernels" | "network" | "faults"): Locator {
    return this.view.getByTestId(`figure-${name}`);
  }

  /** Clicks an action and waits until the view is done with it, failing with the view's error. */
  async act(testId: string): Promise<void> {
    await this.button(testId).click();
    await expect(this.busy).toHaveCount(0, { timeout: ACTION_TIMEOUT_MS });
    await expect(this.error).toHaveCount(0);
  }

  async bootSecondVm(): Promise<void> {
    await this.button("boot-vm2").click();
    await expect(this.vm2Status).toHaveAttribute("data-phase", "ready", { timeout: SECOND_BOOT_TIMEOUT_MS });
    await expect(this.busy).toHaveCount(0, { timeout: ACTION_TIMEOUT_MS });
    await expect(this.error).toHaveCount(0);
  }

  /**
   * Every measured bar of a figure's charts is as long as its figure says: proportional on a linear
   * chart, by the logarithm (from a tenth of the smallest figure) on a log chart, which says so.
   */
  async expectBarsToMatchFigures(name: "start" | "memory" | "image" | "overhead"): Promise<void> {
    const charts = this.figure(name).locator("lab-bar-chart");
    expect(await charts.count()).toBeGreaterThan(0);
    for (const chart of await charts.all()) {
      const bars = await chart.getByTestId("bar-fill").evaluateAll((fills) =>
        fills.map((fill) => ({
          value: Number(fill.getAttribute("data-value") || NaN),
          width: fill.getBoundingClientRect().width,
          track: fill.parentElement!.getBoundingClientRect().width,
          log: fill.closest("[data-scale]")!.getAttribute("data-scale") === "log",
        })),
      );
      const measured = bars.filter((b) => b.value > 0);
      expect(measured.length, "a chart with measured bars").toBeGreaterThan(0);
      const max = Math.max(...measured.map((b) => b.value));
      const min = Math.min(...measured.map((b) => b.value));
      for (const bar of measured) {
        const low = Math.log10(min / 10);
        const expected = bar.log ? (Math.log10(bar.value) - low) / (Math.log10(max) - low) : bar.value / max;
        expect(bar.track).toBeGreaterThan(20);
        // within a pixel or two of the figure (the track is a few hundred pixels wide)
        expect(Math.abs(bar.width - expected * bar.track)).toBeLessThanOrEqual(Math.max(2, bar.track * 0.01));
      }
      if (bars[0]!.log) await expect(chart.getByTestId("log-scale-note")).toBeVisible();
    }
  }

  /** The boot id the kernels table shows for a row ("VM 1", "VM 2", "c1", ...). */
  bootId(who: string): Locator {
    return this.view.locator(`[data-testid="kernel-row"][data-who="${who}"]`).getByTestId("boot-id");
  }
}
