import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OfflineSupport, SKIP_WAITING_RETRY_MS } from "../../src/offline/offline-support.ts";

/** A worker registration with a new build waiting, as the browser hands it to the page. */
function fakeBrowser() {
  const waiting = { postMessage: vi.fn(), addEventListener: vi.fn() };
  const registration = { waiting: waiting as typeof waiting | null, active: {}, installing: null, addEventListener: vi.fn(), update: vi.fn() };
  const container = new EventTarget() as EventTarget & { register: () => Promise<typeof registration> };
  container.register = () => Promise.resolve(registration);
  const reload = vi.fn();
  vi.stubGlobal("window", { isSecureContext: true, location: { reload } });
  vi.stubGlobal("navigator", { serviceWorker: container });
  vi.stubGlobal("document", { addEventListener: vi.fn(), visibilityState: "visible" });
  return { waiting, registration, container, reload };
}

describe("switching to a new build", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("asks the waiting worker to take over, and again until it does, then reloads once", async () => {
    const browser = fakeBrowser();
    const offline = new OfflineSupport();
    await offline.start(new URL("https://lab.example/sw.js"));
    expect(offline.state.kind).toBe("update");

    offline.applyUpdate();
    expect(browser.waiting.postMessage).toHaveBeenCalledTimes(1);
    expect(browser.waiting.postMessage).toHaveBeenLastCalledWith({ type: "skip-waiting" });
    // An activation the browser gave up (a fetch reached the old worker meanwhile): the page asks again.
    vi.advanceTimersByTime(SKIP_WAITING_RETRY_MS * 2);
    expect(browser.waiting.postMessage).toHaveBeenCalledTimes(3);

    browser.registration.waiting = null;
    browser.container.dispatchEvent(new Event("controllerchange"));
    expect(browser.reload).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(SKIP_WAITING_RETRY_MS * 3);
    expect(browser.waiting.postMessage).toHaveBeenCalledTimes(3);
  });

  it("stops asking once the worker is no longer waiting, and a tab that did not ask never reloads", async () => {
    const browser = fakeBrowser();
    const offline = new OfflineSupport();
    await offline.start(new URL("https://lab.example/sw.js"));
    browser.container.dispatchEvent(new Event("controllerchange"));
    expect(browser.reload).not.toHaveBeenCalled();

    offline.applyUpdate();
    browser.registration.waiting = null;
    vi.advanceTimersByTime(SKIP_WAITING_RETRY_MS * 3);
    expect(browser.waiting.postMessage).toHaveBeenCalledTimes(1);
  });
});
