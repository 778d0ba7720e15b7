// Pinching the terminals with two fingers changes their font size, as on a phone's other apps: every
// tenth or so of spread (or squeeze) is one step up (or down). The two-finger gesture is the
// terminals' own while it lasts (the browser does not zoom the page); one finger still scrolls.
import type { ReactiveController, ReactiveControllerHost } from "lit";

/** How much the fingers' distance has to change, as a ratio, for one step of font size. */
const STEP_RATIO = 1.12;

function spread(touches: TouchList): number | undefined {
  if (touches.length !== 2) return undefined;
  const [a, b] = [touches[0]!, touches[1]!];
  return Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY);
}

export class PinchZoomController implements ReactiveController {
  /** The fingers' distance at the last step (or when the second finger came down). */
  private baseline: number | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly step: (step: 1 | -1) => void,
  ) {
    host.addController(this);
  }

  // Listened for on the way down (capture): xterm.js's own touch scrolling stops the events it handles.
  hostConnected(): void {
    this.host.addEventListener("touchstart", this.onStart, { passive: true, capture: true });
    // Not passive: the page's own pinch zoom is kept from starting while the terminals are pinched.
    this.host.addEventListener("touchmove", this.onMove, { passive: false, capture: true });
    this.host.addEventListener("touchend", this.onEnd, { passive: true, capture: true });
    this.host.addEventListener("touchcancel", this.onEnd, { passive: true, capture: true });
  }

  hostDisconnected(): void {
    this.host.removeEventListener("touchstart", this.onStart, { capture: true });
    this.host.removeEventListener("touchmove", this.onMove, { capture: true });
    this.host.removeEventListener("touchend", this.onEnd, { capture: true });
    this.host.removeEventListener("touchcancel", this.onEnd, { capture: true });
    this.baseline = undefined;
  }

  private readonly onStart = (event: TouchEvent): void => {
    this.baseline = spread(event.touches);
  };

  private readonly onMove = (event: TouchEvent): void => {
    const now = spread(event.touches);
    if (now === undefined || this.baseline === undefined) return;
    event.preventDefault();
    if (now >= this.baseline * STEP_RATIO) {
      this.baseline = now;
      this.step(1);
    } else if (now <= this.baseline / STEP_RATIO) {
      this.baseline = now;
      this.step(-1);
    }
  };

  private readonly onEnd = (event: TouchEvent): void => {
    this.baseline = spread(event.touches);
  };
}
