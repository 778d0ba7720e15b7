// Assistive technology: an axe-core audit of every main view (the course overview, a step, the
// comparison view, saved work, the progress report, the shortcut list) in English and Korean finds no
// serious or critical violation (the comparison view as it opens, before its second VM is booted), nor does
// the phone layout with the course drawer open; and the terminals' screen reader mode is the learner's setting, kept across reloads.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { CompareView } from "./pages/compare-view.ts";
import type { CoursePanel } from "./pages/course-panel.ts";
import { KeyboardUser } from "./pages/keyboard-user.ts";
import { SavedWorkPage } from "./pages/saved-work.ts";
import { PHONE, TouchWorkspace } from "./pages/touch-workspace.ts";

/** Runs axe on the page as it is and returns its serious and critical findings, one readable line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" > ")).join(", ")})`);
}

async function expectAccessible(page: Page, view: string): Promise<void> {
  expect(await seriousViolations(page), `${view}: serious or critical axe violations`).toEqual([]);
}

async function auditEveryView(page: Page, course: CoursePanel, locale: string): Promise<void> {
  await expect(course.overview).toBeVisible();
  await expectAccessible(page, `${locale}: course overview`);

  await course.openExercise("container-is-a-process");
  await expect(course.step).toBeVisible();
  await expectAccessible(page, `${locale}: a step`);

  const compare = new CompareView(page);
  await compare.open();
  await expectAccessible(page, `${locale}: comparison view`);
  await compare.close();

  const saved = new SavedWorkPage(page);
  await saved.menu.click();
  await expectAccessible(page, `${locale}: saved work menu`);
  await page.getByTestId("open-files").click();
  await expect(saved.files).toBeVisible();
  await expectAccessible(page, `${locale}: files`);

  await page.getByTestId("close-files").click();
  await expect(saved.files).toBeHidden();
  await saved.openMenuItem("open-report");
  await expect(saved.report).toBeVisible();
  await expectAccessible(page, `${locale}: progress report`);
  await saved.report.getByTestId("close-report").click();

  const shortcuts = new KeyboardUser(page).shortcutsDialog;
  await page.getByTestId("shortcuts-button").click();
  await expect(shortcuts).toBeVisible();
  await expectAccessible(page, `${locale}: keyboard shortcuts`);
}

test("learner can use every main view with assistive technology, in English", async ({ lab, course, page }) => {
  await expect(lab.heading).toBeVisible();
  await auditEveryView(page, course, "en");
});

test("learner can use every main view with assistive technology, in Korean", async ({ lab, course, page }) => {
  await course.languageSelect.selectOption("ko");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(lab.heading).toBeVisible();
  await auditEveryView(page, course, "ko");
});

test("learner can switch the terminals' screen reader mode, and the choice is kept", async ({ lab, page }) => {
  const keys = new KeyboardUser(page);
  const setting = keys.shortcutsDialog.getByTestId("screen-reader-mode");
  // These tests' learner starts with it on (fixtures.ts): the rows are there for a screen reader.
  await expect(lab.screen).toHaveCount(1);
  await page.getByTestId("shortcuts-button").click();
  await expect(setting).toBeChecked();
  await setting.uncheck();
  await expect(lab.screen).toHaveCount(0);
  await keys.shortcutsDialog.getByTestId("shortcuts-close").click();

  await lab.reload();
  await lab.expectReady();
  await expect(keys.announcer).toContainText(/Machine: Ready in/);
  await expect(lab.terminal.locator(".xterm-rows")).toContainText("root@lab");
  await expect(lab.screen).toHaveCount(0);
  await page.getByTestId("shortcuts-button").click();
  await expect(setting).not.toBeChecked();
  await setting.check();
  await lab.expectPrompt();
});

test.describe("on a phone", () => {
  test.use(PHONE);

  test("learner can use the phone layout with assistive technology, the course drawer open", async ({ lab, course, page }) => {
    const touch = new TouchWorkspace(page);
    await expect(lab.terminal).toBeVisible();
    await expect(touch.keyBar).toBeVisible();
    await expectAccessible(page, "phone: terminal and key bar");
    await touch.openCourse();
    await expect(course.overview).toBeVisible();
    await expectAccessible(page, "phone: course drawer");
    await course.openExercise("container-is-a-process");
    await expectAccessible(page, "phone: a step in the drawer");
    await course.languageSelect.selectOption("ko");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expectAccessible(page, "phone, Korean: a step in the drawer");
  });
});
