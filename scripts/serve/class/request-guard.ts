// What every class request must be before its body is read: from a page of this server (same origin),
// JSON by its content type (a cross-site HTML form can only post text/plain, urlencoded or multipart),
// and small. Each refusal names its reason and status.
import type { IncomingMessage } from "node:http";
import { MAX_BODY_BYTES } from "../../../src/classroom/class-protocol.ts";

export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Same origin: the browser's Origin header names this server (Host), and Sec-Fetch-Site, when sent,
 * says same-origin. A POST from a browser always carries Origin; a request without one is refused.
 */
export function checkSameOrigin(request: IncomingMessage): void {
  const origin = header(request, "origin");
  const host = header(request, "host");
  if (!origin || !host) throw new Refusal(403, "cross-origin request refused (no Origin or Host)");
  let originHost: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("scheme");
    originHost = url.host;
  } catch {
    throw new Refusal(403, "cross-origin request refused (bad Origin)");
  }
  if (originHost !== host) throw new Refusal(403, `cross-origin request refused (${origin})`);
  const site = header(request, "sec-fetch-site");
  if (site !== undefined && site !== "same-origin") throw new Refusal(403, `cross-origin request refused (Sec-Fetch-Site: ${site})`);
}

/** Exactly application/json (a charset parameter allowed). */
export function checkJsonContentType(request: IncomingMessage): void {
  const type = header(request, "content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new Refusal(415, "send application/json");
}

/** Reads the body, refusing (and stopping the upload) past `limit` bytes; parses it as JSON. */
export async function readJsonBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(header(request, "content-length") ?? "0");
  if (declared > limit) throw new Refusal(413, `body over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Refusal(413, `body over ${limit} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new Refusal(400, "body is not JSON");
  }
}
