// Build-time compression: brotli and gzip variants that decompress to the file, only where they save
// something, never for already-compressed files.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { precompressDir } from "../../scripts/build/precompress.ts";

const dir = mkdtempSync(path.join(tmpdir(), "lab-precompress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("precompressDir", () => {
  it("writes variants that decompress to the file, where they are worth it", async () => {
    const text = Buffer.from("export const hello = 'world';\n".repeat(500));
    writeFileSync(path.join(dir, "app.js"), text);
    writeFileSync(path.join(dir, "tiny.css"), "a{}");
    writeFileSync(path.join(dir, "random.bin"), randomBytes(50_000));
    writeFileSync(path.join(dir, "state.bin.zst"), text);

    const results = await precompressDir(dir);

    expect(brotliDecompressSync(readFileSync(path.join(dir, "app.js.br")))).toEqual(text);
    expect(gunzipSync(readFileSync(path.join(dir, "app.js.gz")))).toEqual(text);
    expect(results.find((r) => r.file === "app.js")).toMatchObject({ bytes: text.length });
    // Too small to gain, incompressible, or already compressed: sent as they are.
    for (const name of ["tiny.css", "random.bin", "state.bin.zst"]) {
      expect(existsSync(path.join(dir, `${name}.br`)), name).toBe(false);
      expect(existsSync(path.join(dir, `${name}.gz`)), name).toBe(false);
    }
  });
});
