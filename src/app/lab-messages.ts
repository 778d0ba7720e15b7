// The messages above the workspace: saved-work news, a failed or hung machine with its way out, a
// runaway shell with its way out, what a reset kept, and notices. Renders nothing when all is well.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import { WORKSPACE_MESSAGES } from "../i18n/workspace-messages.ts";
import "../saved/lab-saved-work-messages.ts";
import "../ui/lab-banner.ts";
import type { VmNotice } from "../vm/vm-state.ts";
import "./lab-failure-panel.ts";
import { LabActionEvent, NoticeDismissEvent } from "./lab-events.ts";
import "./lab-runaway-banner.ts";
import type { RecoveryState } from "../session/shell-health-controller.ts";
import type { ShellHealth } from "../session/shell-health.ts";
import type { SessionState } from "../session/vm-session.ts";

@customElement("lab-messages")
export class LabMessages extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
    }
    /* each message keeps its distance to the next and to the workspace; an empty list takes no room */
    lab-saved-work-messages:not([hidden]),
    lab-failure-panel,
    lab-runaway-banner,
    lab-banner {
      margin-bottom: 0.6rem;
    }
  `;

  @property({ attribute: false }) state: SessionState | undefined;
  @property({ attribute: false }) notices: readonly VmNotice[] = [];
  @property({ attribute: false }) health: ShellHealth = { kind: "healthy" };
  @property({ attribute: false }) recovery: RecoveryState = { kind: "idle" };
  /** The machine was just reset: say what was kept. */
  @property({ type: Boolean, attribute: "reset-note" }) resetNote = false;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  override render() {
    const m = UI_MESSAGES[this.locale];
    const w = WORKSPACE_MESSAGES[this.locale];
    const phase = this.state?.phase;
    const troubled = phase === "error" || phase === "unresponsive";
    return html`
      <lab-saved-work-messages></lab-saved-work-messages>
      ${troubled ? html`<lab-failure-panel .state=${this.state}></lab-failure-panel>` : nothing}
      ${this.health.kind !== "healthy" || this.recovery.kind !== "idle"
        ? html`<lab-runaway-banner .health=${this.health} .recovery=${this.recovery}></lab-runaway-banner>`
        : nothing}
      ${this.resetNote && phase === "ready"
        ? html`<lab-banner
            tone="info"
            heading=${w.resetDoneTitle}
            dismiss-label=${m.dismiss}
            dismissible
            role="status"
            data-testid="reset-note"
            @banner-dismiss=${() => this.dispatchEvent(new LabActionEvent("dismiss-reset-note"))}
            >${w.resetDoneBody}</lab-banner
          >`
        : nothing}
      ${this.notices.map(
        (notice, index) => html`<lab-banner
          tone="info"
          heading=${m.note}
          dismiss-label=${m.dismiss}
          dismissible
          role="status"
          data-testid="notice"
          @banner-dismiss=${() => this.dispatchEvent(new NoticeDismissEvent(index))}
          >${m.notices[notice.kind](notice.detail)}</lab-banner
        >`,
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-messages": LabMessages;
  }
}
