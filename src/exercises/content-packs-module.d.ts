// The build's list of content packs (scripts/build/content-packs-plugin.ts), imported by bundled.ts.
declare module "virtual:isolation-lab/content-packs" {
  export const PACKS: readonly import("./course-packs.ts").ContentPack[];
}
