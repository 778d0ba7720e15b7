// Node only: reads the exercise files from a content folder on disk (tests, the validate CLI).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { loadChallenges, type ChallengeLoadResult } from "./challenge-loader.ts";
import { loadExercises, type ContentFile, type LoadResult } from "./loader.ts";

/** The repository's content folder. */
export const CONTENT_DIR = path.resolve(import.meta.dirname, "..", "content");
/** The repository's challenges (a content pack keeps its own in a `challenges/` folder). */
export const CHALLENGES_DIR = path.resolve(import.meta.dirname, "..", "challenges");

/** The `<folder>/<file>.md` files of a content folder, as the browser bundle sees them. */
export function readContentFiles(dir: string = CONTENT_DIR): ContentFile[] {
  const files: ContentFile[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const folderPath = path.join(dir, folder);
    if (!statSync(folderPath).isDirectory()) continue;
    for (const name of readdirSync(folderPath).sort()) {
      if (!name.endsWith(".md")) continue;
      files.push({ path: `${folder}/${name}`, text: readFileSync(path.join(folderPath, name), "utf8") });
    }
  }
  return files;
}

/** Loads and validates every exercise of a content folder; problems name files relative to the cwd. */
export function loadExercisesFromDir(dir: string = CONTENT_DIR): LoadResult {
  const relative = path.relative(process.cwd(), dir) || ".";
  return loadExercises(readContentFiles(dir), { displayRoot: `${relative.split(path.sep).join("/")}/` });
}

/** Loads and validates every challenge of a folder; problems name files relative to the cwd. */
export function loadChallengesFromDir(dir: string = CHALLENGES_DIR): ChallengeLoadResult {
  const relative = path.relative(process.cwd(), dir) || ".";
  return loadChallenges(readContentFiles(dir), { displayRoot: `${relative.split(path.sep).join("/")}/` });
}
