// The service worker's pure rules: which caches are stale, and that bytes are cached only when they are
// exactly the file the build listed.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appCacheName, guestCacheName, staleCaches, verifyBytes, type PrecacheList } from "../../src/offline/precache-list.ts";

const list: PrecacheList = { appVersion: "a1b2c3", guestKey: "944cf6d6", app: [], guest: [] };

describe("caches", () => {
  it("names one cache for the page and one for the guest image, keyed by its inputs", () => {
    expect(appCacheName(list)).toBe("isolation-lab-app-a1b2c3");
    expect(guestCacheName(list)).toBe("isolation-lab-guest-944cf6d6");
  });

  it("finds older builds' caches, and leaves the current ones and other apps' alone", () => {
    const names = [
      "isolation-lab-app-a1b2c3",
      "isolation-lab-guest-944cf6d6",
      "isolation-lab-app-000000",
      "isolation-lab-guest-oldkey",
      "another-app-v2",
    ];
    expect(staleCaches(names, list)).toEqual(["isolation-lab-app-000000", "isolation-lab-guest-oldkey"]);
  });
});

describe("verifyBytes", () => {
  const bytes = new TextEncoder().encode("the kernel, say").buffer;
  const entry = { url: "guest/bzImage", size: bytes.byteLength, sha256: createHash("sha256").update(new Uint8Array(bytes)).digest("hex") };

  it("accepts the listed file", async () => {
    expect(await verifyBytes(bytes, entry)).toBeUndefined();
  });

  it("refuses a download that broke off", async () => {
    expect(await verifyBytes(bytes.slice(0, 5), entry)).toBe(`guest/bzImage arrived incomplete or changed (5 of ${entry.size} bytes)`);
  });

  it("refuses bytes of the right size but other content", async () => {
    const other = new Uint8Array(bytes.byteLength).fill(1).buffer;
    expect(await verifyBytes(other, entry)).toBe("guest/bzImage is corrupt (its sha256 does not match the build)");
  });
});
