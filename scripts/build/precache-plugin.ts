// Vite plugin (production builds only) for offline use and for serving a classroom:
//   1. builds src/offline/service-worker.ts as dist/sw.js (a fixed name: browsers look for updates there);
//   2. after the files are written, lists every file the page needs with its size and sha256 (the guest
//      image's from public/guest/manifest.json) and writes that list into sw.js, so any change to the
//      build changes sw.js and installs as an update;
//   3. writes brotli and gzip variants of every compressible file (precompress.ts).
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Plugin } from "vite";
import type { PrecacheEntry, PrecacheList } from "../../src/offline/precache-list.ts";
import { parseManifest } from "../../src/vm/manifest.ts";
import { listFiles, precompressDir } from "./precompress.ts";

export const SERVICE_WORKER_FILE = "sw.js";
const SERVICE_WORKER_SOURCE = path.resolve(import.meta.dirname, "../../src/offline/service-worker.ts");
const PLACEHOLDER = "__LAB_PRECACHE__";

/**
 * Files of the build that the page never loads: compressed variants, the worker itself, the guest's build
 * records, the build's own reports (.vite/), and the in-thread emulator (Node's; the page runs each emulator in a worker of its own).
 */
function isPrecached(relative: string): boolean {
  return (
    !/\.(br|gz|map)$/.test(relative) &&
    relative !== SERVICE_WORKER_FILE &&
    !relative.startsWith("guest/") &&
    !relative.startsWith(".vite/") &&
    !/^assets\/in-process-emulator-[\w-]+\.js$/.test(relative)
  );
}

async function entryFor(dir: string, relative: string): Promise<PrecacheEntry> {
  const bytes = await readFile(path.join(dir, relative));
  return { url: relative, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** The list for a built site in `dir` (read from disk: what a server will actually send). */
export async function buildPrecacheList(dir: string): Promise<PrecacheList> {
  const relatives = (await listFiles(dir)).map((f) => path.relative(dir, f).split(path.sep).join("/"));
  const app = await Promise.all(relatives.filter(isPrecached).map((r) => entryFor(dir, r)));
  const manifestEntry = await entryFor(dir, "guest/manifest.json");
  const manifest = parseManifest(JSON.parse(await readFile(path.join(dir, "guest/manifest.json"), "utf8")), "guest/manifest.json");
  // The manifest already holds each file's size and sha256: the very values the page checks them against.
  // The /usr disk's parts too: the page loads most of them only when the guest first reads them, and
  // offline it must find every one of them cached.
  const guest = [manifestEntry, ...[...Object.values(manifest.files), ...manifest.disk.parts].map((f) => ({ url: `guest/${f.path}`, size: f.size, sha256: f.sha256 }))];
  const appVersion = createHash("sha256")
    .update(JSON.stringify(app.map((e) => [e.url, e.sha256])))
    .digest("hex")
    .slice(0, 16);
  // inputsKey names the image's inputs; the outputs' digest tells two builds of the same inputs apart
  // (a forced rebuild takes a new snapshot), so two workers never share a cache with different files.
  const outputs = createHash("sha256")
    .update(guest.map((e) => e.sha256).join(","))
    .digest("hex")
    .slice(0, 8);
  return { appVersion, guestKey: `${manifest.inputsKey}-${outputs}`, app, guest };
}

export function offlineBuild(): Plugin {
  return {
    name: "isolation-lab:offline-build",
    apply: "build",
    buildStart() {
      this.emitFile({ type: "chunk", id: SERVICE_WORKER_SOURCE, fileName: SERVICE_WORKER_FILE });
    },
    generateBundle(_options, bundle) {
      const worker = bundle[SERVICE_WORKER_FILE];
      // A classic worker script cannot import: a chunk shared with the page would break it.
      if (worker?.type === "chunk" && (worker.imports.length > 0 || worker.dynamicImports.length > 0)) {
        this.error(`${SERVICE_WORKER_FILE} imports ${worker.imports.join(", ")}: src/offline/service-worker.ts must not share runtime code with the page`);
      }
    },
    async writeBundle(options) {
      const dir = options.dir ?? path.resolve("dist");
      const list = await buildPrecacheList(dir);
      const workerPath = path.join(dir, SERVICE_WORKER_FILE);
      const code = await readFile(workerPath, "utf8");
      const parts = code.split(PLACEHOLDER);
      if (parts.length !== 2) throw new Error(`${SERVICE_WORKER_FILE}: expected one ${PLACEHOLDER}, found ${parts.length - 1}`);
      await writeFile(workerPath, parts.join(`(${JSON.stringify(list)})`));
      const compressed = await precompressDir(dir);
      const total = list.app.length + list.guest.length;
      this.info(`${SERVICE_WORKER_FILE}: ${total} files kept for offline use; ${compressed.length} files precompressed (br, gz)`);
    },
  };
}
