// Part 1 of 4 of the course against the real guest (see exercise-suite.ts); the parts run side by side.
// EXERCISE=03-chroot (or a comma-separated list) limits every part to those folders.
import { exerciseSuite } from "./exercise-suite.ts";

exerciseSuite(1, 4);
