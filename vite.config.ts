// Vite serves and builds the page. public/ is copied as is, so the guest image built by
// images/build.sh is served from ./guest/ next to the page (manifest.json, bios.bin, state.bin.zst, …).
import path from "node:path";
import { defineConfig, type Plugin } from "vite";
import { bundleContents } from "./scripts/build/bundle-contents-plugin.ts";
import { courseContent } from "./scripts/build/course-plugin.ts";
import { offlineBuild } from "./scripts/build/precache-plugin.ts";
import { securityMeta } from "./scripts/build/security-meta-plugin.ts";
import { guestPreload } from "./scripts/build/guest-preload-plugin.ts";

/**
 * libv86.mjs runs in Node too and reaches for fs, crypto and perf_hooks there, behind runtime checks
 * that are false in a browser. Give those imports an empty module instead of Vite's browser-external
 * stub, which warns on every build about code that never runs.
 */
function v86NodeBuiltins(): Plugin {
  const stub = "\0v86-node-builtin";
  const builtins = new Set(["fs", "crypto", "perf_hooks", "node:fs/promises", "node:crypto"]);
  return {
    name: "isolation-lab:v86-node-builtins",
    enforce: "pre",
    resolveId(source, importer) {
      if (builtins.has(source) && importer?.includes("/node_modules/v86/")) return stub;
      return null;
    },
    load(id) {
      return id === stub ? "export default {};" : null;
    },
  };
}

export default defineConfig({
  // Relative URLs everywhere: the built site works from any folder (file server, sub-path, CDN).
  base: "./",
  publicDir: "public",
  // offlineBuild: sw.js with the list of files to keep offline, and .br/.gz variants for the server.
  // courseContent: the course and the instructors' exercise folders (content-packs/, LAB_CONTENT_PACKS),
  // validated and compiled to JSON, so the page ships no YAML parser or schema validator.
  // bundleContents: dist/.vite/bundle-contents.json, what each chunk is made of (npm run bench shows it).
  // securityMeta: the Content-Security-Policy as a <meta> tag, for hosts that cannot send headers.
  // guestPreload: the snapshot and the files a resume reads first start downloading with the page's code.
  plugins: [v86NodeBuiltins(), courseContent(), securityMeta(), guestPreload(), offlineBuild(), bundleContents()],
  // Each VM's emulator (v86 and its wasm glue) is a module worker of its own (src/vm/emulator-worker.ts).
  worker: { format: "es", plugins: () => [v86NodeBuiltins()] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The page's chunk (xterm.js, the elements, saved work, the comparison view: ~620 kB, ~170 kB gzipped)
    // and the course's (the course as JSON, ~560 kB of its ~625 kB, ~144 kB gzipped; compiled at build:
    // no YAML parser, schema validator or markdown parser in the page, the prose shipped as trees).
    // Loading the comparison view and the progress report on demand would save ~60 kB (not done yet).
    // The limit sits above today's chunks so that growth shows up as a warning.
    // dist/.vite/bundle-contents.json (and npm run bench) say what is inside.
    chunkSizeWarningLimit: 1250,
    // Two pages: the lab, and the instructor's live class view (served as a class by `npm run serve -- --class`).
    rolldownOptions: {
      input: { main: path.resolve(import.meta.dirname, "index.html"), instructor: path.resolve(import.meta.dirname, "instructor.html") },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
