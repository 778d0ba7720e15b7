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

  /** The boot id the kernels table shows for a row ("VM 1", "VM 2", "c1", ...). */
  bootId(who: string): Locator {
    return this.view.locator(`[data-testid="kernel-row"][data-who="${who}"]`).getByTestId("boot-id");
  }
}
