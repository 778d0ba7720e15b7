// Node only: where content packs come from. Every folder in content-packs/ at the repository's root is
// a pack; LAB_CONTENT_PACKS adds folders elsewhere (separated like PATH: `:` here, `;` on Windows), so a
// school can keep its exercises out of the lab's checkout. The build, the dev server and the validate
// command all use this list.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { ContentPack } from "./course-packs.ts";
import { CONTENT_DIR, readContentFiles } from "./node-loader.ts";
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

/** A folder's exercise files and its title (pack.md); problems name files relative to the current directory. */
export function readPack(dir: string): ContentPack {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`content pack ${dir} is not a folder`);
  const relative = path.relative(process.cwd(), dir) || ".";
  const displayRoot = `${relative.split(path.sep).join("/")}/`;
  const pack: ContentPack = { name: path.basename(dir), displayRoot, files: readContentFiles(dir) };
  const titleFile = path.join(dir, PACK_FILE);
  if (!existsSync(titleFile)) return pack;
  const parsed = parsePackTitle(readFileSync(titleFile, "utf8"));
  if ("problem" in parsed) throw new Error(`${displayRoot}${PACK_FILE}:${parsed.line}: ${parsed.problem}`);
  return { ...pack, title: parsed.title };
}

/** The course (src/content) as a pack, for loadCourseWithPacks. */
export function readCourse(): ContentPack {
  return readPack(CONTENT_DIR);
}
