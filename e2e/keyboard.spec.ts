// Keyboard only: the learner reaches the course, opens an exercise, types in the terminal, leaves it
// with the documented key (F6 / Shift+F6: the terminal keeps Tab for the shell), answers and moves on,
// never touching the mouse. The shortcut list opens with `?` outside the terminal.
import { localize } from "../src/exercises/model.ts";
import { loadExercisesFromDir } from "../src/exercises/node-loader.ts";
import { expect, test } from "./fixtures.ts";
import { KeyboardUser } from "./pages/keyboard-user.ts";

const { exercises } = loadExercisesFromDir();
const INSIDE = localize(exercises.find((e) => e.folder === "01-inside-a-vm")!, "en");
const saveLog = INSIDE.steps.find((s) => s.id === "boot-log")!.solution;

test("learner can complete a step with the keyboard only", async ({ lab, course, page }) => {
  const keys = new KeyboardUser(page);
  // The ready machine has the keyboard; Tab stays in the terminal (the shell completes with it), and
  // the terminal tells a screen reader how to leave it.
  await expect(lab.terminalInput).toBeFocused();
  await expect(lab.terminalInput).toHaveAccessibleDescription(/Shift\+F6/);
  await page.keyboard.press("Tab");
  await expect(lab.terminalInput).toBeFocused();

  // Out of the terminal with the documented key, to the course, and into the first exercise.
  await keys.previousRegion();
  await expect(course.root).toBeFocused();
  await keys.activate(course.exerciseEntry(INSIDE.id));
  await course.expectStep(INSIDE.id, "own-kernel");

  // Into the terminal (F6 from the course), where the learner reads the kernel's release.
  await keys.nextRegion();
  await expect(lab.terminalInput).toBeFocused();
  await keys.typeLine('echo "release=$(uname -r)=end"');
  const shown = /release=(\S+)=end/;
  await expect(lab.screen).toContainText(shown, { useInnerText: true });
  const release = shown.exec(await lab.screen.innerText())![1]!;

  // Back to the course, answer, and hear the verdict.
  await keys.previousRegion();
  await expect(course.root).toBeFocused();
  await keys.tabTo(course.answerInput);
  await keys.typeLine(release);
  await expect(course.answerResult).toHaveAttribute("data-correct", "true");
  await course.expectStepDone();
  await expect(keys.announcer).toContainText("Step done");

  // The next step is a check on what the learner does in the terminal.
  await keys.activate(course.nextButton);
  await course.expectStep(INSIDE.id, "boot-log");
  await keys.nextRegion();
  await expect(lab.terminalInput).toBeFocused();
  await keys.typeLine(saveLog);
  await course.expectStepDone();
  await expect(keys.announcer).toContainText("Step done");
});

test("learner can open the shortcut list with ? outside the terminal, and ? is typed in it", async ({ lab, course, page }) => {
  const keys = new KeyboardUser(page);
  await expect(lab.terminalInput).toBeFocused();
  await page.keyboard.type("echo ?x");
  await lab.expectScreenToShow("echo ?x");
  await expect(keys.shortcutsDialog).toBeHidden();
  await page.keyboard.press("Control+U");

  await keys.previousRegion();
  await expect(course.root).toBeFocused();
  await page.keyboard.press("?");
  await expect(keys.shortcutsDialog).toBeVisible();
  await expect(keys.shortcutsDialog.getByTestId("shortcut-list")).toContainText("F6");
  await page.keyboard.press("Escape");
  await expect(keys.shortcutsDialog).toBeHidden();

  // The header's button opens it too, and says which key does.
  await keys.previousRegion();
  await expect(page.getByTestId("header")).toBeFocused();
  await expect(page.getByTestId("shortcuts-button")).toHaveAttribute("aria-keyshortcuts", "?");
  await keys.activate(page.getByTestId("shortcuts-button"));
  await expect(keys.shortcutsDialog).toBeVisible();
  await keys.activate(keys.shortcutsDialog.getByTestId("shortcuts-close"));
  await expect(keys.shortcutsDialog).toBeHidden();
});

test("learner can always see where the keyboard focus is", async ({ lab, course, page }) => {
  const keys = new KeyboardUser(page);
  await expect(lab.terminalInput).toBeFocused();
  expect(await keys.focusShown()).toEqual({ element: "textarea", shown: true });
  const unseen: string[] = [];
  const tabThrough = async (stops: number): Promise<void> => {
    for (let stop = 0; stop < stops; stop++) {
      await page.keyboard.press("Tab");
      const focus = await keys.focusShown();
      if (!focus.shown) unseen.push(focus.element);
    }
  };
  // A step's controls, then (Shift+F6 from the course) the header's and the course overview's.
  await keys.previousRegion();
  await keys.activate(course.exerciseEntry("container-is-a-process"));
  await course.expectStep("container-is-a-process", "start-container");
  await expect(course.root).toBeFocused();
  await tabThrough(20);
  await keys.previousRegion();
  await keys.previousRegion();
  await expect(page.getByTestId("header")).toBeFocused();
  await tabThrough(25);
  expect(unseen, "focused without a visible focus ring").toEqual([]);
});
