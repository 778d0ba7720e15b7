// The page's side of offline use: registers sw.js (production builds only; see main.ts), follows the
// worker through saving, ready and update, and hands the header one state to show. Imports only types
// from precache-list.ts (see service-worker.ts for why).
import { TypedEvents } from "../shared/typed-events.ts";
import type { PageToWorker, WorkerToPage } from "./precache-list.ts";
import { errorText } from "../shared/error-text.ts";

export type OfflineState =
  /** No worker is registered (development server). */
  | { readonly kind: "off" }
  /** This browser or page cannot keep the lab offline: over plain http (not localhost), or no worker support. */
  | { readonly kind: "unsupported"; readonly reason: "insecure" | "no-worker" | "refused"; readonly detail?: string }
  /** The first visit: files are being downloaded, verified and kept. */
  | { readonly kind: "saving"; readonly done: number; readonly total: number }
  | { readonly kind: "ready" }
  /** A new build was deployed and saved; reloading switches to it. */
  | { readonly kind: "update" }
  /** Saving failed (e.g. a file arrived incomplete); `offline` says whether an older saved copy still works. */
  | { readonly kind: "failed"; readonly reason: string; readonly offline: boolean };

interface OfflineEvents {
  state: OfflineState;
}

/**
 * How often the page asks the waiting worker again to take over. Chromium gives up an activation when a
 * fetch reaches the outgoing worker at that moment, and the emulator fetches the /usr disk's parts
 * through it whenever the guest reads a new part: the new worker would stay waiting (and the page on
 * "Update available") until the next reload. Asking again starts a new activation; once one succeeds
 * the page reloads.
 */
export const SKIP_WAITING_RETRY_MS = 2000;

export class OfflineSupport {
  readonly events = new TypedEvents<OfflineEvents>();
  private current: OfflineState = { kind: "off" };
  private registration: ServiceWorkerRegistration | undefined;
  private switching = false;
  private askAgain: ReturnType<typeof setInterval> | undefined;

  get state(): OfflineState {
    return this.current;
  }

  /** Registers the worker at `scriptUrl` (scope: its folder) and starts following it. Never throws. */
  async start(scriptUrl: URL): Promise<void> {
    if (!window.isSecureContext) return this.set({ kind: "unsupported", reason: "insecure" });
    // Undefined where workers are unsupported or disabled (e.g. by policy or a test browser's settings).
    const container = navigator.serviceWorker as ServiceWorkerContainer | undefined;
    if (!container) return this.set({ kind: "unsupported", reason: "no-worker" });
    container.addEventListener("message", (event: MessageEvent<unknown>) => this.onMessage(event.data as WorkerToPage | undefined));
    container.addEventListener("controllerchange", () => {
      // Only the tab that asked for the new version reloads by itself; others keep offering the update.
      if (!this.switching) return;
      clearInterval(this.askAgain);
      window.location.reload();
    });
    let registration: ServiceWorkerRegistration | undefined;
    try {
      registration = await container.register(scriptUrl, { scope: "./" });
    } catch (error) {
      // The update check behind register() can fail (the network is off, the server is down) while the
      // copy saved by an earlier visit still works.
      registration = await container.getRegistration(scriptUrl).catch(() => undefined);
      if (!registration?.active) {
        return this.set({ kind: "unsupported", reason: "refused", detail: errorText(error) });
      }
    }
    // Replaced register() functions (extensions, test browsers that block workers) may resolve to nothing.
    if (!registration) return this.set({ kind: "unsupported", reason: "refused" });
    this.registration = registration;
    registration.addEventListener("updatefound", () => this.follow(registration.installing));
    if (registration.waiting && registration.active) this.set({ kind: "update" });
    else if (registration.installing) this.follow(registration.installing);
    else if (registration.active) this.set({ kind: "ready" });
    // A classroom tab stays open for hours: look for a new build whenever the learner comes back to it.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") registration.update().catch(() => undefined);
    });
  }

  /** Switches to the waiting build: the worker takes over, then this page reloads. */
  applyUpdate(): void {
    const waiting = this.registration?.waiting;
    if (!waiting) return;
    this.switching = true;
    const message: PageToWorker = { type: "skip-waiting" };
    waiting.postMessage(message);
    clearInterval(this.askAgain);
    this.askAgain = setInterval(() => {
      if (this.registration?.waiting === waiting) waiting.postMessage(message);
      else clearInterval(this.askAgain);
    }, SKIP_WAITING_RETRY_MS);
  }

  private follow(installing: ServiceWorker | null): void {
    if (!installing) return;
    const isUpdate = Boolean(this.registration?.active);
    if (!isUpdate) this.set({ kind: "saving", done: 0, total: 0 });
    installing.addEventListener("statechange", () => {
      if (installing.state === "installed" && isUpdate) this.set({ kind: "update" });
      else if (installing.state === "activated" && !isUpdate) this.set({ kind: "ready" });
      else if (installing.state === "redundant" && this.current.kind === "saving") {
        // The worker gave up without saying why (its message arrives first when it can say).
        this.set({ kind: "failed", reason: "", offline: false });
      }
    });
  }

  private onMessage(message: WorkerToPage | undefined): void {
    switch (message?.type) {
      case "precache-progress":
        if (this.current.kind === "saving") this.set({ kind: "saving", done: message.done, total: message.total });
        return;
      case "precache-failed":
        this.set({ kind: "failed", reason: message.reason, offline: Boolean(this.registration?.active) });
        return;
      case "precache-complete":
        return;
    }
  }

  private set(state: OfflineState): void {
    this.current = state;
    this.events.emit("state", state);
  }
}
