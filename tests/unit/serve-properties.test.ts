// Property-based tests (fast-check) for the serve command's request handling: whatever path, header or
// class body a client sends ends in a file inside the site's folder, a clear refusal, or a parsed value;
// never in another exception or a file outside the folder.
import path from "node:path";
import { Readable } from "node:stream";
import type { IncomingMessage } from "node:http";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_NAME_LENGTH } from "../../src/classroom/class-protocol.ts";
import { eventsRequestSchema, joinRequestSchema, leaveRequestSchema } from "../../scripts/serve/class/class-schemas.ts";
import { Refusal, checkJsonContentType, checkSameOrigin, readJsonBody } from "../../scripts/serve/class/request-guard.ts";
import { cleanStudentName } from "../../scripts/serve/class/student-name.ts";
import { cacheControl, chooseEncoding, contentType, etagMatches, resolveRequestPath, weakEtag, type Encoding } from "../../scripts/serve/http-policy.ts";

const RUNS = { numRuns: 500 };
const ROOT = path.resolve("/srv/lab");

/** Pieces a path traversal is built from, plain and percent-encoded (upper and lower case). */
const trickySegment = fc.constantFrom("..", ".", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%2f", "%2F", "%5c", "%5C", "%00", "\\", "..\\..", "%252e%252e", "%", "%zz", "%c0%ae", "");
const plainSegment = fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,11}$/);
const urlPath = fc
  .array(fc.oneof(trickySegment, plainSegment, fc.string({ maxLength: 6 }), fc.string({ maxLength: 6, unit: "binary" })), { maxLength: 6 })
  .chain((segments) => fc.tuple(fc.constant(segments), fc.constantFrom("", "?a=1", "#x", "?../../etc/passwd", "/")))
  .map(([segments, tail]) => `/${segments.join("/")}${tail}`);

/** Where `relative` lands under the site's folder, as the handler joins it. */
function landsInside(relative: string): boolean {
  const file = path.join(ROOT, relative);
  return file.startsWith(ROOT + path.sep);
}

describe("resolveRequestPath", () => {
  it("never throws, and names a file inside the site's folder or nothing", () => {
    fc.assert(
      fc.property(fc.oneof(urlPath, fc.string({ unit: "binary" })), (url) => {
        const relative = resolveRequestPath(url);
        if (relative === undefined) return;
        expect(relative.startsWith("/")).toBe(false);
        expect(relative.split("/")).not.toContain("..");
        expect(relative).not.toMatch(/[\0\\]/);
        expect(landsInside(relative)).toBe(true);
      }),
      RUNS,
    );
  });

  it("finds every plain file by its encoded name, whatever the query or fragment", () => {
    fc.assert(
      fc.property(fc.array(plainSegment, { minLength: 1, maxLength: 5 }), fc.constantFrom("", "?v=2", "#top"), (segments, tail) => {
        fc.pre(segments.every((s) => s !== "." && s !== ".."));
        const encoded = segments.map((s) => encodeURIComponent(s)).join("/");
        expect(resolveRequestPath(`/${encoded}${tail}`)).toBe(segments.join("/"));
      }),
      RUNS,
    );
  });

  it("refuses a dot-dot segment however it is spelled", () => {
    fc.assert(
      fc.property(fc.array(plainSegment, { maxLength: 3 }), fc.constantFrom("..", "%2e%2e", "%2E%2e", ".%2E", "%2e."), fc.array(plainSegment, { maxLength: 3 }), (before, dots, after) => {
        expect(resolveRequestPath(`/${[...before, dots, ...after].join("/")}`)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it("answers a folder with its index.html", () => {
    expect(resolveRequestPath("/")).toBe("index.html");
    expect(resolveRequestPath("/guest/")).toBe("guest/index.html");
  });

  // Found by the first property (seed -2047050975): "//" resolved to "/index.html", a path that was
  // not relative to the site's root (path.join kept it inside, by luck of how it joins).
  it("drops empty segments, so the path is always relative", () => {
    expect(resolveRequestPath("//")).toBe("index.html");
    expect(resolveRequestPath("//etc/passwd")).toBe("etc/passwd");
    expect(resolveRequestPath("/guest//bzImage")).toBe("guest/bzImage");
    expect(resolveRequestPath("/guest//")).toBe("guest/index.html");
  });
});

describe("chooseEncoding", () => {
  const available = fc.subarray<Encoding>(["br", "gzip"]).map((list) => new Set(list));
  const token = fc.constantFrom("br", "gzip", "x-gzip", "*", "identity", "deflate", "zstd", "BR", "GZip", "");
  const q = fc.oneof(fc.constant(""), fc.double({ noNaN: false }).map((n) => `;q=${n}`), fc.string({ maxLength: 5 }).map((s) => `;q=${s}`), fc.constant(";level=1"));
  const acceptEncoding = fc.oneof(
    fc.tuple(fc.array(fc.tuple(token, q).map(([t, w]) => `${t}${w}`), { maxLength: 6 }), fc.constantFrom(",", ", ", " ,")).map(([parts, comma]) => parts.join(comma)),
    fc.string({ unit: "binary" }),
  );

  it("picks only a variant that exists, or none, and never throws", () => {
    fc.assert(
      fc.property(fc.option(acceptEncoding, { nil: undefined }), available, (header, variants) => {
        const chosen = chooseEncoding(header, variants);
        if (chosen !== undefined) expect(variants.has(chosen)).toBe(true);
      }),
      RUNS,
    );
  });

  it("sends the file as it is when the client names no encoding it could take", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("identity", "deflate", "zstd", "compress"), { maxLength: 4 }), available, (tokens, variants) => {
        expect(chooseEncoding(tokens.join(", "), variants)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it("never sends an encoding the client refused with q=0", () => {
    fc.assert(
      fc.property(fc.constantFrom<Encoding>("br", "gzip"), fc.array(token, { maxLength: 4 }), (refused, others) => {
        const header = [...others.filter((t) => t.toLowerCase() !== refused && !(refused === "gzip" && t === "x-gzip")), `${refused};q=0`].join(", ");
        expect(chooseEncoding(header, new Set<Encoding>(["br", "gzip"]))).not.toBe(refused);
      }),
      RUNS,
    );
  });
});

describe("content type and cache lifetime", () => {
  it("gives every path a type, by its extension in any case, and keeps only hashed assets for a year", () => {
    const withExtension = fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(".wasm", ".js", ".html", ".zst", ".Json", ".svg", ".bin", "")).map(([n, e]) => n + e);
    fc.assert(
      fc.property(fc.oneof(fc.string(), withExtension), (p) => {
        const dot = p.lastIndexOf(".");
        const shouted = dot > p.lastIndexOf("/") ? p.slice(0, dot) + p.slice(dot).toUpperCase() : p;
        expect(contentType(shouted)).toBe(contentType(p));
        expect(contentType(p)).toMatch(/^[a-z]+\/[a-z0-9.+-]+(; charset=utf-8)?$/);
        expect(cacheControl(p)).toBe(p.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      }),
      RUNS,
    );
  });

  it("serves WebAssembly as application/wasm however its name is cased", () => {
    fc.assert(
      fc.property(plainSegment, fc.constantFrom(".wasm", ".WASM", ".Wasm"), (name, ext) => {
        expect(contentType(`assets/${name}${ext}`)).toBe("application/wasm");
      }),
    );
  });
});

describe("ETags", () => {
  const etag = fc.tuple(fc.nat(), fc.double({ min: 0, max: 4e12, noNaN: true }), fc.constantFrom<Encoding | undefined>("br", "gzip", undefined)).map(([size, time, enc]) => weakEtag(size, time, enc));

  it("gives each encoding of the same file its own validator", () => {
    fc.assert(
      fc.property(fc.nat(), fc.double({ min: 0, max: 4e12, noNaN: true }), (size, time) => {
        const tags = new Set([weakEtag(size, time, undefined), weakEtag(size, time, "br"), weakEtag(size, time, "gzip")]);
        expect(tags.size).toBe(3);
      }),
      RUNS,
    );
  });

  it("answers 304 when If-None-Match lists the tag anywhere (or *), and not for other tags", () => {
    fc.assert(
      fc.property(etag, fc.array(etag, { maxLength: 4 }), fc.nat({ max: 4 }), (tag, others, at) => {
        const strangers = others.filter((t) => t !== tag);
        const listed = [...strangers.slice(0, at), tag, ...strangers.slice(at)];
        expect(etagMatches(listed.join(" ,  "), tag)).toBe(true);
        expect(etagMatches(`${strangers.join(", ")}${strangers.length ? ", " : ""}*`, tag)).toBe(true);
        expect(etagMatches(strangers.join(","), tag)).toBe(false);
        expect(etagMatches(undefined, tag)).toBe(false);
      }),
      RUNS,
    );
  });
});

/** A request as the guard sees it: headers and a body arriving in chunks. */
function classRequest(headers: Record<string, string>, chunks: readonly Uint8Array[] = []): IncomingMessage {
  return Object.assign(Readable.from(chunks.map((c) => Buffer.from(c))), { headers }) as unknown as IncomingMessage;
}

function isJson(bytes: Uint8Array): boolean {
  try {
    JSON.parse(Buffer.from(bytes).toString("utf8"));
    return true;
  } catch {
    return false;
  }
}

/** Runs `check` and returns the refusal's status, or "ok"; any other exception fails the property. */
async function outcome(check: () => unknown): Promise<number | "ok"> {
  try {
    await check();
    return "ok";
  } catch (error) {
    if (error instanceof Refusal) return error.status;
    throw error;
  }
}

describe("class request guard", () => {
  const headerValue = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.webUrl(), fc.constantFrom("http://lab.local:8080", "null", "file:///x", "http://lab.local:8080/"));

  it("lets through only an Origin that names this host over http(s), refusing the rest with 403", async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(headerValue, { nil: undefined }), fc.constantFrom("lab.local:8080", "10.0.0.5:8080"), fc.option(fc.constantFrom("same-origin", "cross-site", "none", "same-site"), { nil: undefined }), async (origin, host, site) => {
        const headers: Record<string, string> = { host };
        if (origin !== undefined) headers.origin = origin;
        if (site !== undefined) headers["sec-fetch-site"] = site;
        const result = await outcome(() => checkSameOrigin(classRequest(headers)));
        if (result === "ok") {
          expect(new URL(origin!).host).toBe(host);
          expect(site === undefined || site === "same-origin").toBe(true);
        } else expect(result).toBe(403);
      }),
      RUNS,
    );
  });

  it("accepts exactly application/json, with parameters and in any case, and refuses the rest with 415", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom("application/json", "Application/JSON; charset=utf-8", "text/plain", "application/json-patch+json")), async (type) => {
        const result = await outcome(() => checkJsonContentType(classRequest({ "content-type": type })));
        expect(result === "ok").toBe(type.split(";")[0]!.trim().toLowerCase() === "application/json");
        if (result !== "ok") expect(result).toBe(415);
      }),
      RUNS,
    );
  });

  it("reads a body into JSON, refusing bytes that are not JSON (400) and bodies over the limit (413)", async () => {
    const limit = 256;
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => new TextEncoder().encode(JSON.stringify(v) ?? "null")),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.array(fc.nat({ max: 400 }), { maxLength: 4 }), fc.option(fc.nat({ max: 1000 }), { nil: undefined }), async (bytes, cuts, declared) => {
        const at = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((start, i) => bytes.subarray(start, [...at, bytes.length][i])).filter((c) => c.length > 0);
        const headers: Record<string, string> = declared === undefined ? {} : { "content-length": String(declared) };
        const result = await outcome(() => readJsonBody(classRequest(headers, chunks), limit));
        if (bytes.length > limit || (declared ?? 0) > limit) expect(result).toBe(413);
        else expect(result).toBe(isJson(bytes) ? "ok" : 400);
      }),
      RUNS,
    );
  });
});

describe("class bodies", () => {
  it("never throw in the schemas, whatever JSON arrives", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        for (const schema of [joinRequestSchema, eventsRequestSchema, leaveRequestSchema]) expect(typeof schema.safeParse(value).success).toBe("boolean");
      }),
      RUNS,
    );
  });

  it("clean a learner's name into readable, short, markup-free text, the same when cleaned again", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 120 }), fc.string({ maxLength: 120, unit: "binary" }), fc.string({ maxLength: 60, unit: "grapheme" })), (raw) => {
        const name = cleanStudentName(raw);
        if (name === undefined) return;
        expect([...name].length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
        expect(name).not.toMatch(/[<>&"'`\\]|[\p{Cc}\p{Cf}]|\s{2}/u);
        expect(name).toBe(name.trim());
        expect(name).toMatch(/[\p{L}\p{N}]/u);
        expect(cleanStudentName(name)).toBe(name);
      }),
      RUNS,
    );
  });
});
