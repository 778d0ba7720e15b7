// End-to-end tests: a production build served by the classroom server (`npm run serve`, what users
// run), driven in Debian's Chromium (browsers cannot be downloaded here). Every test boots a real guest,
// so tests wait long, two at a time. E2E_PORT and E2E_DIST let two checkouts (or two people on
// one machine) test side by side without sharing a server or a build folder (E2E_OUTPUT: the results).
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/debian-chromium.ts";

const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? "dist";
const CI = Boolean(process.env.CI);
const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } };
/**
 * Specs that run after the others with nothing beside them: the one that times the page's frames, and
 * those that run two VMs at once (a third beside them would leave each less than a core).
 */
const ALONE = /(paste|compare|vm-workers|class)\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // One at a time by default: a test's emulator keeps a core busy, and on two cores two at a time was
  // no faster (measured in one fresh-clone run: 90 tests in 28.3 min with two workers, against 83 in
  // 22.8 min with one the session before). E2E_WORKERS=2 tries it on a bigger machine; the tests that
  // time frames or run two VMs then still run alone, after the others (the "alone" project).
  workers: Number(process.env.E2E_WORKERS ?? 1),
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  outputDir: process.env.E2E_OUTPUT ?? "test-results",
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    // The production build registers a service worker that answers from its cache, where page.route()
    // cannot see the requests. Only the specs about the worker (offline, self-contained) allow it.
    serviceWorkers: "block",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        ...CHROMIUM_ARGS,
        // V8 tiers up the wasm that v86's JIT writes for the guest's hot code with TurboFan, on background
        // threads: measured on a 2-core CI host, ~20 CPU-seconds in the 25 s after each page load (the
        // trace's wasm.TopTierCompilation), and every test opens a fresh page. Semantics are the same in
        // either tier; what differs is speed, which `npm run bench` measures in Chromium as learners run
        // it, without this flag. Here the baseline compiler alone ran the same tests in 29 % less time
        // (a cold boot's test in 37 s instead of 84 s).
        ...(process.env.E2E_TURBOFAN ? [] : ["--js-flags=--liftoff-only"]),
      ],
    },
  },
  projects: [
    { name: "chromium", use: desktop, testMatch: /.*\.spec\.ts/, testIgnore: ALONE },
    // Frames timed during a paste, and two VMs at once: with no other test's emulator beside them.
    { name: "alone", use: desktop, testMatch: ALONE, dependencies: ["chromium"], workers: 1 },
    // `LAB_SCREENSHOT=1 npx playwright test --project docs` refreshes docs/screenshot.png.
    // The screenshot shows the page as learners see it, offline indicator included (workers allowed).
    ...(process.env.LAB_SCREENSHOT ? [{ name: "docs", testMatch: /.*\.docs\.ts/, use: { serviceWorkers: "allow" as const } }] : []),
  ],
  webServer: {
    command: `npx vite build --outDir ${DIST} --emptyOutDir && npx tsx scripts/serve.ts --host localhost --port ${PORT} --dir ${DIST} --quiet`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
