// Part 2 of 2 of the course against the real guest (see exercise-suite.ts); the parts run side by side.
// EXERCISE=03-chroot (or a comma-separated list) limits both parts to those folders.
import { exerciseSuite } from "./exercise-suite.ts";

exerciseSuite(2, 2);
