import { describe, expect, it } from "vitest";
import { SAMPLE_MANIFEST } from "./manifest-fixture.ts";
import { ManifestError, parseManifest, snapshotIncompatibility, stateMismatch, type GuestManifest } from "../../src/vm/manifest.ts";

const MACHINE = '{"memory_size":134217728,"uart1":true,"uart2":false,"uart3":false}';

/** A fresh copy of the sample manifest (each test edits its own), with a real machine description. */
function validManifest(): Record<string, unknown> {
  const json = structuredClone(SAMPLE_MANIFEST);
  json.snapshot.machine = MACHINE;
  return json;
}

/** The ManifestError message parseManifest throws for `json`. */
function problems(json: unknown): string {
  try {
    parseManifest(json, "guest/manifest.json");
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return (error as Error).message;
  }
  throw new Error("parseManifest accepted an invalid manifest");
}

describe("parseManifest", () => {
  it("accepts a valid manifest and returns its data", () => {
    const manifest = parseManifest(validManifest());
    expect(manifest.files.state.rawSize).toBe(37000000);
    expect(manifest.vm.uarts).toBe(2);
    expect(manifest.inputs.packages[0]?.name).toBe("bash");
  });

  it("names the file and the path of a missing field", () => {
    const json = validManifest();
    delete (json.files as Record<string, unknown>).kernel;
    const message = problems(json);
    expect(message).toContain("guest/manifest.json is not a valid guest manifest");
    expect(message).toMatch(/^\s+files\.kernel: /m);
  });

  it("names the path of a missing nested field", () => {
    const json = validManifest();
    delete (json.snapshot as Record<string, unknown>).bootId;
    expect(problems(json)).toMatch(/^\s+snapshot\.bootId: /m);
  });

  it.each([
    ["not hex", "z".repeat(64)],
    ["too short", "a".repeat(63)],
    ["upper case", "A".repeat(64)],
  ])("refuses a sha256 that is %s, naming its path", (_, sha256) => {
    const json = validManifest();
    (json.files as { state: { sha256: string } }).state.sha256 = sha256;
    expect(problems(json)).toMatch(/^\s+files\.state\.sha256: expected a lowercase hex sha256$/m);
  });

  it("names the index of a bad package entry", () => {
    const json = validManifest();
    (json.inputs as { packages: { sha256: string }[] }).packages[0]!.sha256 = "nope";
    expect(problems(json)).toMatch(/^\s+inputs\.packages\.0\.sha256: /m);
  });

  it.each([2, 0, "1", undefined])("refuses format %j", (format) => {
    const json = { ...validManifest(), format };
    expect(problems(json)).toMatch(/^\s+format: /m);
  });

  it("lists every problem, one per line", () => {
    const json = { ...validManifest(), format: 2, v86Version: "" };
    const lines = problems(json).split("\n").slice(1);
    expect(lines.some((l) => l.trim().startsWith("format:"))).toBe(true);
    expect(lines.some((l) => l.trim().startsWith("v86Version:"))).toBe(true);
  });

  it("refuses something that is not an object at all", () => {
    expect(problems("<html>404</html>")).toMatch(/^\s+\(root\): /m);
    expect(problems(null)).toMatch(/\(root\)/);
  });

  it("refuses a VM with fewer than two serial ports (the agent needs ttyS1)", () => {
    const json = validManifest();
    (json.vm as { uarts: number }).uarts = 1;
    expect(problems(json)).toMatch(/^\s+vm\.uarts: /m);
  });
});

describe("snapshotIncompatibility", () => {
  const manifest: GuestManifest = parseManifest(validManifest());

  it("accepts a snapshot saved by the same v86 build with the same machine", () => {
    expect(snapshotIncompatibility(manifest, { v86Version: "0.5.462+g5f9a90f", machine: MACHINE })).toBeUndefined();
  });

  it("refuses a snapshot saved by another v86 version, naming both", () => {
    const reason = snapshotIncompatibility(manifest, { v86Version: "0.5.500+gabcdef0", machine: MACHINE });
    expect(reason).toContain("0.5.462+g5f9a90f");
    expect(reason).toContain("0.5.500+gabcdef0");
  });

  it("refuses a snapshot saved from a machine with other options", () => {
    const other = MACHINE.replace("134217728", "268435456");
    const reason = snapshotIncompatibility(manifest, { v86Version: "0.5.462+g5f9a90f", machine: other });
    expect(reason).toBeDefined();
    expect(reason).toContain("268435456");
  });
});

describe("stateMismatch", () => {
  const origin = { v86Version: "0.5.462", machine: '{"memory_size":1}', inputsKey: "aaa" };

  it("accepts a state from the same v86, hardware and image", () => {
    expect(stateMismatch(origin, { ...origin })).toBeUndefined();
  });

  it("names the first difference: v86, then hardware, then image", () => {
    expect(stateMismatch(origin, { ...origin, v86Version: "0.6.0", inputsKey: "bbb" })).toEqual({ kind: "v86", saved: "0.5.462", running: "0.6.0" });
    expect(stateMismatch(origin, { ...origin, machine: "{}" })).toMatchObject({ kind: "machine" });
    expect(stateMismatch(origin, { ...origin, inputsKey: "bbb" })).toEqual({ kind: "image", saved: "aaa", running: "bbb" });
  });

  it("ignores the image when one side does not name it (the build-time snapshot)", () => {
    const { inputsKey: _inputsKey, ...snapshot } = origin;
    expect(stateMismatch(snapshot, { ...origin, inputsKey: "bbb" })).toBeUndefined();
  });
});
