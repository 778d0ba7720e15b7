// Page object for the header's offline indicator and the caches the service worker keeps.
import { expect, type Locator, type Page } from "@playwright/test";

/** The first visit downloads and verifies ~30 MB (page, wasm, guest image) before it is ready offline. */
export const SAVE_TIMEOUT_MS = 90_000;

export type OfflineKind = "saving" | "ready" | "update" | "failed" | "unsupported";

export class OfflineIndicator {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("offline-status");
  }

  async expectKind(kind: OfflineKind, timeout = SAVE_TIMEOUT_MS): Promise<void> {
    await expect(this.root).toHaveAttribute("data-offline", kind, { timeout });
  }

  /** Names of the Cache Storage caches of the page's origin. */
  async cacheNames(): Promise<string[]> {
    return this.page.evaluate(async () => (await caches.keys()).sort());
  }

  /** Replaces a cached file's bytes (keeping its headers), as damaged storage or an older worker would. */
  async damageCachedFile(cacheName: string, url: string): Promise<void> {
    await this.page.evaluate(
      async ({ cacheName, url }) => {
        const cache = await caches.open(cacheName);
        const cached = await cache.match(url);
        if (!cached) throw new Error(`${url} is not in ${cacheName}`);
        const bytes = new Uint8Array(await cached.arrayBuffer());
        bytes.fill(0, 0, Math.min(bytes.length, 4096));
        await cache.put(url, new Response(bytes, { headers: cached.headers }));
      },
      { cacheName, url },
    );
  }
}
