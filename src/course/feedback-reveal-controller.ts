// Brings feedback into view when it appears: the answer's verdict and the "step done" badge are at the
// end of a step, often below the fold of the course panel, where a learner who just pressed Enter in
// the answer box (or in the terminal) would never see them.
import type { ReactiveController, ReactiveElement } from "lit";

/** What counts as feedback, in the host's shadow root. */
const FEEDBACK = '[data-testid="answer-result"], [data-testid="step-done"], [data-testid="exercise-done"]';

export class FeedbackRevealController implements ReactiveController {
  /** The feedback shown after the last update, so only a new one scrolls. */
  private shown = new Set<Element>();
  /** The step shown after the last update: opening a step that is already done does not scroll. */
  private step: string | undefined;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostUpdated(): void {
    const now = new Set(this.host.renderRoot.querySelectorAll(FEEDBACK));
    const fresh = [...now].filter((element) => !this.shown.has(element));
    this.shown = now;
    const body = this.host.renderRoot.querySelector('[data-testid="course-step"]');
    const step = body ? `${body.getAttribute("data-exercise")}/${body.getAttribute("data-step")}` : undefined;
    const sameStep = step === this.step;
    this.step = step;
    if (!sameStep) return;
    const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
    fresh.at(-1)?.scrollIntoView({ block: "nearest", behavior: smooth ? "smooth" : "auto" });
  }
}
