// Three test projects:
//   unit    - pure TypeScript (codec, agent client, state machine, manifest); runs in milliseconds.
//   browser - elements rendered into a real DOM: Vitest's browser mode in Debian's Chromium through
//             Playwright (browsers cannot be downloaded here; its path and switches in scripts/debian-chromium.ts).
//             No guest: these test what an element shows for the data it is given.
//   guest   - boots the real guest image in v86 under Node (no browser). Each file starts emulators, which
//             are CPU-heavy and single-threaded, but idle while a step waits for the guest (a grace period,
//             a typed command): two files side by side kept 2 cores 136-173 % busy, three 165 %, and ran the
//             same 4 exercises in 240 s instead of 310 s (four: 290 s, and a check timed out). So three
//             files run side by side, with generous timeouts; the course is split into four parts
//             (exercises-N.test.ts) for it.
//             Needs public/guest/ (built by `bash images/build.sh`); global-setup.ts fails fast otherwise.
import { playwright } from "@vitest/browser-playwright";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/debian-chromium.ts";

/**
 * The guest tier's longest files (the course's parts, the challenges, minidock's and the pack prover's
 * tests: minutes each, the rest well under one), started first. Vitest starts files it has no timings
 * for in the order found, which on a fresh clone left the two longest files to start last and run alone.
 */
const LONGEST_FIRST = [/exercises-\d+\.test\.ts$/, /challenges\.test\.ts$/, /minidock\.test\.ts$/, /prove\.test\.ts$/];

class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number => {
      const index = LONGEST_FIRST.findIndex((pattern) => pattern.test(file.moduleId));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    const sorted = await super.sort(files);
    // Within each project, in the order Vitest gives the projects.
    const projects = [...new Set(sorted.map((file) => file.project.name))];
    return projects.flatMap((name) => sorted.filter((file) => file.project.name === name).sort((a, b) => rank(a) - rank(b)));
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirstSequencer },
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
                executablePath: CHROMIUM_PATH,
                args: [...CHROMIUM_ARGS],
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
          maxWorkers: 3,
          // A cold boot takes seconds, 1 MB over the emulated serial line ~5 s (allow for slow CI hosts).
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file in a fork of its own: an emulator's memory is returned when its file ends.
          pool: "forks",
          // V8's baseline wasm compiler only, as the e2e tier's Chromium (playwright.config.ts): TurboFan's
          // tier-up of the wasm v86's JIT writes cost more than it won here. The same 4 exercises on three
          // workers took 145 s instead of 240 s.
          execArgv: ["--liftoff-only"],
        },
      },
    ],
  },
});
