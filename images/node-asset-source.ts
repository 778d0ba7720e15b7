// Reads guest files from a folder on disk: the AssetSource used by Node tests, the snapshot builder
// and the benchmark (the browser fetches the same files over HTTP).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { AssetsMissingError, type AssetSource } from "../src/vm/asset-source.ts";
import type { ManifestFile } from "../src/vm/manifest.ts";

export const REPO_DIR = path.resolve(import.meta.dirname, "..");
export const GUEST_DIR = path.join(REPO_DIR, "public", "guest");

const require = createRequire(import.meta.url);
export const V86_WASM_PATH = require.resolve("v86/build/v86.wasm");
export const V86_VERSION: string = (require("v86/package.json") as { version: string }).version;

export class NodeAssetSource implements AssetSource {
  constructor(private readonly dir: string = GUEST_DIR) {}

  async loadManifest(): Promise<unknown> {
    const file = path.join(this.dir, "manifest.json");
    try {
      return JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        throw new AssetsMissingError(`${file} not found: build the guest image with \`bash images/build.sh\``);
      }
      throw error;
    }
  }

  async load(file: ManifestFile, onProgress?: (loadedBytes: number) => void): Promise<ArrayBuffer> {
    const data = await readFile(path.join(this.dir, file.path));
    onProgress?.(data.length);
    return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  }
}
