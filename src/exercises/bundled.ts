// Browser only: the exercises of src/content/, inlined into the bundle by Vite at build time and
// validated when this module loads. Node code uses node-loader.ts instead.
import { loadExercisesOrThrow, type ContentFile } from "./loader.ts";
import type { Exercise } from "./model.ts";

const raw = import.meta.glob<string>("../content/*/*.md", { query: "?raw", import: "default", eager: true });

const files: ContentFile[] = Object.entries(raw).map(([key, text]) => ({
  path: key.replace(/^\.\.\/content\//, ""),
  text,
}));

/** Every exercise, in order; importing this module throws an ExerciseContentError if any file is invalid. */
export const EXERCISES: readonly Exercise[] = loadExercisesOrThrow(files, { displayRoot: "src/content/" });
