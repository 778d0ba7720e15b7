// The lab runs under its own Content-Security-Policy (only its own origin, wasm for v86, the service
// worker): a page that boots, completes a step and opens the comparison view must not trip it once. The
// policy arrives both as the serve command's header and as the build's <meta> tag; a violation of
// either is reported to the page as a securitypolicyviolation event, collected here from the start.
import { localize } from "../src/exercises/model.ts";
import { loadExercisesFromDir } from "../src/exercises/node-loader.ts";
import { expect, test } from "./fixtures.ts";
import { CompareView } from "./pages/compare-view.ts";

const { exercises } = loadExercisesFromDir();
const first = exercises.find((e) => e.folder === "01-inside-a-vm");
if (!first) throw new Error("no exercise 01-inside-a-vm");
const lesson = localize(first, "en");

test("learner can boot the lab, complete a step and compare under the lab's security policy without a violation", async ({
  labPage: lab,
  course,
  page,
}) => {
  test.slow();
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });

  const response = await page.goto("./");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute("content", /script-src 'self' 'wasm-unsafe-eval'/);

  await lab.expectReady("restore");
  await lab.expectPrompt();

  // The first step that the checks alone complete (no question to answer).
  const index = lesson.steps.findIndex((s) => !s.question && s.checks.length > 0);
  const step = lesson.steps[index]!;
  await course.openExercise(lesson.id);
  for (let i = 0; i < index; i++) await course.nextButton.click();
  await course.expectStep(lesson.id, step.id);
  await course.typeSolution(step.solution);
  await course.expectStepDone();

  // The comparison view: its charts, and the page's native hash (Web Crypto) that it offers.
  const compare = new CompareView(page);
  await compare.open();
  await expect(compare.figure("start")).toContainText("VM 1, restored snapshot");

  expect(violations, "Content-Security-Policy violations").toEqual([]);
});
