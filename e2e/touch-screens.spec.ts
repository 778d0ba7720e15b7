// Tablets and phones: the course is a drawer over a full-width terminal, and the key bar gives a touch
// keyboard the keys a shell needs (Tab, the arrows, sticky Ctrl and Alt). A learner completes a step
// with them: Tab completes the command's name, Ctrl+A moves to the line's start, the up arrow brings
// the line back from the shell's history, Ctrl+D deletes under the cursor.
import { localize } from "../src/exercises/model.ts";
import { loadExercisesFromDir } from "../src/exercises/node-loader.ts";
import { expect, test } from "./fixtures.ts";
import { CHECK_TIMEOUT_MS } from "./pages/course-panel.ts";
import { PHONE, TABLET, TouchWorkspace } from "./pages/touch-workspace.ts";

const { exercises } = loadExercisesFromDir();
const PROCESS = localize(exercises.find((e) => e.folder === "02-container-is-a-process")!, "en");
const START = PROCESS.steps.find((s) => s.id === "start-container")!;
/** The solution without its command's name: the learner types `unsh` and completes it with Tab. */
const ARGUMENTS = START.solution.trim().replace(/^unshare /, "");

test.describe("on a phone", () => {
  test.use(PHONE);

  test("learner can complete a step on a phone with the key bar", async ({ lab, course, page }) => {
    const touch = new TouchWorkspace(page);
    // The terminal has the width; the course waits in its drawer.
    await expect(touch.course).toBeHidden();
    await expect(touch.keyBar).toBeVisible();
    await touch.openCourse();
    await course.openExercise(PROCESS.id);
    await course.expectStep(PROCESS.id, START.id);
    await touch.closeCourse();

    await lab.terminal.tap();
    await expect(lab.terminalInput).toBeFocused();
    await page.keyboard.type("unsh");
    await touch.press("Tab");
    // The bar's keys leave the keyboard (and the touch keyboard) in the terminal.
    await expect(lab.terminalInput).toBeFocused();
    await lab.expectScreenToShow("unshare");
    await page.keyboard.type(ARGUMENTS);
    // Not yet: to the line's start, make it a comment, and keep it in the history.
    await touch.control("a");
    await page.keyboard.type("#");
    await page.keyboard.press("Enter");
    // (A phone's terminal is about 40 columns wide: the line wraps after its start.)
    await lab.expectScreenToShow("~# #unshare --pid");
    await expect(course.step).not.toHaveAttribute("data-done", "true");

    // Back from the history, the comment sign deleted, and run.
    await touch.press("ArrowUp");
    await touch.control("a");
    await touch.control("d");
    await page.keyboard.press("Enter");
    // The drawer is closed: the page says so aloud, and the drawer shows it.
    await expect(page.getByTestId("announcer")).toContainText("Step done", { timeout: CHECK_TIMEOUT_MS });
    await touch.openCourse();
    await course.expectStepDone();
  });

  test("learner can make the terminal's text larger on a phone, and it stays larger", async ({ lab, page }) => {
    const touch = new TouchWorkspace(page);
    const rows = lab.terminal.locator(".xterm-rows");
    await expect(rows).toHaveCSS("font-size", "14px");
    const before = await touch.shellColumns(lab);
    await touch.fontLarger.tap();
    await touch.fontLarger.tap();
    await expect(rows).toHaveCSS("font-size", "16px");
    // The shell is told the new size: fewer columns fit.
    await expect(async () => expect(await touch.shellColumns(lab)).toBeLessThan(before)).toPass();
    await lab.reload();
    await lab.expectReady();
    await expect(rows).toHaveCSS("font-size", "16px");
    await touch.fontSmaller.tap();
    await expect(rows).toHaveCSS("font-size", "15px");
  });

  test("learner can pinch the terminal to change its text size", async ({ lab, page }) => {
    const touch = new TouchWorkspace(page);
    const rows = lab.terminal.locator(".xterm-rows");
    await expect(rows).toHaveCSS("font-size", "14px");
    // Spread to about twice as far apart: several steps larger; squeezed back, smaller again.
    await touch.pinch(lab.terminal, 100, 200);
    await expect(rows).not.toHaveCSS("font-size", "14px");
    const larger = parseFloat(await rows.evaluate((element) => getComputedStyle(element).fontSize));
    expect(larger).toBeGreaterThan(14);
    await touch.pinch(lab.terminal, 200, 100);
    await expect(rows).toHaveCSS("font-size", /^1[0-4]px$/);
  });
});

test.describe("on a tablet", () => {
  test.use(TABLET);

  test("learner can open the course drawer over the terminal and close it with Escape", async ({ lab, course, page }) => {
    const touch = new TouchWorkspace(page);
    await expect(touch.keyBar).toBeVisible();
    await touch.openCourse();
    await expect(course.root).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(touch.course).toBeHidden();
    await expect(touch.courseToggle).toBeFocused();
    await expect(touch.courseToggle).toHaveAttribute("aria-controls", "course-panel");
    await expect(lab.terminal).toBeVisible();
  });
});
