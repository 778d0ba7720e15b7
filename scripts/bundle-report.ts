// What the page's JavaScript is made of, for `npm run bench`: read from dist/.vite/bundle-contents.json
// (written by scripts/build/bundle-contents-plugin.ts) and summed by npm package, with the project's own
// modules listed and the packages the page must never ship (the content loader's YAML parser, schema
// validator and markdown parser, which run at build time only) looked for by name.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { BUNDLE_CONTENTS_FILE, packageOf, type BundleChunk } from "./build/bundle-contents-plugin.ts";

/** Packages that belong to the build (src/exercises/loader.ts and its markdown compiler), not to the page. */
export const BUILD_ONLY_PACKAGES: readonly RegExp[] = [/^yaml$/, /^zod$/, /^micromark(?:-|$)/, /^mdast-util-/];

export interface BundleReport {
  readonly chunks: readonly {
    readonly file: string;
    readonly bytes: number;
    /** Rendered bytes per npm package, largest first. */
    readonly packages: Readonly<Record<string, number>>;
    /** The project's own modules (src/..., virtual modules) with their rendered bytes, largest first. */
    readonly ownModules: readonly { readonly id: string; readonly bytes: number }[];
  }[];
  /** Modules of BUILD_ONLY_PACKAGES found in the page (expected: none). */
  readonly buildOnlyModules: readonly string[];
}

export function summarizeBundle(chunks: readonly BundleChunk[]): BundleReport {
  const buildOnly: string[] = [];
  const summary = chunks.map((chunk) => {
    const packages = new Map<string, number>();
    const ownModules: { id: string; bytes: number }[] = [];
    for (const module of chunk.modules) {
      const name = packageOf(module.id);
      if (name === undefined) ownModules.push(module);
      else packages.set(name, (packages.get(name) ?? 0) + module.bytes);
      if (name !== undefined && BUILD_ONLY_PACKAGES.some((pattern) => pattern.test(name))) buildOnly.push(module.id);
    }
    return {
      file: chunk.file,
      bytes: chunk.bytes,
      packages: Object.fromEntries([...packages].sort((a, b) => b[1] - a[1])),
      ownModules: ownModules.sort((a, b) => b.bytes - a.bytes),
    };
  });
  return { chunks: summary, buildOnlyModules: buildOnly };
}

/** The report for a built site, or why there is none. */
export function bundleReport(dist: string): BundleReport | { readonly skipped: string } {
  const file = path.join(dist, BUNDLE_CONTENTS_FILE);
  if (!existsSync(file)) return { skipped: `${path.relative(process.cwd(), file)} not found (npx vite build)` };
  const { chunks } = JSON.parse(readFileSync(file, "utf8")) as { chunks: BundleChunk[] };
  return summarizeBundle(chunks);
}
