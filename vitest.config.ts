// Two test projects:
//   unit  - pure TypeScript (codec, agent client, state machine, manifest); runs in milliseconds.
//   guest - boots the real guest image in v86 under Node (no browser). Each file starts emulators, which
//           are CPU-heavy and single-threaded: two files run side by side (one per core of the machines we
//           run on), with generous timeouts; the course is split into parts (exercises-N.test.ts) for it.
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
