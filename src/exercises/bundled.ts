// Browser only: the exercises of src/content/, inlined into the bundle by Vite at build time, then those
// of the instructors' content packs (content-packs/, LAB_CONTENT_PACKS; see pack-folders.ts), all
// validated when this module loads. Node code uses node-loader.ts and pack-folders.ts instead.
import { PACKS } from "virtual:isolation-lab/content-packs";
import { loadCourseWithPacks, packExerciseIds } from "./course-packs.ts";
import { ExerciseContentError, type ContentFile } from "./loader.ts";
import type { Exercise } from "./model.ts";
import type { PackIndexEntry } from "./pack-sections.ts";

const raw = import.meta.glob<string>("../content/*/*.md", { query: "?raw", import: "default", eager: true });

const files: ContentFile[] = Object.entries(raw).map(([key, text]) => ({
  path: key.replace(/^\.\.\/content\//, ""),
  text,
}));

const { exercises, problems } = loadCourseWithPacks({ name: "course", displayRoot: "src/content/", files }, PACKS);
if (problems.length > 0) throw new ExerciseContentError(problems);

/** Every exercise, the course's then the packs'; importing this module throws an ExerciseContentError if any file is invalid. */
export const EXERCISES: readonly Exercise[] = exercises;

/** Each content pack with its heading and the ids of its exercises, in the order they are listed. */
export const PACK_INDEX: readonly PackIndexEntry[] = PACKS.map((pack) => ({
  name: pack.name,
  ...(pack.title ? { title: pack.title } : {}),
  ids: packExerciseIds(pack),
}));
