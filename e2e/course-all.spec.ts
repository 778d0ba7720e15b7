// Exercises of the course completed in the UI: for each one a fresh page (the pristine snapshot), every
// step's reference solution typed into the terminal, every check seen passing, every question answered,
// and every step turning done. The solutions come from the exercise files, so this follows the content.
// Which exercises: the fewest that show every kind of step the course has (course-coverage.ts; the guest
// tier proves every exercise's solutions and mistakes); E2E_COURSE=all completes them all. Slow
// (minutes): the checks run in the emulated guest.
import { acceptedAnswers, withPrelude } from "../src/exercises/check-runner.ts";
import { localize } from "../src/exercises/model.ts";
import { loadExercisesFromDir } from "../src/exercises/node-loader.ts";
import { selectedExercises } from "./course-coverage.ts";
import { expect, test } from "./fixtures.ts";
import { CHECK_TIMEOUT_MS } from "./pages/course-panel.ts";
import { Terminals } from "./pages/terminals.ts";

const exercises = selectedExercises(loadExercisesFromDir().exercises);
// Each exercise starts from a fresh page: they need not wait for each other, and spread over the workers.
test.describe.configure({ mode: "parallel" });

// A step's solution can be several minidock commands (exercise 13's `run`: a pull and two container
// starts) on a freshly restored machine, whose guest code v86 has not compiled yet. Measured: the first
// `minidock pull busybox` of a restored VM took 4.6 s in the Node guest tier on an idle host and 15-19 s
// at load 12-17 (warm, the same pull takes 1-2 s), and exercise 12's and 13's first steps took longer
// than LabPage's 20 s command wait in Chromium at load 9. On a host where a page fault costs ~11 µs,
// exercise 12's first step (minidockd, a pull and `images`) took 39-45 s in Chromium with nothing else
// running, and ran past 60 s twice in a full run: a slow host, not a failure, so it gets twice the
// checks' wait.
const SOLUTION_TIMEOUT_MS = 2 * CHECK_TIMEOUT_MS;

interface AgentLike {
  run(script: string, options: { timeoutMs: number }): Promise<{ stdout: Uint8Array }>;
}

for (const exercise of exercises) {
  const lesson = localize(exercise, "en");

  test(`learner can complete exercise ${exercise.folder} in the course panel`, async ({ lab, course, page }) => {
    // Exercise 13 took 3.9 of the 4 minutes this had on that host.
    test.setTimeout(420_000);
    await course.openExercise(lesson.id);
    const terminals = new Terminals(lab.page);
    for (const [index, step] of lesson.steps.entries()) {
      await course.expectStep(lesson.id, step.id);
      await expect(course.step).toHaveAttribute("data-done", "false");
      await terminals.typeScript(step.solution, SOLUTION_TIMEOUT_MS);

      for (const check of step.checks) {
        await expect(course.check(check.id), `${step.id}: ${check.id}`).toHaveAttribute("data-status", "passed", {
          timeout: CHECK_TIMEOUT_MS,
        });
      }
      if (step.question) {
        // What the guest accepts right now, as the UI computes it; typed in as the learner would.
        const printed = await page.evaluate(
          async ({ script, timeoutMs }) => {
            const app = document.querySelector("lab-app") as unknown as { session: { vm: { agent: AgentLike } } };
            const result = await app.session.vm.agent.run(script, { timeoutMs });
            return new TextDecoder().decode(result.stdout);
          },
          { script: withPrelude(step.question.answer), timeoutMs: step.question.timeoutMs },
        );
        const accepted = acceptedAnswers(printed);
        expect(accepted.length, `${step.id}: the guest computes an answer`).toBeGreaterThan(0);
        await course.answer(accepted[0]!);
        await expect(course.answerResult).toHaveAttribute("data-correct", "true");
      }
      await course.expectStepDone();
      if (index < lesson.steps.length - 1) await course.nextButton.click();
    }
    await expect(course.exerciseDone).toBeVisible();
    await course.overviewButton.click();
    await expect(course.exerciseEntry(lesson.id)).toContainText(`${lesson.steps.length}/${lesson.steps.length} steps`);
  });
}
