// The build's offline list: every file the page loads with its size and sha256, the guest image's
// files from manifest.json, nothing the page never asks for, and versions that change with the files.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildPrecacheList } from "../../scripts/build/precache-plugin.ts";
import { SAMPLE_MANIFEST } from "./manifest-fixture.ts";

const hash = (c: string): string => c.repeat(64);
const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");
const dir = mkdtempSync(path.join(tmpdir(), "lab-precache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const manifest = SAMPLE_MANIFEST;

function write(relative: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
  writeFileSync(path.join(dir, relative), text);
}

describe("buildPrecacheList", () => {
  it("lists the page's files and the guest image's, the /usr disk's parts included, and nothing else", async () => {
    write("index.html", "<!doctype html>");
    write("favicon.svg", "<svg/>");
    write("assets/index-abc.js", "console.log(1)");
    write("assets/index-abc.js.br", "compressed");
    write("assets/index-abc.js.gz", "compressed");
    write("sw.js", "__LAB_PRECACHE__");
    write("guest/manifest.json", JSON.stringify(manifest));
    write("guest/kernel.config", "CONFIG_X=y");

    const list = await buildPrecacheList(dir);
    expect(list.app).toEqual([
      { url: "assets/index-abc.js", size: 14, sha256: sha256("console.log(1)") },
      { url: "favicon.svg", size: 6, sha256: sha256("<svg/>") },
      { url: "index.html", size: 15, sha256: sha256("<!doctype html>") },
    ]);
    expect(list.guest).toEqual([
      { url: "guest/manifest.json", size: JSON.stringify(manifest).length, sha256: sha256(JSON.stringify(manifest)) },
      { url: "guest/bios.bin", size: 131072, sha256: hash("d") },
      { url: "guest/bzImage", size: 2700000, sha256: hash("e") },
      { url: "guest/initrd.img", size: 1500000, sha256: hash("f") },
      { url: "guest/state.bin.zst", size: 8000000, sha256: hash("0") },
      { url: "guest/usr-0-262144.img", size: 90000, sha256: hash("7") },
      { url: "guest/usr-262144-524288.img", size: 40, sha256: hash("8") },
    ]);
    expect(list.guestKey).toMatch(/^174b24f6e5b9cc92-[0-9a-f]{8}$/);
  });

  it("gives a changed page a new app version and keeps the guest's key", async () => {
    const before = await buildPrecacheList(dir);
    write("index.html", "<!doctype html><title>new</title>");
    const after = await buildPrecacheList(dir);
    expect(after.appVersion).not.toBe(before.appVersion);
    expect(after.guestKey).toBe(before.guestKey);
  });

  it("gives a rebuilt guest image (same inputs, new snapshot) a new key", async () => {
    const before = await buildPrecacheList(dir);
    write("guest/manifest.json", JSON.stringify({ ...manifest, files: { ...manifest.files, state: { ...manifest.files.state, sha256: hash("1") } } }));
    const after = await buildPrecacheList(dir);
    expect(after.guestKey).not.toBe(before.guestKey);
    expect(after.guestKey.startsWith("174b24f6e5b9cc92-")).toBe(true);
  });
});
