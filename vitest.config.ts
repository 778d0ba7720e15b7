// Three test projects:
//   unit    - pure TypeScript (codec, agent client, state machine, manifest); runs in milliseconds.
//   browser - elements rendered into a real DOM: Vitest's browser mode in Debian's Chromium through
//             Playwright (browsers cannot be downloaded here; CHROMIUM_PATH as in playwright.config.ts).
//             No guest: these test what an element shows for the data it is given.
//   guest   - boots the real guest image in v86 under Node (no browser). Each file starts emulators, which
//             are CPU-heavy and single-threaded: two files run side by side (one per core of the machines we
//             run on), with generous timeouts; the course is split into parts (exercises-N.test.ts) for it.
//             Needs public/guest/ (built by `bash images/build.sh`); global-setup.ts fails fast otherwise.
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          testTimeout: 5_000,
        },
      },
      {
        // Bundled before the first test: found mid-run, Vite would reload the page under a running test.
        optimizeDeps: { include: ["lit", "lit/decorators.js", "@lit/context", "mdast-util-from-markdown", "mdast-util-gfm-table", "micromark-extension-gfm-table"] },
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
                args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
              },
            }),
            instances: [{ browser: "chromium" }],
            // The elements' tests need no screenshots; a failure's DOM is in the report.
            screenshotFailures: false,
          },
        },
      },
      {
        test: {
          name: "guest",
          include: ["tests/guest/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/guest/global-setup.ts"],
          fileParallelism: true,
          maxWorkers: 2,
          // A cold boot takes seconds, 1 MB over the emulated serial line ~5 s (allow for slow CI hosts).
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file in a fork of its own: an emulator's memory is returned when its file ends.
          pool: "forks",
        },
      },
    ],
  },
});
