import { describe, expect, it } from "vitest";
import { ManifestError, parseManifest, snapshotIncompatibility, stateMismatch, type GuestManifest } from "../../src/vm/manifest.ts";

const hash = (c: string): string => c.repeat(64);
const MACHINE = '{"memory_size":134217728,"uart1":true,"uart2":false,"uart3":false}';

/** A manifest as images/build.sh writes it (trimmed to one package). */
function validManifest(): Record<string, unknown> {
  return {
    format: 1,
    builtAt: "2026-01-01T00:00:00Z",
    inputsKey: "174b24f6e5b9cc92",
    v86Version: "0.5.462+g5f9a90f",
    vm: { memorySize: 134217728, cmdline: "console=ttyS0 quiet", uarts: 2 },
    inputs: {
      packages: [{ name: "bash", version: "5.2.15-2+b13", sha256: hash("a"), size: 1525372 }],
      kernelSource: { package: "linux-source-6.1", version: "6.1.192-1" },
      kernelConfigSha256: hash("b"),
      seabios: { version: "1.16.2-1" },
      agentSourceSha256: hash("c"),
    },
    files: {
      bios: { path: "bios.bin", size: 131072, sha256: hash("d") },
      kernel: { path: "bzImage", size: 2700000, sha256: hash("e") },
      initrd: { path: "initrd.img", size: 18000000, sha256: hash("f") },
      state: { path: "state.bin.zst", size: 8000000, sha256: hash("0"), rawSize: 37000000 },
    },
    snapshot: { console: "root@lab:~# ", bootMs: 6500, bootId: "c94a6696", machine: MACHINE },
  };
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
