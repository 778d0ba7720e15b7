// Two test projects:
//   unit  - pure TypeScript (codec, agent client, state machine, manifest); runs in milliseconds.
//   guest - boots the real guest image in v86 under Node (no browser). Each file starts emulators, which
//           are CPU-heavy and single-threaded, so files run one after another with generous timeouts.
//           Needs public/guest/ (built by `bash images/build.sh`); global-setup.ts fails fast otherwise.
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
        test: {
          name: "guest",
          include: ["tests/guest/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/guest/global-setup.ts"],
          fileParallelism: false,
          // A cold boot takes seconds, 1 MB over the emulated serial line ~5 s (allow for slow CI hosts).
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One fork is enough (files run serially) and keeps the emulator's memory in one process.
          pool: "forks",
        },
      },
    ],
  },
});
