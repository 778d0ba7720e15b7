// Browser only: the exercises of src/content/ and the challenges of src/challenges/, inlined into the
// bundle by Vite at build time, then those of the instructors' content packs (content-packs/,
// LAB_CONTENT_PACKS; see pack-folders.ts), all validated when this module loads. Node code uses
// node-loader.ts and pack-folders.ts instead.
import { PACKS } from "virtual:isolation-lab/content-packs";
import { loadCourseWithPacks } from "./course-packs.ts";
import { ExerciseContentError, type ContentFile } from "./loader.ts";
import type { Challenge } from "./challenge-model.ts";
import type { Exercise } from "./model.ts";

const raw = import.meta.glob<string>("../content/*/*.md", { query: "?raw", import: "default", eager: true });
const rawChallenges = import.meta.glob<string>("../challenges/*/*.md", { query: "?raw", import: "default", eager: true });

/** Vite's `../content/<folder>/<file>.md` keys as content files (`<folder>/<file>.md`). */
function contentFiles(globbed: Record<string, string>): ContentFile[] {
  return Object.entries(globbed).map(([key, text]) => ({ path: key.replace(/^\.\.\/[^/]+\//, ""), text }));
}

const { exercises, challenges, problems } = loadCourseWithPacks(
  {
    name: "course",
    displayRoot: "src/content/",
    files: contentFiles(raw),
    challenges: { displayRoot: "src/challenges/", files: contentFiles(rawChallenges) },
  },
  PACKS,
);
if (problems.length > 0) throw new ExerciseContentError(problems);

/** Every exercise, the course's then the packs'; importing this module throws an ExerciseContentError if any file is invalid. */
export const EXERCISES: readonly Exercise[] = exercises;

/** Every challenge, the course's then the packs'. */
export const CHALLENGES: readonly Challenge[] = challenges;
