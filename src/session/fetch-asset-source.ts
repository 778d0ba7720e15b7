// Loads guest files over HTTP with progress, and verifies size (and sha256 where the page is a secure
// context) against the manifest, so a half-downloaded file is reported instead of booting garbage.
import { AssetDownloadError, AssetsMissingError, type AssetSource } from "../vm/asset-source.ts";
import { bytesToHex } from "../shared/bytes.ts";
import type { ManifestFile } from "../vm/manifest.ts";

export class FetchAssetSource implements AssetSource {
  constructor(private readonly baseUrl: URL) {}

  async loadManifest(signal?: AbortSignal): Promise<unknown> {
    const url = new URL("manifest.json", this.baseUrl);
    let response: Response;
    try {
      response = await fetch(url, { signal: signal ?? null, cache: "no-cache" });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new AssetDownloadError(`Could not reach ${url.pathname}: ${(error as Error).message}`);
    }
    if (response.status === 404) {
      throw new AssetsMissingError(`${url.pathname} was not found`);
    }
    if (!response.ok) throw new AssetDownloadError(`${url.pathname}: HTTP ${response.status}`);
    try {
      return await response.json();
    } catch {
      // A dev server answers unknown paths with index.html: that is a missing image too.
      throw new AssetsMissingError(`${url.pathname} is not JSON (the server answered with something else)`);
    }
  }

  async load(file: ManifestFile, onProgress?: (loadedBytes: number) => void, signal?: AbortSignal): Promise<ArrayBuffer> {
    const url = new URL(file.path, this.baseUrl);
    let response: Response;
    try {
      response = await fetch(url, { signal: signal ?? null });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new AssetDownloadError(`Downloading ${file.path} failed: ${(error as Error).message}`);
    }
    if (response.status === 404) throw new AssetsMissingError(`${url.pathname} was not found`);
    if (!response.ok || !response.body) throw new AssetDownloadError(`Downloading ${file.path} failed: HTTP ${response.status}`);

    const buffer = new Uint8Array(file.size);
    let received = 0;
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (received + value.length > buffer.length) {
          throw new AssetDownloadError(`${file.path} is larger than the manifest says (${file.size} bytes): rebuild the image`);
        }
        buffer.set(value, received);
        received += value.length;
        onProgress?.(received);
      }
    } catch (error) {
      if (error instanceof AssetDownloadError || signal?.aborted) throw error;
      throw new AssetDownloadError(`Downloading ${file.path} broke off after ${received} bytes: ${(error as Error).message}`);
    }
    if (received !== file.size) {
      throw new AssetDownloadError(`${file.path} arrived incomplete (${received} of ${file.size} bytes)`);
    }
    if (globalThis.crypto?.subtle) {
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
      if (bytesToHex(digest) !== file.sha256) throw new AssetDownloadError(`${file.path} is corrupt (sha256 does not match the manifest)`);
    }
    return buffer.buffer;
  }
}
