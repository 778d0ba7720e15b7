// The course plus instructors' content packs: each pack is a folder in the course's format (see
// src/content/README.md), validated on its own and listed after the course; its challenges (a
// `challenges/` folder in it) are listed after the course's. Pure, like loader.ts: the build
// (scripts/build/course-plugin.ts) and Node code read the files from disk (pack-folders.ts) and hand
// them here; the page gets the result as JSON.
import { CHALLENGE_FILE, loadChallenges } from "./challenge-loader.ts";
import type { Challenge } from "./challenge-model.ts";
import { loadExercises, type ContentFile, type ContentProblem, type LoadResult } from "./loader.ts";
import type { Exercise } from "./model.ts";
import type { PackTitle } from "./pack-sections.ts";
import { SHARED_FILE } from "./loader.ts";

export interface ContentPack {
  /** The pack's folder name, e.g. `networking-extra`. */
  readonly name: string;
  /** Prefix for file names in problems, e.g. `content-packs/networking-extra/`. */
  readonly displayRoot: string;
  /** `<NN-slug>/<file>.md` files, as for the course. */
  readonly files: readonly ContentFile[];
  /** The pack's challenges: `<NN-slug>/<file>.md` files under displayRoot (e.g. `.../challenges/`). */
  readonly challenges?: { readonly displayRoot: string; readonly files: readonly ContentFile[] };
  /** The pack's heading in the overview, per language (from its pack.md); the folder name without one. */
  readonly title?: PackTitle;
}

/** The ids (folder slugs) of the folders that hold `file`, in folder order. */
function folderIds(files: readonly ContentFile[], file: string): string[] {
  const folders = [...new Set(files.filter((f) => f.path.endsWith(`/${file}`)).map((f) => f.path.split("/")[0]!))].sort();
  return folders.map((folder) => folder.replace(/^\d+-/, ""));
}

/** The ids (folder slugs) of the exercises a pack's files hold, in folder order. */
export function packExerciseIds(pack: ContentPack): string[] {
  return folderIds(pack.files, SHARED_FILE);
}

/** The ids (folder slugs) of the challenges a pack's `challenges/` folder holds, in folder order. */
export function packChallengeIds(pack: ContentPack): string[] {
  return folderIds(pack.challenges?.files ?? [], CHALLENGE_FILE);
}

export interface CourseLoadResult extends LoadResult {
  /** The challenges without problems: the course's, then each pack's. */
  readonly challenges: readonly Challenge[];
}

/**
 * The course's exercises, then each pack's (in the order given, each sorted by its folder numbers), and
 * the same for challenges. An exercise (or challenge) whose id another already uses is left out and
 * reported: progress is saved by id, so two with one id would share (and overwrite) the learner's progress.
 */
export function loadCourseWithPacks(course: ContentPack, packs: readonly ContentPack[]): CourseLoadResult {
  const exercises: Exercise[] = [];
  const challenges: Challenge[] = [];
  const problems: ContentProblem[] = [];
  const owners = new Map<string, string>();
  const challengeOwners = new Map<string, string>();
  for (const pack of [course, ...packs]) {
    const result = loadExercises(pack.files, { displayRoot: pack.displayRoot });
    problems.push(...result.problems);
    for (const exercise of result.exercises) {
      const file = `${pack.displayRoot}${exercise.folder}/${SHARED_FILE}`;
      const owner = owners.get(exercise.id);
      if (owner) {
        problems.push({
          file,
          message: `exercise id "${exercise.id}" is already used by ${owner}: rename the folder's slug (the part after the number)`,
        });
        continue;
      }
      owners.set(exercise.id, file);
      exercises.push(exercise);
    }
    if (!pack.challenges) continue;
    const loaded = loadChallenges(pack.challenges.files, { displayRoot: pack.challenges.displayRoot });
    problems.push(...loaded.problems);
    for (const challenge of loaded.challenges) {
      const file = `${pack.challenges.displayRoot}${challenge.folder}/${CHALLENGE_FILE}`;
      const owner = challengeOwners.get(challenge.id);
      if (owner) {
        problems.push({
          file,
          message: `challenge id "${challenge.id}" is already used by ${owner}: rename the folder's slug (the part after the number)`,
        });
        continue;
      }
      challengeOwners.set(challenge.id, file);
      challenges.push(challenge);
    }
  }
  return { exercises, challenges, problems };
}
