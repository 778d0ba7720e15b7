// Saves the learner's machine without being asked: every few minutes while the page is visible, and
// when the page is hidden (tab switched, window minimised, browser closing: `visibilitychange` is the
// last event a page can rely on, and unlike `pagehide` it leaves time for the asynchronous save).
// A save costs the page a pause (v86 serializes ~34 MB) plus compression in the background, so it is
// not done more often than that. A reactive controller: the timer and listener live while its element
// is on the page.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { SavedWork } from "./saved-work.ts";

export const AUTOSAVE_INTERVAL_MS = 3 * 60 * 1000;

export class AutosaveController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly savedWork: () => SavedWork | undefined,
    private readonly intervalMs = AUTOSAVE_INTERVAL_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(this.onTick, this.intervalMs);
    document.addEventListener("visibilitychange", this.onVisibilityChange);
  }

  hostDisconnected(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    document.removeEventListener("visibilitychange", this.onVisibilityChange);
  }

  private readonly onTick = (): void => {
    // A hidden page was saved when it was hidden and cannot have changed much since.
    if (document.visibilityState === "visible") void this.savedWork()?.save();
  };

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === "hidden") void this.savedWork()?.save();
  };
}
