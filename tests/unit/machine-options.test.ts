import { describe, expect, it } from "vitest";
import { SAMPLE_MANIFEST } from "./manifest-fixture.ts";
import { machineFingerprint } from "../../src/vm/machine-options.ts";
import { parseManifest } from "../../src/vm/manifest.ts";

const manifest = parseManifest(SAMPLE_MANIFEST);

describe("the /usr disk", () => {
  it("binds a saved state to the disk's geometry, not to where its parts are fetched from", () => {
    const fingerprint = machineFingerprint(manifest);
    expect(JSON.parse(fingerprint)).toMatchObject({ hda: { size: 524288, chunk: 262144 } });
    expect(fingerprint).not.toContain("usr.img");
    const bigger = { ...manifest, disk: { ...manifest.disk, size: 786432 } };
    expect(machineFingerprint(bigger)).not.toBe(fingerprint);
  });

  it("refuses a manifest without the disk, with a part that is not a file entry, or without the parts to load first", () => {
    const { disk: _disk, ...withoutDisk } = structuredClone(SAMPLE_MANIFEST);
    expect(() => parseManifest(withoutDisk)).toThrow(/^\s+disk: /m);
    const badPart = structuredClone(SAMPLE_MANIFEST);
    badPart.disk.parts[1]!.sha256 = "nope";
    expect(() => parseManifest(badPart)).toThrow(/^\s+disk\.parts\.1\.sha256: /m);
    const { prefetch: _prefetch, ...withoutPrefetch } = structuredClone(SAMPLE_MANIFEST).disk;
    expect(() => parseManifest({ ...SAMPLE_MANIFEST, disk: withoutPrefetch })).toThrow(/^\s+disk\.prefetch: /m);
  });
});
