import { describe, expect, it } from "vitest";
import { AssetDownloadError, AssetsMissingError } from "../../src/vm/asset-source.ts";
import { ManifestError } from "../../src/vm/manifest.ts";
import { BootTimeoutError, VmError, failureOf } from "../../src/vm/vm-failure.ts";

describe("failureOf", () => {
  it("maps every way a start can fail to the failure the page explains", () => {
    expect(failureOf(new AssetsMissingError("guest/manifest.json was not found"))).toEqual({ kind: "assets-missing", message: "guest/manifest.json was not found" });
    expect(failureOf(new ManifestError("not a valid guest manifest"))).toMatchObject({ kind: "assets-missing" });
    expect(failureOf(new AssetDownloadError("Could not reach /guest/bios.bin"))).toMatchObject({ kind: "download-failed" });
    expect(failureOf(new BootTimeoutError("no answer"))).toMatchObject({ kind: "boot-timeout" });
    expect(failureOf(new Error("wasm trap"))).toEqual({ kind: "emulator-error", message: "wasm trap" });
    expect(failureOf("thrown text")).toEqual({ kind: "emulator-error", message: "thrown text" });
  });

  it("keeps the failure a machine already reported", () => {
    const failure = { kind: "kernel-panic", message: "panic" } as const;
    expect(failureOf(new VmError(failure))).toBe(failure);
  });

  it("does not read the message: the same words under another class are an emulator error", () => {
    expect(failureOf(new Error("guest/manifest.json was not found"))).toMatchObject({ kind: "emulator-error" });
  });
});
