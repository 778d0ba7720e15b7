// The course and content packs, validated and compiled to JSON at build time by
// scripts/build/course-plugin.ts. Imported by the page's entry (src/main.ts), which hands it to the
// elements through context; Node code loads the files itself (node-loader.ts, pack-folders.ts).
declare module "virtual:isolation-lab/course" {
  export const EXERCISES: readonly import("./model.ts").Exercise[];
  /** Each content pack with its heading and its exercises' ids, in the order they are listed. */
  export const PACK_INDEX: readonly import("./pack-sections.ts").PackIndexEntry[];
  /** Every challenge, the course's then the packs'. */
  export const CHALLENGES: readonly import("./challenge-model.ts").Challenge[];
}
