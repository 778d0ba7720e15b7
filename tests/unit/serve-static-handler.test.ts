// The classroom server end to end on loopback, over a small site in a temporary folder: the variant the
// client accepts, ETag revalidation, HEAD, and refusals.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../scripts/serve/security-policy.ts";
import { createStaticHandler } from "../../scripts/serve/static-handler.ts";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let dir: string;
let server: Server;
let port: number;
const js = Buffer.from("console.log('hello');\n".repeat(200));

function get(urlPath: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: urlPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "lab-serve-"));
  mkdirSync(path.join(dir, "assets"));
  mkdirSync(path.join(dir, "guest"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>lab</title>");
  writeFileSync(path.join(dir, "assets", "index-abc.js"), js);
  writeFileSync(path.join(dir, "assets", "index-abc.js.br"), brotliCompressSync(js));
  writeFileSync(path.join(dir, "assets", "index-abc.js.gz"), gzipSync(js));
  writeFileSync(path.join(dir, "assets", "v86-abc.wasm"), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(path.join(dir, "guest", "bios.bin"), Buffer.alloc(4096, 7));
  // A variant left over from an older build (older than its file) must not be sent.
  writeFileSync(path.join(dir, "guest", "bios.bin.gz"), gzipSync(Buffer.alloc(10, 1)));
  const old = new Date(Date.now() - 60_000);
  utimesSync(path.join(dir, "guest", "bios.bin.gz"), old, old);
  server = createServer(createStaticHandler(dir));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("static handler", () => {
  it("serves index.html for / with revalidation", async () => {
    const reply = await get("/");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(reply.headers["cache-control"]).toBe("no-cache");
    expect(reply.body.toString()).toContain("<title>lab</title>");
  });

  it("sends the brotli variant to a browser that accepts it, gzip to one that does not, and plain bytes otherwise", async () => {
    const br = await get("/assets/index-abc.js", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(br.body).toEqual(brotliCompressSync(js));

    const gz = await get("/assets/index-abc.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.body).toEqual(gzipSync(js));

    const plain = await get("/assets/index-abc.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toEqual(js);
  });

  it("serves WebAssembly as application/wasm", async () => {
    const reply = await get("/assets/v86-abc.wasm", { "accept-encoding": "br" });
    expect(reply.headers["content-type"]).toBe("application/wasm");
    expect(reply.headers["content-encoding"]).toBeUndefined();
  });

  it("never sends a compressed variant older than its file", async () => {
    const reply = await get("/guest/bios.bin", { "accept-encoding": "gzip" });
    expect(reply.headers["content-encoding"]).toBeUndefined();
    expect(reply.body).toEqual(Buffer.alloc(4096, 7));
  });

  it("answers a matching If-None-Match with 304, per encoding", async () => {
    const first = await get("/assets/index-abc.js", { "accept-encoding": "br" });
    const etag = String(first.headers.etag);
    const again = await get("/assets/index-abc.js", { "accept-encoding": "br", "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const otherEncoding = await get("/assets/index-abc.js", { "accept-encoding": "gzip", "if-none-match": etag });
    expect(otherEncoding.status).toBe(200);
    expect(otherEncoding.headers["content-encoding"]).toBe("gzip");
  });

  it("answers HEAD with the headers only", async () => {
    const reply = await get("/assets/index-abc.js", { "accept-encoding": "gzip" }, "HEAD");
    expect(reply.status).toBe(200);
    expect(Number(reply.headers["content-length"])).toBe(gzipSync(js).length);
    expect(reply.body.length).toBe(0);
  });

  it("refuses missing files, escapes from the folder and other methods", async () => {
    expect((await get("/nope.js")).status).toBe(404);
    expect((await get("/assets")).status).toBe(404);
    expect((await get("/../package.json")).status).toBe(400);
    expect((await get("/%2e%2e/package.json")).status).toBe(400);
    const post = await get("/", {}, "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it("sends the security headers with every answer, refusals included", async () => {
    for (const reply of [await get("/"), await get("/assets/index-abc.js"), await get("/nope.js"), await get("/", {}, "POST")]) {
      expect(reply.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
      expect(reply.headers["referrer-policy"]).toBe("no-referrer");
      expect(reply.headers["permissions-policy"]).toContain("camera=()");
      expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    }
  });
});
