// Vite plugin (production builds): writes what each JavaScript chunk of the page is made of, module by
// module with its rendered size, to dist/.vite/bundle-contents.json (next to where Vite keeps its own
// manifest; never precached or loaded by the page). `npm run bench` reports it, so anyone can see, for
// example, that the course ships as data and no YAML parser or schema validator is in the page.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Plugin } from "vite";

export const BUNDLE_CONTENTS_FILE = ".vite/bundle-contents.json";

export interface BundleModule {
  /** The module's path relative to the repository (`node_modules/lit-html/...`), or a virtual module's id. */
  readonly id: string;
  /** Bytes this module contributes to the chunk after tree-shaking and minification. */
  readonly bytes: number;
}

export interface BundleChunk {
  readonly file: string;
  readonly bytes: number;
  readonly modules: readonly BundleModule[];
}

/** A module id as a stable, machine-independent name. */
export function moduleName(id: string, root: string): string {
  const clean = id.replace(/^\0/, "").replace(/\?.*$/, "");
  return path.isAbsolute(clean) ? path.relative(root, clean).split(path.sep).join("/") : clean;
}

/** The npm package a module belongs to (`@lit/context`, `yaml`), or undefined for the project's own code. */
export function packageOf(name: string): string | undefined {
  // The last node_modules/ in the path names it (package managers nest them).
  const match = /(?:.*\/|^)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name);
  return match?.[1];
}

export function bundleContents(): Plugin {
  let root = process.cwd();
  let outDir = "dist";
  return {
    name: "isolation-lab:bundle-contents",
    apply: "build",
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const chunks: BundleChunk[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type !== "chunk") continue;
        const modules = Object.entries(output.modules)
          .map(([id, info]) => ({ id: moduleName(id, root), bytes: info.renderedLength }))
          .filter((m) => m.bytes > 0)
          .sort((a, b) => b.bytes - a.bytes);
        chunks.push({ file: output.fileName, bytes: Buffer.byteLength(output.code), modules });
      }
      const file = path.join(outDir, BUNDLE_CONTENTS_FILE);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify({ chunks }, null, 2) + "\n");
    },
  };
}
