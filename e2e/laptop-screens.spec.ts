// Laptop screens: at 1366x768 and 1280x720 the terminal and the course sit side by side in the window,
// both usable (the prompt and a step's text and buttons in view), and the page itself never scrolls;
// the comparison view opens as a panel in the course's place, beside the terminal, and fits too.
import { expect, test } from "./fixtures.ts";
import type { Locator, Page } from "@playwright/test";
import { CompareView } from "./pages/compare-view.ts";

/** Below this, a region shows too little to work in (a dozen terminal rows, a step's first paragraphs). */
const USABLE_HEIGHT_PX = 300;

async function expectWithinWindow(page: Page, region: Locator): Promise<void> {
  await expect(region).toBeInViewport({ ratio: 1 });
  const box = await region.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, "the region is laid out").not.toBeNull();
  expect(box!.height).toBeGreaterThanOrEqual(USABLE_HEIGHT_PX);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
}

async function expectNoPageScrolling(page: Page): Promise<void> {
  const { scrollHeight, innerHeight, scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    innerHeight: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollHeight, "the page scrolls vertically").toBeLessThanOrEqual(innerHeight);
  expect(scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(innerWidth);
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test.describe(`${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test(`learner can use the terminal and the course without scrolling the page at ${viewport.width}x${viewport.height}`, async ({ lab, course, page }) => {
      await course.openExercise("container-is-a-process");
      const terminalRegion = page.getByTestId("terminal-region");
      await expectWithinWindow(page, terminalRegion);
      await expectWithinWindow(page, course.root);
      await expect(lab.heading).toBeVisible();
      await expect(course.nextButton).toBeInViewport();
      await expect(lab.screen).toContainText(/root@lab:~#/, { useInnerText: true });
      await expectNoPageScrolling(page);
    });

    test(`learner can open the comparison view beside the terminal without scrolling the page at ${viewport.width}x${viewport.height}`, async ({ lab, course, page }) => {
      const compare = new CompareView(page);
      await compare.open();
      await expectWithinWindow(page, compare.view);
      await expectWithinWindow(page, page.getByTestId("terminal-region"));
      // Side by side, not one under the other: the panel takes the course's place, left of the terminal.
      const panel = (await compare.view.boundingBox())!;
      const terminal = (await page.getByTestId("terminal-region").boundingBox())!;
      expect(panel.x + panel.width).toBeLessThanOrEqual(terminal.x);
      await expect(course.root).toBeHidden();
      await expect(compare.button("boot-vm2")).toBeInViewport();
      await expect(lab.screen).toContainText(/root@lab:~#/, { useInnerText: true });
      await expectNoPageScrolling(page);

      // Closed, the course is back where it was.
      await compare.close();
      await expectWithinWindow(page, course.root);
      await expectNoPageScrolling(page);
    });
  });
}
