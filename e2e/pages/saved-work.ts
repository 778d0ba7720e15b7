// Page object for saved work, files and the progress report: the header's Save button and menu, the
// resume offer and saved-work messages, the file panel and the printable report.
import { expect, type Download, type Locator, type Page } from "@playwright/test";

/** Saving serializes and compresses ~34 MB of machine state; allow for a busy CI host. */
export const SAVE_TIMEOUT_MS = 60_000;

export class SavedWorkPage {
  readonly saveButton: Locator;
  readonly savedAt: Locator;
  readonly menu: Locator;
  readonly resumeOffer: Locator;
  readonly resumeButton: Locator;
  readonly startFreshButton: Locator;
  readonly problem: Locator;
  readonly notice: Locator;
  readonly files: Locator;
  readonly report: Locator;

  constructor(readonly page: Page) {
    this.saveButton = page.getByTestId("save-button");
    this.savedAt = page.getByTestId("saved-at");
    this.menu = page.getByTestId("saved-work-menu");
    this.resumeOffer = page.getByTestId("resume-offer");
    this.resumeButton = page.getByTestId("resume-button");
    this.startFreshButton = page.getByTestId("start-fresh-button");
    this.problem = page.getByTestId("saved-work-problem");
    this.notice = page.getByTestId("saved-work-notice");
    this.files = page.getByTestId("file-transfer");
    this.report = page.getByTestId("progress-report");
  }

  /** Waits until a save (the learner's or an automatic one) has put the machine in the browser. */
  async expectSaved(): Promise<void> {
    await expect(this.savedAt).toHaveText(/^Saved /, { timeout: SAVE_TIMEOUT_MS });
  }

  /** Clicks Save and waits until the machine is in the browser. */
  async save(): Promise<void> {
    await expect(this.saveButton).toBeEnabled();
    await this.saveButton.click();
    await expect(this.savedAt).toHaveText(/^Saved /, { timeout: SAVE_TIMEOUT_MS });
  }

  async openMenuItem(testId: string): Promise<void> {
    await this.menu.click();
    await this.page.getByTestId(testId).click();
  }

  /** Chooses a menu entry that downloads a file; returns the download. */
  async download(testId: string, timeout = SAVE_TIMEOUT_MS): Promise<Download> {
    const download = this.page.waitForEvent("download", { timeout });
    await this.openMenuItem(testId);
    return download;
  }

  /** Imports a file through the menu's Import… entry. */
  async importFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent("filechooser");
    await this.openMenuItem("import-file");
    await (await chooser).setFiles(file);
  }

  /** Replaces the saved machine in the browser's IndexedDB with these bytes (to test damaged saves). */
  async writeStoredMachine(bytes: number[]): Promise<void> {
    await this.page.evaluate(async (data) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("isolation-lab", 1);
        request.onupgradeneeded = () => request.result.createObjectStore("machines");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error("open failed"));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction("machines", "readwrite");
        tx.objectStore("machines").put(new Uint8Array(data), "current");
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error("write failed"));
      });
      db.close();
    }, bytes);
  }

  /** Rewrites the saved machine's header as if another build of the guest image had saved it. */
  async pretendSavedByAnotherBuild(): Promise<void> {
    await this.rewriteStoredMachine("another-build");
  }

  /** Flips bytes in the middle of the saved machine's state, as a damaged disk would. */
  async damageStoredMachine(): Promise<void> {
    await this.rewriteStoredMachine("damage");
  }

  /** Reads the stored machine, changes it in the page (10 MB would not cross to Node cheaply), puts it back. */
  private async rewriteStoredMachine(change: "another-build" | "damage"): Promise<void> {
    await this.page.evaluate(async (change) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("isolation-lab", 1);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error("open failed"));
      });
      const otherBuild = (bytes: Uint8Array): Uint8Array => {
        // "ISOLAB-VM\n", u32 LE header length, JSON header, payload (see machine-envelope.ts).
        const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(10, true);
        const header = JSON.parse(new TextDecoder().decode(bytes.subarray(14, 14 + length))) as { origin: { inputsKey: string } };
        header.origin.inputsKey = "an-older-build";
        const json = new TextEncoder().encode(JSON.stringify(header));
        const out = new Uint8Array(14 + json.length + bytes.length - 14 - length);
        out.set(bytes.subarray(0, 10));
        new DataView(out.buffer).setUint32(10, json.length, true);
        out.set(json, 14);
        out.set(bytes.subarray(14 + length), 14 + json.length);
        return out;
      };
      const damaged = (stored: Uint8Array): Uint8Array => {
        const bytes = new Uint8Array(stored);
        for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length * 0.6) + i]! ^= 0x5a;
        return bytes;
      };
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction("machines", "readwrite");
        const store = tx.objectStore("machines");
        const request = store.get("current");
        request.onsuccess = () => {
          const bytes = request.result as Uint8Array;
          store.put(change === "damage" ? damaged(bytes) : otherBuild(bytes), "current");
        };
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error("write failed"));
      });
      db.close();
    }, change);
  }
}
