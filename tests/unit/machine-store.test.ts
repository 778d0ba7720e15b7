// How storage failures are told apart: a full quota, storage that is not there, anything else.
import { describe, expect, it } from "vitest";
import { toStoreError } from "../../src/saved/machine-store.ts";

describe("toStoreError", () => {
  it("recognises a full quota however the browser reports it", () => {
    expect(toStoreError(new DOMException("over quota", "QuotaExceededError"))).toMatchObject({ kind: "quota", message: "over quota" });
  });

  it("reports storage the browser refuses as unavailable", () => {
    expect(toStoreError(new DOMException("no", "SecurityError")).kind).toBe("unavailable");
    expect(toStoreError(new DOMException("closing", "InvalidStateError")).kind).toBe("unavailable");
  });

  it("keeps anything else as a failure with its message", () => {
    expect(toStoreError(new Error("disk on fire"))).toMatchObject({ kind: "failed", message: "disk on fire" });
    expect(toStoreError(null)).toMatchObject({ kind: "failed", message: "unknown error" });
  });
});
