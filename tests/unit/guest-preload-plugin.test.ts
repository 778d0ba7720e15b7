import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { HtmlTagDescriptor, IndexHtmlTransformContext, IndexHtmlTransformHook } from "vite";
import { describe, expect, it } from "vitest";
import { guestPreload } from "../../scripts/build/guest-preload-plugin.ts";
import { SAMPLE_MANIFEST } from "./manifest-fixture.ts";

async function tagsFor(page: string, manifest?: unknown): Promise<HtmlTagDescriptor[]> {
  const publicDir = await mkdtemp(path.join(os.tmpdir(), "preload-"));
  if (manifest) {
    await mkdir(path.join(publicDir, "guest"));
    await writeFile(path.join(publicDir, "guest", "manifest.json"), JSON.stringify(manifest));
  }
  const transform = guestPreload(publicDir).transformIndexHtml as { handler: IndexHtmlTransformHook };
  const context = { filename: `/repo/${page}`, path: `/${page}` } as IndexHtmlTransformContext;
  return ((await transform.handler.call({} as never, "", context)) ?? []) as HtmlTagDescriptor[];
}

describe("the page's preload of the guest files", () => {
  it("names the snapshot, the BIOS and the disk parts a resume reads first, as CORS fetches like the page's own", async () => {
    const tags = await tagsFor("index.html", SAMPLE_MANIFEST);
    expect(tags.map((t) => t.attrs?.href)).toEqual(["./guest/state.bin.zst", "./guest/bios.bin", "./guest/usr-262144-524288.img"]);
    for (const tag of tags) expect(tag.attrs).toMatchObject({ rel: "preload", as: "fetch", crossorigin: "anonymous" });
  });

  it("leaves the instructor's page alone, and a build without a guest image", async () => {
    expect(await tagsFor("instructor.html", SAMPLE_MANIFEST)).toEqual([]);
    expect(await tagsFor("index.html")).toEqual([]);
  });
});
