// What the service worker keeps for offline use. scripts/build/precache-plugin.ts writes the list into
// sw.js at build time; the worker reads it. Pure data and functions: the worker, the page and Node
// (the plugin, unit tests) all share it, and nothing here touches the DOM or a worker global. The page
// imports types only: a runtime import shared with sw.js would split it into a chunk the worker imports.

/** One file the worker downloads, verifies and keeps. */
export interface PrecacheEntry {
  /** Path relative to the site's root (the service worker's scope), e.g. `assets/index-abc.js`. */
  readonly url: string;
  readonly size: number;
  /** Lowercase hex sha256 of the file's bytes, checked before the file is cached. */
  readonly sha256: string;
}

export interface PrecacheList {
  /** Changes with any file of the page (index.html, code, styles, wasm, icons). */
  readonly appVersion: string;
  /** manifest.json's inputsKey and a digest of the guest's files: an unchanged image keeps its cache across builds. */
  readonly guestKey: string;
  readonly app: readonly PrecacheEntry[];
  /** guest/manifest.json and every file it names. */
  readonly guest: readonly PrecacheEntry[];
}

/** Every cache this site's worker owns starts with this; others (another app on the origin) are left alone. */
export const CACHE_PREFIX = "isolation-lab-";

export function appCacheName(list: PrecacheList): string {
  return `${CACHE_PREFIX}app-${list.appVersion}`;
}

export function guestCacheName(list: PrecacheList): string {
  return `${CACHE_PREFIX}guest-${list.guestKey}`;
}

/** Caches left behind by older builds: ours, but neither of the current list's two. */
export function staleCaches(names: readonly string[], list: PrecacheList): string[] {
  const keep = new Set([appCacheName(list), guestCacheName(list)]);
  return names.filter((name) => name.startsWith(CACHE_PREFIX) && !keep.has(name));
}

/** Paths served from the cache without a network round trip (URLs of hashed files never change content). */
export function isImmutablePath(url: string): boolean {
  return url.startsWith("assets/");
}

/**
 * Why bytes are not the file the list promises, or undefined when they are. A download that broke off
 * or a proxy that rewrote it must never end up in the cache, where it would be served forever.
 */
export async function verifyBytes(bytes: ArrayBuffer, entry: PrecacheEntry): Promise<string | undefined> {
  if (bytes.byteLength !== entry.size) {
    return `${entry.url} arrived incomplete or changed (${bytes.byteLength} of ${entry.size} bytes)`;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  return hex === entry.sha256 ? undefined : `${entry.url} is corrupt (its sha256 does not match the build)`;
}

/** Messages between the page and its worker (postMessage payloads). */
export type WorkerToPage =
  | { readonly type: "precache-progress"; readonly done: number; readonly total: number }
  | { readonly type: "precache-failed"; readonly reason: string }
  | { readonly type: "precache-complete" };

export type PageToWorker = { readonly type: "skip-waiting" };

