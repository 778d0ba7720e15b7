// A request handler for node:http that serves a built site from a folder: the precompressed variant the
// browser accepts (written at build time by scripts/build/precompress.ts), correct content types (wasm),
// cache headers (http-policy.ts) and ETags, so a reload or a service worker's check costs a 304, and the
// security headers (security-policy.ts) on every answer.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { VARIANT_SUFFIX, cacheControl, chooseEncoding, contentType, etagMatches, resolveRequestPath, weakEtag, type Encoding } from "./http-policy.ts";
import { SECURITY_HEADERS } from "./security-policy.ts";

interface FileInfo {
  readonly size: number;
  readonly mtimeMs: number;
}

async function fileInfo(file: string): Promise<FileInfo | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** Serves `root`; every answer is logged through `onResponse` when given (status, path, bytes). */
export function createStaticHandler(
  root: string,
  onResponse?: (status: number, path: string, bytes: number) => void,
): (request: IncomingMessage, response: ServerResponse) => void {
  const base = path.resolve(root);

  const finish = (response: ServerResponse, status: number, urlPath: string, body: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, {
      ...SECURITY_HEADERS,
      "content-type": "text/plain; charset=utf-8",
      "content-length": Buffer.byteLength(body),
      ...headers,
    });
    response.end(body);
    onResponse?.(status, urlPath, 0);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const urlPath = request.url ?? "/";
    if (request.method !== "GET" && request.method !== "HEAD") {
      return finish(response, 405, urlPath, "Method not allowed\n", { allow: "GET, HEAD" });
    }
    const relative = resolveRequestPath(urlPath);
    if (relative === undefined) return finish(response, 400, urlPath, "Bad path\n");
    const file = path.join(base, relative);
    const info = await fileInfo(file);
    if (!info) return finish(response, 404, urlPath, `Not found: /${relative}\n`);

    const available = new Set<Encoding>();
    const variants = new Map<Encoding, FileInfo>();
    for (const encoding of ["br", "gzip"] as const) {
      const variant = await fileInfo(file + VARIANT_SUFFIX[encoding]);
      // A variant older than its file is left over from an earlier build: never send stale bytes.
      if (variant && variant.mtimeMs >= info.mtimeMs) {
        available.add(encoding);
        variants.set(encoding, variant);
      }
    }
    const encoding = chooseEncoding(header(request, "accept-encoding"), available);
    const sent = encoding ? variants.get(encoding)! : info;
    const etag = weakEtag(info.size, info.mtimeMs, encoding);
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      "content-type": contentType(relative),
      "cache-control": cacheControl(relative),
      etag,
    };
    if (available.size > 0) headers.vary = "Accept-Encoding";
    if (encoding) headers["content-encoding"] = encoding;

    if (etagMatches(header(request, "if-none-match"), etag)) {
      response.writeHead(304, headers);
      response.end();
      onResponse?.(304, urlPath, 0);
      return;
    }
    headers["content-length"] = String(sent.size);
    response.writeHead(200, headers);
    if (request.method === "HEAD") {
      response.end();
      onResponse?.(200, urlPath, 0);
      return;
    }
    const stream = createReadStream(encoding ? file + VARIANT_SUFFIX[encoding] : file);
    stream.on("error", () => response.destroy());
    stream.on("end", () => onResponse?.(200, urlPath, sent.size));
    stream.pipe(response);
  };

  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) finish(response, 500, request.url ?? "/", `Server error: ${(error as Error).message}\n`);
      else response.destroy();
    });
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}
