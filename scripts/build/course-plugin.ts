// Vite plugin: the course (src/content) and the instructors' content packs (src/exercises/pack-folders.ts
// says where they are) are read, validated and compiled here, in Node, into the module
// `virtual:isolation-lab/course`: the exercises as JSON. The page imports that module and ships no YAML
// parser and no schema validator (src/exercises/loader.ts stays on the Node side: this plugin, the
// guest tests and `npm run validate:content`).
// A production build stops with every problem as file:line (the same report as `npm run
// validate:content`); the dev server serves a module that throws that report, so the page shows it.
import path from "node:path";
import type { Plugin, ViteDevServer } from "vite";
import { loadCourseWithPacks, packChallengeIds, packExerciseIds, type ContentPack } from "../../src/exercises/course-packs.ts";
import type { PackIndexEntry } from "../../src/exercises/pack-sections.ts";
import { formatProblem } from "../../src/exercises/loader.ts";
import { CONTENT_DIR } from "../../src/exercises/node-loader.ts";
import { challengesFolder, packFolders, readCourse, readPack } from "../../src/exercises/pack-folders.ts";

export const COURSE_MODULE = "virtual:isolation-lab/course";
const RESOLVED = `\0${COURSE_MODULE}`;

/** The module's source: `export const EXERCISES = [...]`, or a module that throws the problems. */
export function courseModule(course: ContentPack, packs: readonly ContentPack[], build: boolean, fail: (report: string) => never): string {
  const { exercises, challenges, problems } = loadCourseWithPacks(course, packs);
  if (problems.length > 0) {
    const report = `The course and content packs have ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`;
    if (build) fail(report);
    return `throw new Error(${JSON.stringify(report)});\n`;
  }
  const packIndex: PackIndexEntry[] = packs.map((pack) => ({
    name: pack.name,
    ...(pack.title ? { title: pack.title } : {}),
    ids: packExerciseIds(pack),
    challengeIds: packChallengeIds(pack),
  }));
  return (
    `export const EXERCISES = JSON.parse(${JSON.stringify(JSON.stringify(exercises))});\n` +
    `export const PACK_INDEX = JSON.parse(${JSON.stringify(JSON.stringify(packIndex))});\n` +
    `export const CHALLENGES = JSON.parse(${JSON.stringify(JSON.stringify(challenges))});\n`
  );
}

export function courseContent(folders: () => string[] = () => packFolders(), courseDir: string = CONTENT_DIR): Plugin {
  let build = false;
  let watchedDirs: string[] = [];
  return {
    name: "isolation-lab:course",
    configResolved(config) {
      build = config.command === "build";
    },
    resolveId(source) {
      return source === COURSE_MODULE ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const dirs = [courseDir, ...folders()];
      // The course's challenges live in src/challenges (a pack keeps its own in a challenges/ folder).
      const course = courseDir === CONTENT_DIR ? readCourse() : readPack(courseDir);
      const packs = dirs.slice(1).map(readPack);
      const challengeDirs = dirs.map(challengesFolder);
      // The dev server recompiles the course when one of its files changes.
      [course, ...packs].forEach((pack, i) => {
        pack.files.forEach((file) => this.addWatchFile(path.join(dirs[i]!, file.path)));
        pack.challenges?.files.forEach((file) => this.addWatchFile(path.join(challengeDirs[i]!, file.path)));
      });
      watchedDirs = [...dirs, ...challengeDirs];
      return courseModule({ ...course, name: "course", displayRoot: "src/content/" }, packs, build, (report) => this.error(report));
    },
    configureServer(server: ViteDevServer) {
      // A new exercise file is not yet in the module's watch list: recompile when one appears.
      const reloadOnNewFile = (file: string) => {
        if (!file.endsWith(".md") || !watchedDirs.some((dir) => file.startsWith(dir + path.sep))) return;
        const module = server.moduleGraph.getModuleById(RESOLVED);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: "full-reload" });
      };
      server.watcher.on("add", reloadOnNewFile);
      server.watcher.on("unlink", reloadOnNewFile);
    },
  };
}
