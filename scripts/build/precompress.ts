// Writes `<file>.br` and `<file>.gz` next to every compressible file of the build, once, at build time,
// so scripts/serve.ts (or nginx's gzip_static/brotli_static) sends them without compressing per request.
import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { DISK_PART_PATH } from "../../src/vm/manifest.ts";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Already compressed (zstd snapshot, images) or too small to gain anything. */
const SKIP = /\.(br|gz|zst|png|jpe?g|webp|avif|woff2?)$/i;
const MIN_BYTES = 1024;
/** A variant is kept only when it saves at least this much; the kernel (already compressed) saves ~8%. */
const MIN_SAVING = 0.1;
/** Brotli's best quality takes ~15 s a megabyte for big binaries; above this size a fast level is close enough. */
const BEST_QUALITY_UP_TO = 1_500_000;

export interface CompressedFile {
  readonly file: string;
  readonly bytes: number;
  readonly br?: number;
  readonly gz?: number;
}

export async function precompressDir(dir: string): Promise<CompressedFile[]> {
  const files = (await listFiles(dir)).filter((f) => !SKIP.test(f));
  const results: CompressedFile[] = [];
  for (const file of files) {
    const bytes = await readFile(file);
    if (bytes.length < MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(bytes, {
        params: {
          // The /usr disk's parts are 23 MB of binaries in small files: a fast level for them too.
          [constants.BROTLI_PARAM_QUALITY]: bytes.length <= BEST_QUALITY_UP_TO && !DISK_PART_PATH.test(file) ? 11 : 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
      gzipAsync(bytes, { level: 9 }),
    ]);
    const result: { file: string; bytes: number; br?: number; gz?: number } = { file: path.relative(dir, file), bytes: bytes.length };
    if (br.length <= bytes.length * (1 - MIN_SAVING)) {
      await writeFile(`${file}.br`, br);
      result.br = br.length;
    }
    if (gz.length <= bytes.length * (1 - MIN_SAVING)) {
      await writeFile(`${file}.gz`, gz);
      result.gz = gz.length;
    }
    results.push(result);
  }
  return results;
}

export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const full = path.join(dir, name);
    if ((await stat(full)).isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}
