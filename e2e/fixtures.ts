// Test fixtures: `lab` is the page object on a freshly opened lab whose machine is ready; every test
// also fails when the page threw an uncaught error along the way. The learner of these tests has the
// screen reader setting on: the tests read the terminals as a screen reader does, through xterm.js's
// accessibility tree, which exists only in its screen reader mode.
import { test as base, expect } from "@playwright/test";
import { CoursePanel } from "./pages/course-panel.ts";
import { LabPage, useScreenReaderMode } from "./pages/lab-page.ts";

interface LabFixtures {
  /** The lab's page object, before the page was opened. */
  labPage: LabPage;
  /** The lab, opened, with its machine restored from the snapshot and the prompt showing. */
  lab: LabPage;
  /** The course panel of the lab page. */
  course: CoursePanel;
  /** Uncaught errors of the page; checked after each test. */
  pageErrors: Error[];
}

export const test = base.extend<LabFixtures>({
  page: async ({ page }, use) => {
    await useScreenReaderMode(page.context());
    await use(page);
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on("pageerror", (error) => errors.push(error));
      await use(errors);
      expect(errors.map((e) => e.message), "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
  labPage: async ({ page }, use) => {
    await use(new LabPage(page));
  },
  course: async ({ page, labPage }, use) => {
    await use(new CoursePanel(page, labPage));
  },
  lab: async ({ labPage: lab }, use) => {
    await lab.open();
    await lab.expectReady("restore");
    await lab.expectPrompt();
    await use(lab);
  },
});

export { expect };
