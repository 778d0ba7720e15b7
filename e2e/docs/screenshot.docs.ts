// Refreshes docs/screenshot.png: the learner's workspace on a laptop screen, a step of the course done
// beside two terminals split side by side, one of them a shell inside the container the step started.
// Run: LAB_SCREENSHOT=1 npx playwright test --project docs
import path from "node:path";
import { localize } from "../../src/exercises/model.ts";
import { loadExercisesFromDir } from "../../src/exercises/node-loader.ts";
import { expect, test } from "../fixtures.ts";
import { Terminals } from "../pages/terminals.ts";

const { exercises } = loadExercisesFromDir();
const PROCESS = localize(exercises.find((e) => e.folder === "02-container-is-a-process")!, "en");
const START = PROCESS.steps.find((s) => s.id === "start-container")!;

test.use({ viewport: { width: 1366, height: 768 } });

test("screenshot of the learner's workspace for the docs", async ({ lab, course, page }) => {
  const terminals = new Terminals(page);
  await course.openExercise(PROCESS.id);
  await course.typeSolution(START.solution);
  await course.expectStepDone();

  // Terminal 2, a shell inside the container, beside terminal 1 on the host.
  await lab.run("nsenter --target $(pidof sleep) --uts hostname box1");
  await terminals.openContainerShell("box1");
  await terminals.expectPlace(2, "container box1");
  await terminals.splitToggle.click();
  await terminals.run(2, "ps -o pid,comm");
  await terminals.expectScreen(2, /1 sleep/);
  await terminals.run(1, "ps -o pid,comm | grep sleep; readlink /proc/$(pidof sleep)/ns/pid");
  await terminals.expectScreen(1, "pid:[");
  await expect(course.stepDone).toBeInViewport();
  await page.screenshot({ path: path.resolve(import.meta.dirname, "..", "..", "docs", "screenshot.png") });
});
