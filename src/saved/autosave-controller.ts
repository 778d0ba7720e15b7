// Saves the learner's machine without being asked, so a reload loses as little as possible: as soon as
// a step of the course is done; when the console has been quiet for a while after the learner typed in
// any terminal (output of a command still at work postpones it); every few minutes while the page is visible;
// and, as an attempt only, when the page is hidden (a browser does not wait for a save when a page
// closes, so the page never promises that one). A machine under a fork bomb is not saved automatically
// (see SaveReason): the saved one from before the bomb stays.
// A save costs the guest a pause (v86 serializes ~34 MB) plus compression in a worker, so it waits for quiet instead
// of saving on every change. A reactive controller: its timers and subscriptions live while its element
// is on the page and follow the SavedWork it is given.
import type { ReactiveControllerHost } from "lit";
import type { Unsubscribe } from "../shared/typed-events.ts";
import { SourceBoundController } from "../ui/source-bound-controller.ts";
import type { SavedWork } from "./saved-work.ts";

export const AUTOSAVE_INTERVAL_MS = 3 * 60 * 1000;
/** Quiet console time after the learner typed before the machine is saved. */
export const AUTOSAVE_IDLE_MS = 30 * 1000;

export interface AutosaveTiming {
  readonly intervalMs?: number;
  readonly idleMs?: number;
  /** Whether the page is visible (tests pass their own). */
  readonly visible?: () => boolean;
  /** Where `visibilitychange` is listened for; undefined: none. */
  readonly visibilityTarget?: EventTarget;
}

export class AutosaveController extends SourceBoundController<SavedWork> {
  private interval: ReturnType<typeof setInterval> | undefined;
  private idle: ReturnType<typeof setTimeout> | undefined;
  /** The learner typed since the last save. */
  private changed = false;
  private readonly intervalMs: number;
  private readonly idleMs: number;
  private readonly visible: () => boolean;
  private readonly visibilityTarget: EventTarget | undefined;

  constructor(host: ReactiveControllerHost, savedWork: () => SavedWork | undefined, timing: AutosaveTiming = {}) {
    super(host, savedWork);
    this.intervalMs = timing.intervalMs ?? AUTOSAVE_INTERVAL_MS;
    this.idleMs = timing.idleMs ?? AUTOSAVE_IDLE_MS;
    this.visible = timing.visible ?? (() => document.visibilityState === "visible");
    this.visibilityTarget = "visibilityTarget" in timing ? timing.visibilityTarget : document;
  }

  protected override subscribe(work: SavedWork): Unsubscribe[] {
    const onVisibilityChange = (): void => {
      if (!this.visible()) this.save();
    };
    this.visibilityTarget?.addEventListener("visibilitychange", onVisibilityChange);
    this.interval = setInterval(() => {
      // A hidden page was saved when it was hidden and cannot have changed much since.
      if (this.visible()) this.save();
    }, this.intervalMs);
    return [
      work.watchWork((change) => {
        if (change === "step-done") return this.save();
        if (change === "input") this.changed = true;
        if (!this.changed) return; // output alone (a boot log, a restore) is not the learner's work
        clearTimeout(this.idle);
        this.idle = setTimeout(() => {
          if (this.changed) this.save();
        }, this.idleMs);
      }),
      () => this.visibilityTarget?.removeEventListener("visibilitychange", onVisibilityChange),
      () => this.stopTimers(),
    ];
  }

  protected override sourceChanged(): void {
    this.changed = false;
  }

  private save(): void {
    this.changed = false;
    clearTimeout(this.idle);
    this.idle = undefined;
    void this.current?.save("automatic");
  }

  private stopTimers(): void {
    clearInterval(this.interval);
    clearTimeout(this.idle);
    this.interval = undefined;
    this.idle = undefined;
  }
}
