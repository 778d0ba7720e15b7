// The service worker's decisions: which requests it answers and from which cache, what it does with a
// cached guest file, where install takes each file from, and what a cached copy's headers say.
import { describe, expect, it } from "vitest";
import type { PrecacheList } from "../../src/offline/precache-list.ts";
import { SHA_HEADER, cachedGuestCopy, cachedHeaders, precacheJobs, precacheRouter, precacheSource } from "../../src/offline/worker-rules.ts";

const sha = (c: string): string => c.repeat(64);
const index = { url: "index.html", size: 900, sha256: sha("1") };
const script = { url: "assets/index-abc.js", size: 4000, sha256: sha("2") };
const kernel = { url: "guest/bzImage", size: 2700000, sha256: sha("3") };
const spaced = { url: "guest/a b.txt", size: 3, sha256: sha("4") };
const list: PrecacheList = { appVersion: "a1b2c3", guestKey: "944cf6d6", app: [index, script], guest: [kernel, spaced] };

describe("precacheRouter", () => {
  const route = precacheRouter(list, new URL("https://lab.example/course/"));
  const get = (url: string, mode = "cors") => route({ method: "GET", url, mode });

  it("answers the page's files from the app cache and the guest image's from the guest cache", () => {
    expect(get("https://lab.example/course/assets/index-abc.js")).toEqual({ cache: "app", entry: script });
    expect(get("https://lab.example/course/guest/bzImage")).toEqual({ cache: "guest", entry: kernel });
  });

  it("serves index.html for a page load of the scope, and only for a page load", () => {
    expect(get("https://lab.example/course/", "navigate")).toEqual({ cache: "app", entry: index });
    expect(get("https://lab.example/course/index.html", "navigate")).toEqual({ cache: "app", entry: index });
    expect(get("https://lab.example/course/")).toBeUndefined();
  });

  it("finds a file by its decoded name and ignores the query", () => {
    expect(get("https://lab.example/course/guest/a%20b.txt")).toEqual({ cache: "guest", entry: spaced });
    expect(get("https://lab.example/course/guest/bzImage?v=2")).toEqual({ cache: "guest", entry: kernel });
  });

  it("leaves to the network what is not a GET of a listed file in its scope", () => {
    expect(route({ method: "POST", url: "https://lab.example/course/guest/bzImage", mode: "cors" })).toBeUndefined();
    expect(get("https://other.example/course/guest/bzImage")).toBeUndefined();
    expect(get("https://lab.example/elsewhere/guest/bzImage")).toBeUndefined();
    expect(get("https://lab.example/course/guest/state.bin.zst")).toBeUndefined();
    expect(get("https://lab.example/course/class/progress")).toBeUndefined();
  });

  it("leaves a malformed escape to the network instead of throwing in the worker", () => {
    expect(get("https://lab.example/course/guest/%E0%A4%A")).toBeUndefined();
  });
});

describe("cachedGuestCopy", () => {
  it("fetches a file that is not cached", () => {
    expect(cachedGuestCopy(undefined, kernel, false)).toBe("fetch");
  });
  it("drops a copy cached for another build's file, or with no recorded digest", () => {
    expect(cachedGuestCopy(sha("9"), kernel, true)).toBe("drop");
    expect(cachedGuestCopy(null, kernel, false)).toBe("drop");
  });
  it("reads a copy back once per worker start before trusting it", () => {
    expect(cachedGuestCopy(kernel.sha256, kernel, false)).toBe("verify");
    expect(cachedGuestCopy(kernel.sha256, kernel, true)).toBe("serve");
  });
});

describe("precacheSource", () => {
  it("keeps what this build's cache already holds", () => {
    expect(precacheSource(kernel, kernel.sha256, undefined)).toBe("present");
    expect(precacheSource(script, script.sha256, script.sha256)).toBe("present");
  });
  it("copies a hashed file the previous build kept, but never a guest file whose name outlives its content", () => {
    expect(precacheSource(script, undefined, script.sha256)).toBe("earlier");
    expect(precacheSource(kernel, undefined, kernel.sha256)).toBe("download");
  });
  it("downloads a file cached with another digest (an older build's, or an incomplete copy)", () => {
    expect(precacheSource(kernel, sha("9"), undefined)).toBe("download");
    expect(precacheSource(script, null, sha("9"))).toBe("download");
  });
});

describe("precacheJobs", () => {
  it("puts the page's files in the app cache and the guest's in the guest cache, every file once", () => {
    expect(precacheJobs(list).map((j) => [j.entry.url, j.cacheName])).toEqual([
      ["index.html", "isolation-lab-app-a1b2c3"],
      ["assets/index-abc.js", "isolation-lab-app-a1b2c3"],
      ["guest/bzImage", "isolation-lab-guest-944cf6d6"],
      ["guest/a b.txt", "isolation-lab-guest-944cf6d6"],
    ]);
  });
});

describe("cachedHeaders", () => {
  it("records the verified digest and the true length, and keeps the type when the server sent one", () => {
    expect(new Map(cachedHeaders(4000, "text/javascript", script))).toEqual(
      new Map([
        [SHA_HEADER, script.sha256],
        ["content-length", "4000"],
        ["content-type", "text/javascript"],
      ]),
    );
    expect(new Map(cachedHeaders(3, null, spaced)).has("content-type")).toBe(false);
  });
});
