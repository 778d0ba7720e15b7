// The service worker (built as sw.js by scripts/build/precache-plugin.ts, registered by
// offline-support.ts in production builds only). It keeps the page and the guest image so a learner who
// loaded the lab once can reload it with the network off. Written by hand: install downloads every file
// of the build's list and caches it only after its size and sha256 match; activate drops the caches of
// older builds; fetch answers from the cache first. It must not import anything the page imports at
// runtime (a shared chunk would make sw.js an ES module that imports it).
import {
  appCacheName,
  guestCacheName,
  isImmutablePath,
  staleCaches,
  verifyBytes,
  type PageToWorker,
  type PrecacheEntry,
  type PrecacheList,
  type WorkerToPage,
} from "./precache-list.ts";
import { SHA_HEADER, cachedGuestCopy, cachedHeaders, precacheJobs, precacheRouter, precacheSource } from "./worker-rules.ts";

/** Replaced with the build's list (JSON) by the precache plugin; see precache-list.ts. */
declare const __LAB_PRECACHE__: PrecacheList;

// The few worker types this file needs, declared here because the file is compiled twice: with the
// page's tsconfig.json (DOM library; lint's type information) and with tsconfig.sw.json (WebWorker
// library, no DOM), which is what makes a page-only API here a type error.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerScope {
  readonly registration: { readonly scope: string };
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { includeUncontrolled: boolean; type: "window" }): Promise<readonly { postMessage(message: unknown): void }[]>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: ExtendableMessageEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const list = __LAB_PRECACHE__;
const scope = new URL(worker.registration.scope);
const route = precacheRouter(list, scope);
/** Guest files read back from the cache and verified since this worker started (once per file). */
const verified = new Set<string>();

worker.addEventListener("install", (event) => {
  event.waitUntil(
    precacheAll().then(
      () => broadcast({ type: "precache-complete" }),
      async (error: unknown) => {
        await broadcast({ type: "precache-failed", reason: error instanceof Error ? error.message : String(error) });
        // Failing install keeps this worker from activating with an incomplete cache; the browser tries
        // again on the next visit.
        throw error;
      },
    ),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of staleCaches(await caches.keys(), list)) await caches.delete(name);
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener("message", (event) => {
  const message = event.data as PageToWorker | undefined;
  if (message?.type === "skip-waiting") event.waitUntil(worker.skipWaiting());
});

worker.addEventListener("fetch", (event) => {
  const request = event.request;
  const to = route(request);
  if (to?.cache === "app") event.respondWith(fromAppCache(request, to.entry));
  else if (to?.cache === "guest") event.respondWith(fromGuestCache(request, to.entry));
  // Anything else (not part of the build) goes to the network as if there were no worker.
});

async function fromAppCache(request: Request, entry: PrecacheEntry): Promise<Response> {
  const cache = await caches.open(appCacheName(list));
  return (await cache.match(entry.url)) ?? fetch(request);
}

/**
 * A guest file from the cache, verified once per worker start: a cache written by an older worker, or
 * damaged by the browser's storage, must not hand the emulator a broken file forever. A bad entry is
 * dropped and the file comes from the network instead (and is cached again once verified).
 */
async function fromGuestCache(request: Request, entry: PrecacheEntry): Promise<Response> {
  const cache = await caches.open(guestCacheName(list));
  const cached = await cache.match(entry.url);
  const copy = cachedGuestCopy(cached?.headers.get(SHA_HEADER), entry, verified.has(entry.url));
  if (cached && copy === "serve") return cached;
  if (cached && copy === "verify") {
    const bytes = await cached.arrayBuffer();
    if ((await verifyBytes(bytes, entry)) === undefined) {
      verified.add(entry.url);
      return new Response(bytes, { headers: cached.headers });
    }
  }
  if (cached) await cache.delete(entry.url);
  const response = await fetch(request);
  if (!response.ok) return response;
  const bytes = await response.arrayBuffer();
  if ((await verifyBytes(bytes, entry)) === undefined) {
    await cache.put(entry.url, cachedResponse(bytes, response, entry));
    verified.add(entry.url);
  }
  // Unverified bytes still go to the page, whose own check reports the problem to the learner.
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function precacheAll(): Promise<void> {
  const jobs = precacheJobs(list);
  let done = 0;
  let next = 0;
  // A few downloads at once: enough to fill a LAN link, few enough not to starve the page's own.
  const runner = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      await precache(await caches.open(job.cacheName), job.entry);
      done++;
      await broadcast({ type: "precache-progress", done, total: jobs.length });
    }
  };
  await Promise.all([runner(), runner(), runner()]);
}

async function precache(cache: Cache, entry: PrecacheEntry): Promise<void> {
  const present = await cache.match(entry.url);
  // A hashed file kept by the previous build's cache needs no second download.
  const earlier = isImmutablePath(entry.url) ? await caches.match(entry.url, { ignoreSearch: true }) : undefined;
  const source = precacheSource(entry, present?.headers.get(SHA_HEADER), earlier?.headers.get(SHA_HEADER));
  if (source === "present") return;
  if (earlier && source === "earlier") {
    const bytes = await earlier.arrayBuffer();
    if ((await verifyBytes(bytes, entry)) === undefined) {
      await cache.put(entry.url, cachedResponse(bytes, earlier, entry));
      return;
    }
  }
  let response: Response;
  let bytes: ArrayBuffer;
  try {
    // no-cache: guest files keep their names across builds, so the HTTP cache may hold an older one.
    response = await fetch(new URL(entry.url, scope), { cache: "no-cache" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bytes = await response.arrayBuffer();
  } catch (error) {
    throw new Error(`Downloading ${entry.url} failed: ${(error as Error).message}`, { cause: error });
  }
  const problem = await verifyBytes(bytes, entry);
  if (problem) throw new Error(problem);
  await cache.put(entry.url, cachedResponse(bytes, response, entry));
}

function cachedResponse(bytes: ArrayBuffer, from: Response, entry: PrecacheEntry): Response {
  return new Response(bytes, { headers: cachedHeaders(bytes.byteLength, from.headers.get("content-type"), entry) });
}

async function broadcast(message: WorkerToPage): Promise<void> {
  for (const client of await worker.clients.matchAll({ includeUncontrolled: true, type: "window" })) client.postMessage(message);
}
