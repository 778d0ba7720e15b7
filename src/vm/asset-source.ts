// Where the VM's files come from. The browser fetches them from the server that serves the page
// (src/session/fetch-asset-source.ts); Node tests and the snapshot builder read them from disk
// (images/node-asset-source.ts). The VM itself only sees this interface.
import type { ManifestFile } from "./manifest.ts";

export interface AssetSource {
  /** The manifest describing the guest image. */
  loadManifest(signal?: AbortSignal): Promise<unknown>;
  /** One file named by the manifest; onProgress gets the bytes received so far. */
  load(file: ManifestFile, onProgress?: (loadedBytes: number) => void, signal?: AbortSignal): Promise<ArrayBuffer>;
}

/** The guest image is not there: it was never built, or the server was pointed at the wrong folder. */
export class AssetsMissingError extends Error {
  override readonly name = "AssetsMissingError";
}

/** A file could not be downloaded completely or does not match the manifest. */
export class AssetDownloadError extends Error {
  override readonly name = "AssetDownloadError";
}
