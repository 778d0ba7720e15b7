// The one mapping from what went wrong while starting a machine to the failure the page explains
// (VmFailure's kind picks the message and the way out). Used by VirtualMachine for its own start and by
// VmSession for what fails before a machine exists (fetching and reading the manifest).
import { AssetDownloadError, AssetsMissingError } from "./asset-source.ts";
import { ManifestError } from "./manifest.ts";
import { errorText } from "../shared/error-text.ts";
import type { VmFailure } from "./vm-state.ts";

/** The guest did not answer within the boot timeout. */
export class BootTimeoutError extends Error {
  override readonly name = "BootTimeoutError";
}

/** A machine that could not start, as the failure the page shows. */
export class VmError extends Error {
  override readonly name = "VmError";
  constructor(readonly failure: VmFailure) {
    super(failure.message);
  }
}

export function failureOf(error: unknown): VmFailure {
  if (error instanceof VmError) return error.failure;
  const message = errorText(error);
  // An unreadable manifest means an image from an older build: the same way out as a missing one.
  if (error instanceof AssetsMissingError || error instanceof ManifestError) return { kind: "assets-missing", message };
  if (error instanceof AssetDownloadError) return { kind: "download-failed", message };
  if (error instanceof BootTimeoutError) return { kind: "boot-timeout", message };
  return { kind: "emulator-error", message };
}
