// Vite plugin (production builds only): tells the browser, in index.html's head, to fetch the files a
// visit starts its machine from (the snapshot, the BIOS and the /usr disk parts a resume reads first;
// public/guest/manifest.json names them) while it is still loading the page's code. The page asks for
// them only once its code has run and the saved-work store has been read; measured on a cached reload,
// that was a quarter of a second in which nothing downloaded. The page's own fetch() then takes the
// preloaded response (same URL, mode and credentials: `crossorigin` makes the preload a CORS fetch like
// fetch()'s). A learner who resumes a saved machine instead leaves the snapshot unused, a local read
// from the service worker's cache.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { HtmlTagDescriptor, Plugin } from "vite";
import { parseManifest } from "../../src/vm/manifest.ts";

export function guestPreload(publicDir = path.resolve(import.meta.dirname, "../../public")): Plugin {
  return {
    name: "isolation-lab:guest-preload",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      async handler(_html, context): Promise<HtmlTagDescriptor[]> {
        if (path.basename(context.filename) !== "index.html") return []; // the instructor's page runs no machine
        const file = path.join(publicDir, "guest", "manifest.json");
        let json: string;
        try {
          json = await readFile(file, "utf8");
        } catch {
          return []; // no guest image built: the page says so itself
        }
        const manifest = parseManifest(JSON.parse(json), file);
        const paths = [
          manifest.files.state.path,
          manifest.files.bios.path,
          ...manifest.disk.prefetch.resume.flatMap((index) => manifest.disk.parts[index]?.path ?? []),
        ];
        return paths.map((p) => ({
          tag: "link",
          attrs: { rel: "preload", href: `./guest/${p}`, as: "fetch", crossorigin: "anonymous" },
          injectTo: "head",
        }));
      },
    },
  };
}
