// The service worker's decisions, apart from the worker's globals so they can be tested in Node: which
// requests it answers and from which cache, whether a cached guest file can be served as it is, where a
// file of the build's list comes from at install, and the headers a cached copy carries. Imported by
// service-worker.ts only (the page must not share runtime code with sw.js).
import { appCacheName, guestCacheName, isImmutablePath, type PrecacheEntry, type PrecacheList } from "./precache-list.ts";

/** The header a cached copy carries: the sha256 it was verified against when it was cached. */
export const SHA_HEADER = "x-lab-sha256";

/** What the worker looks at in a request. */
export interface RequestFacts {
  readonly method: string;
  readonly url: string;
  /** "navigate" for a page load; the rest do not matter here. */
  readonly mode: string;
}

/** A request the worker answers: from the page's cache (code, styles, wasm) or the guest image's. */
export interface Route {
  readonly cache: "app" | "guest";
  readonly entry: PrecacheEntry;
}

/**
 * The worker's router for one build's list and its scope: only GETs for files of the list, on the
 * worker's origin and under its scope, are answered; a page load of the scope itself is index.html.
 * Everything else (another origin, a POST, a file the build does not have, a malformed escape) goes to
 * the network as if there were no worker.
 */
export function precacheRouter(list: PrecacheList, scope: URL): (request: RequestFacts) => Route | undefined {
  const app = new Map(list.app.map((e) => [e.url, e]));
  const guest = new Map(list.guest.map((e) => [e.url, e]));
  return (request) => {
    if (request.method !== "GET") return undefined;
    const url = new URL(request.url);
    if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return undefined;
    let path: string;
    try {
      path = decodeURIComponent(url.pathname.slice(scope.pathname.length));
    } catch {
      return undefined;
    }
    if (request.mode === "navigate" && path === "") path = "index.html";
    const appEntry = app.get(path);
    if (appEntry) return { cache: "app", entry: appEntry };
    const guestEntry = guest.get(path);
    return guestEntry ? { cache: "guest", entry: guestEntry } : undefined;
  };
}

/**
 * What to do with the guest cache's copy of a file: none cached ("fetch"); cached for another build's
 * file ("drop" it, then fetch); cached for this one and already verified since the worker started
 * ("serve"); cached for this one but not yet read back ("verify" its bytes before serving them).
 */
export function cachedGuestCopy(cachedSha: string | null | undefined, entry: PrecacheEntry, verifiedAlready: boolean): "fetch" | "drop" | "serve" | "verify" {
  if (cachedSha === undefined) return "fetch";
  if (cachedSha !== entry.sha256) return "drop";
  return verifiedAlready ? "serve" : "verify";
}

/**
 * Where install takes a file from: this build's cache already has it ("present"); a hashed file the
 * previous build's cache kept ("earlier", verified again before it is copied); else the network.
 */
export function precacheSource(entry: PrecacheEntry, presentSha: string | null | undefined, earlierSha: string | null | undefined): "present" | "earlier" | "download" {
  if (presentSha === entry.sha256) return "present";
  if (isImmutablePath(entry.url) && earlierSha === entry.sha256) return "earlier";
  return "download";
}

/** Every file of the list with the cache it belongs in: the page's files and the guest image's apart. */
export function precacheJobs(list: PrecacheList): { readonly entry: PrecacheEntry; readonly cacheName: string }[] {
  return [...list.app.map((entry) => ({ entry, cacheName: appCacheName(list) })), ...list.guest.map((entry) => ({ entry, cacheName: guestCacheName(list) }))];
}

/** The headers of a cached copy: the sha256 it was verified against, its true length, its type. */
export function cachedHeaders(byteLength: number, contentType: string | null, entry: PrecacheEntry): [string, string][] {
  const headers: [string, string][] = [
    [SHA_HEADER, entry.sha256],
    ["content-length", String(byteLength)],
  ];
  if (contentType) headers.push(["content-type", contentType]);
  return headers;
}
