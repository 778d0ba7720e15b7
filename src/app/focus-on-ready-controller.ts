// A machine that just became ready gets the keyboard: after the page loads, and again after Reset or
// Cold boot was clicked. A machine that recovers from "unresponsive" does not take it away from where
// the learner put it meanwhile.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { SessionPhase } from "../session/vm-session.ts";

export class FocusOnReadyController implements ReactiveController {
  private previous: SessionPhase | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly phase: () => SessionPhase | undefined,
    private readonly focus: () => void,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const phase = this.phase();
    if (phase === "ready" && this.previous !== "ready" && this.previous !== "unresponsive") this.focus();
    this.previous = phase;
  }
}
