// The serve command's rules, kept pure so unit tests pin them down: which content type a file gets,
// how long browsers may keep it, and which precompressed variant (if any) answers a request.

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  // Browsers compile WebAssembly while it streams in only when it is served as application/wasm.
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".config": "text/plain; charset=utf-8",
  ".lock": "text/plain; charset=utf-8",
  ".zst": "application/zstd",
};

/** The Content-Type for a path; the guest's kernel, initrd and BIOS are plain bytes. */
export function contentType(path: string): string {
  const dot = path.lastIndexOf(".");
  const slash = path.lastIndexOf("/");
  const ext = dot > slash ? path.slice(dot).toLowerCase() : "";
  return TYPES[ext] ?? "application/octet-stream";
}

/**
 * Cache-Control for a path relative to the site root. Files under assets/ carry a content hash in their
 * name, so they never change: a year, immutable. Everything else keeps its name across builds
 * (index.html, sw.js, the guest image and its manifest.json) and must be revalidated (a cheap 304 when
 * unchanged), or a classroom would keep yesterday's page after an update.
 */
export function cacheControl(relativePath: string): string {
  return relativePath.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
}

export type Encoding = "br" | "gzip";

/** File suffix of each encoding's precompressed variant. */
export const VARIANT_SUFFIX: Readonly<Record<Encoding, string>> = { br: ".br", gzip: ".gz" };

/**
 * The best precompressed variant the client accepts (RFC 9110 Accept-Encoding, with q-values and `*`),
 * preferring brotli (smaller) on a tie; undefined means send the file as it is.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: ReadonlySet<Encoding>): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [token = "", ...params] = part.trim().toLowerCase().split(";");
    if (!token) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split("=");
      if (key === "q" && value !== undefined) {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
      }
    }
    weights.set(token === "x-gzip" ? "gzip" : token, q);
  }
  const weight = (encoding: Encoding): number => weights.get(encoding) ?? weights.get("*") ?? 0;
  let best: Encoding | undefined;
  for (const encoding of ["br", "gzip"] as const) {
    if (!available.has(encoding) || weight(encoding) <= 0) continue;
    if (!best || weight(encoding) > weight(best)) best = encoding;
  }
  return best;
}

/**
 * The file a URL path names, relative to the site root, or undefined when it tries to leave the root
 * (`..`, encoded slashes, NUL). A path ending in `/` names its index.html; empty segments are dropped.
 */
export function resolveRequestPath(urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith("/") || decoded.includes("\0") || decoded.includes("\\")) return undefined;
  const segments = decoded.split("/").slice(1);
  if (segments.some((s) => s === ".." || s === ".")) return undefined;
  // Empty segments ("//", "a//b") name nothing: dropped, so the result never starts with "/".
  const relative = segments.filter((s) => s !== "").join("/");
  if (segments.at(-1) !== "") return relative;
  return relative === "" ? "index.html" : `${relative}/index.html`;
}

/**
 * A weak validator from a file's size and time, per encoding: a 304 must never swap one encoding's
 * bytes for another's.
 */
export function weakEtag(size: number, mtimeMs: number, encoding: Encoding | undefined): string {
  return `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${encoding ? `-${encoding}` : ""}"`;
}

/** Whether an If-None-Match header names `etag` (or `*`): the client's copy is current, answer 304. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  return ifNoneMatch !== undefined && ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
}
