// Reactive controllers that keep a Lit element subscribed to the VM session it is given. The session
// can arrive late or change (context, property); the subscription follows it and is released when the
// element leaves the page.
import { SourceBoundController } from "../ui/source-bound-controller.ts";
import type { Unsubscribe } from "../shared/typed-events.ts";
import type { SessionState, VmSession } from "./vm-session.ts";
import type { VmNotice } from "../vm/vm-state.ts";

export abstract class SessionBoundController extends SourceBoundController<VmSession> {
  /** The session this controller is subscribed to. */
  protected get session(): VmSession | undefined {
    return this.current;
  }

  protected sourceChanged(session: VmSession | undefined): void {
    this.sessionChanged(session);
  }

  /** Called after the controller switched sessions (or lost its session). */
  protected abstract sessionChanged(session: VmSession | undefined): void;
}

/** The session's state, the machine generation and the notices not yet dismissed, for rendering. */
export class SessionStateController extends SessionBoundController {
  state: SessionState | undefined;
  generation = 0;
  notices: readonly VmNotice[] = [];

  dismissNotice(index: number): void {
    this.notices = this.notices.filter((_, i) => i !== index);
    this.host.requestUpdate();
  }

  protected subscribe(session: VmSession): Unsubscribe[] {
    return [
      session.events.on("state", (state) => {
        this.state = state;
        this.generation = session.generation;
        this.host.requestUpdate();
      }),
      session.events.on("machine", () => {
        // Notices belong to the machine that raised them.
        this.notices = [];
        this.host.requestUpdate();
      }),
      session.events.on("notice", (notice) => {
        const known = this.notices.some((n) => n.kind === notice.kind && n.detail === notice.detail);
        if (!known) this.notices = [...this.notices, notice];
        this.host.requestUpdate();
      }),
    ];
  }

  protected sessionChanged(session: VmSession | undefined): void {
    this.state = session?.state;
    this.generation = session?.generation ?? 0;
    this.notices = [];
    this.host.requestUpdate();
  }
}
