// Node only: where content packs come from. Every folder in content-packs/ at the repository's root is
// a pack; LAB_CONTENT_PACKS adds folders elsewhere (separated like PATH: `:` here, `;` on Windows), so a
// school can keep its exercises out of the lab's checkout. The build, the dev server and the validate
// command all use this list.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { ContentPack } from "./course-packs.ts";
import { CHALLENGES_DIR, CONTENT_DIR, readContentFiles } from "./node-loader.ts";
import { PACK_FILE, parsePackTitle } from "./pack-title.ts";

export const PACKS_DIR = path.resolve(import.meta.dirname, "..", "..", "content-packs");
export const PACKS_ENV = "LAB_CONTENT_PACKS";

/** Absolute paths of every pack folder: content-packs/*, then LAB_CONTENT_PACKS's entries. */
export function packFolders(env: NodeJS.ProcessEnv = process.env, packsDir: string = PACKS_DIR): string[] {
  const inRepo = existsSync(packsDir)
    ? readdirSync(packsDir)
        .sort()
        .filter((name) => !name.startsWith(".") && statSync(path.join(packsDir, name)).isDirectory())
        .map((name) => path.join(packsDir, name))
    : [];
  const extra = (env[PACKS_ENV] ?? "")
    .split(path.delimiter)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => path.resolve(entry));
  return [...new Set([...inRepo, ...extra])];
}

/** The folder in a pack that holds its challenges. */
const PACK_CHALLENGES_FOLDER = "challenges";

/** Where a content folder's challenges are: the course's in src/challenges, a pack's in its challenges/. */
export function challengesFolder(dir: string): string {
  return path.resolve(dir) === CONTENT_DIR ? CHALLENGES_DIR : path.join(dir, PACK_CHALLENGES_FOLDER);
}

/**
 * A folder's exercise files, its challenges (a `challenges/` folder, if any) and its title (pack.md);
 * problems name files relative to the current directory.
 */
export function readPack(dir: string): ContentPack {
  const pack = readFolders(dir, challengesFolder(dir));
  const titleFile = path.join(dir, PACK_FILE);
  if (!existsSync(titleFile)) return pack;
  const parsed = parsePackTitle(readFileSync(titleFile, "utf8"));
  if ("problem" in parsed) throw new Error(`${pack.displayRoot}${PACK_FILE}:${parsed.line}: ${parsed.problem}`);
  return { ...pack, title: parsed.title };
}

function readFolders(dir: string, challengesDir: string): ContentPack {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`content pack ${dir} is not a folder`);
  const files = readContentFiles(dir);
  const pack = { name: path.basename(dir), displayRoot: displayRoot(dir), files };
  if (!existsSync(challengesDir) || !statSync(challengesDir).isDirectory()) return pack;
  return { ...pack, challenges: { displayRoot: displayRoot(challengesDir), files: readContentFiles(challengesDir) } };
}

function displayRoot(dir: string): string {
  const relative = path.relative(process.cwd(), dir) || ".";
  return `${relative.split(path.sep).join("/")}/`;
}

/** The course (src/content, with src/challenges) as a pack, for loadCourseWithPacks. */
export function readCourse(): ContentPack {
  return readFolders(CONTENT_DIR, challengesFolder(CONTENT_DIR));
}
