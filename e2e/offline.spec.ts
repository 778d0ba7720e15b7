// Offline use: the production build's service worker keeps the page and the guest image after the first
// visit, so the lab reloads, boots and checks steps with the network off; it tells the learner when a
// file could not be saved, and offers a newly deployed build without losing the learner's progress.
import { localize } from "../src/exercises/model.ts";
import { loadExercisesFromDir } from "../src/exercises/node-loader.ts";
import { Deployment } from "./deployment.ts";
import { expect, test } from "./fixtures.ts";
import { OfflineIndicator } from "./pages/offline-indicator.ts";
import { SavedWorkPage } from "./pages/saved-work.ts";

// The rest of the suite blocks workers (see playwright.config.ts); this file is about them.
test.use({ serviceWorkers: "allow" });

const exercise = loadExercisesFromDir().exercises.find((e) => e.folder === "02-container-is-a-process");
if (!exercise) throw new Error("no exercise 02-container-is-a-process");
const CONTAINER = localize(exercise, "en");
const FIRST_STEP = CONTAINER.steps[0]!;

test("learner can reload the lab with the network off, boot it and complete a step", async ({ lab, course, page, context }) => {
  test.slow();
  const offline = new OfflineIndicator(page);
  await offline.expectKind("ready");
  await expect(offline.root).toHaveText("Ready offline");

  await context.setOffline(true);
  await lab.reload();
  await lab.expectReady("restore");
  await lab.expectPrompt();
  await offline.expectKind("ready");

  await course.openExercise(CONTAINER.id);
  await course.expectStep(CONTAINER.id, FIRST_STEP.id);
  await course.typeSolution(FIRST_STEP.solution);
  await course.expectStepDone();

  // The kernel and initrd were kept too: a cold boot works offline.
  await lab.coldBoot();
  await lab.expectPrompt();

  await course.languageSelect.selectOption("ko");
  await expect(offline.root).toHaveText("오프라인 사용 가능");
});

test("learner is told when a file arrived incomplete for offline use, keeps working, and the next visit saves it", async ({
  labPage: lab,
  page,
  context,
}) => {
  test.slow();
  const offline = new OfflineIndicator(page);
  // The worker's download of the initrd breaks off after 1 MB (the page itself does not need it to restore).
  await context.route("**/guest/initrd.img", (route) =>
    route.fulfill({ status: 200, contentType: "application/octet-stream", body: Buffer.alloc(1_000_000) }),
  );
  await lab.open();
  await offline.expectKind("failed");
  await expect(offline.root).toContainText("Not saved for offline use");
  await expect(offline.root).toContainText("guest/initrd.img arrived incomplete or changed (1000000 of");
  await expect(offline.root).toHaveAttribute("title", /works online as before; reload to try saving again/);
  // Never cached, and the lab works as before.
  expect(await page.evaluate(async () => (await caches.match("guest/initrd.img")) === undefined)).toBe(true);
  await lab.expectReady("restore");
  await lab.run("echo online-$((4*5))");
  await lab.expectScreenToShow("online-20");

  await context.unroute("**/guest/initrd.img");
  await lab.reload();
  await offline.expectKind("ready");
  const cached = await page.evaluate(async () => (await (await caches.match("guest/initrd.img"))?.arrayBuffer())?.byteLength);
  expect(cached).toBeGreaterThan(1_000_000);
});

test("learner is offered a newly deployed build, and switching to it clears old caches and keeps their progress", async ({
  labPage: lab,
  course,
  page,
}) => {
  test.slow();
  const deployment = await Deployment.start();
  try {
    const offline = new OfflineIndicator(page);
    await page.goto(deployment.url);
    await lab.expectReady("restore");
    await offline.expectKind("ready");
    const current = await offline.cacheNames();
    expect(current).toHaveLength(2);
    const guestCache = current.find((name) => name.startsWith("isolation-lab-guest-"))!;

    // Leftovers: caches of an older build, and another app's cache on the same origin that must survive.
    await page.evaluate(async () => {
      await (await caches.open("isolation-lab-app-0000000000000000")).put("index.html", new Response("old page"));
      await (await caches.open("isolation-lab-guest-oldimage")).put("guest/state.bin.zst", new Response("old state"));
      await (await caches.open("someone-elses-cache")).put("x", new Response("x"));
    });
    // Storage damaged the kept snapshot: the worker must notice instead of handing it to the emulator.
    await offline.damageCachedFile(guestCache, "guest/state.bin.zst");

    await course.openExercise(CONTAINER.id);
    await course.typeSolution(FIRST_STEP.solution);
    await course.expectStepDone();
    // The machine is saved when a step is done (the header says when); only then is the page reloaded.
    await new SavedWorkPage(page).expectSaved();

    deployment.deployNewBuild("next build");
    await lab.reload();
    // The step done saved the machine, which the page offers back; starting fresh restores the snapshot.
    await new SavedWorkPage(page).startFreshButton.click();
    // The damaged snapshot was dropped and downloaded again, so the machine restores as usual.
    await lab.expectReady("restore");
    await offline.expectKind("update");
    await expect(offline.root).toHaveText("Update available — reload");
    await offline.root.click();

    // The page reloads by itself under the new worker, which dropped the old caches.
    await offline.expectKind("ready");
    await new SavedWorkPage(page).startFreshButton.click();
    await lab.expectReady("restore");
    await lab.expectPrompt();
    expect(await offline.cacheNames()).toEqual([...current, "someone-elses-cache"].sort());
    // The course reopens where the learner was, with the step still done.
    await course.expectStep(CONTAINER.id, FIRST_STEP.id);
    await expect(course.step).toHaveAttribute("data-done", "true");
  } finally {
    await deployment.stop();
  }
});
