// Vite plugin: instructors' content packs (src/exercises/pack-folders.ts says where they are) become the
// module `virtual:isolation-lab/content-packs`, which src/exercises/bundled.ts lists after the course
// (exercises and challenges).
// A production build stops with every problem as file:line (the same report as `npm run
// validate:content`) instead of shipping a page that cannot load its exercises.
import path from "node:path";
import type { Plugin } from "vite";
import { loadCourseWithPacks, type ContentPack } from "../../src/exercises/course-packs.ts";
import { formatProblem } from "../../src/exercises/loader.ts";
import { PACK_CHALLENGES_FOLDER, packFolders, readCourse, readPack } from "../../src/exercises/pack-folders.ts";

export const CONTENT_PACKS_MODULE = "virtual:isolation-lab/content-packs";
const RESOLVED = `\0${CONTENT_PACKS_MODULE}`;

export function contentPacks(folders: () => string[] = () => packFolders()): Plugin {
  let build = false;
  return {
    name: "isolation-lab:content-packs",
    configResolved(config) {
      build = config.command === "build";
    },
    resolveId(source) {
      return source === CONTENT_PACKS_MODULE ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const dirs = folders();
      const packs: ContentPack[] = dirs.map(readPack);
      // The dev server reloads the course when a pack's file changes.
      dirs.forEach((dir, i) => {
        const pack = packs[i]!;
        pack.files.forEach((file) => this.addWatchFile(path.join(dir, file.path)));
        pack.challenges?.files.forEach((file) => this.addWatchFile(path.join(dir, PACK_CHALLENGES_FOLDER, file.path)));
      });
      if (build) {
        const { problems } = loadCourseWithPacks(readCourse(), packs);
        if (problems.length > 0) {
          this.error(`The content packs have ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
        }
      }
      return `export const PACKS = ${JSON.stringify(packs)};`;
    },
  };
}
