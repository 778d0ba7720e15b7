// What went wrong with the machine and the way out: build the missing image, retry a download,
// reset a panicked or hung guest. Renders nothing while the machine is fine.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES, type UiMessages } from "../i18n/ui-messages.ts";
import type { VmFailure } from "../vm/vm-state.ts";
import "../ui/lab-banner.ts";
import { buttonStyles, inlineCodeStyles } from "../ui/ui-styles.ts";
import { LabActionEvent, type LabAction } from "./lab-events.ts";
import type { SessionState } from "../session/vm-session.ts";

interface ActionButton {
  readonly action: LabAction;
  readonly label: (m: UiMessages) => string;
  readonly testId: string;
  readonly primary?: boolean;
}

const RETRY: ActionButton = { action: "retry", label: (m) => m.retry, testId: "retry-button", primary: true };
const CHECK_AGAIN: ActionButton = { action: "retry", label: (m) => m.checkAgain, testId: "retry-button", primary: true };
const RESET: ActionButton = { action: "reset", label: (m) => m.resetMachine, testId: "panel-reset-button", primary: true };
const COLD_BOOT: ActionButton = { action: "cold-boot", label: (m) => m.coldBoot, testId: "panel-cold-boot-button" };

const FAILURE_ACTIONS: Readonly<Record<VmFailure["kind"], readonly ActionButton[]>> = {
  "assets-missing": [CHECK_AGAIN],
  "download-failed": [RETRY],
  "boot-timeout": [RESET, COLD_BOOT],
  "kernel-panic": [RESET],
  "emulator-error": [RESET, COLD_BOOT],
};

/** Shows `npm start` in backticks as code. */
function withCode(text: string) {
  return text.split("`").map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part));
}

@customElement("lab-failure-panel")
export class LabFailurePanel extends LitElement {
  static override styles = [
    buttonStyles,
    inlineCodeStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0;
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .detail {
        margin-top: 0.5rem;
        font-family: var(--lab-font-mono);
        font-size: 0.8em;
        color: var(--lab-text-muted);
      }
    `,
  ];

  @property({ attribute: false }) state: SessionState | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  override render() {
    const state = this.state;
    const m = UI_MESSAGES[this.locale];
    if (state?.phase === "error") {
      return this.renderPanel(
        "error",
        m.failureTitles[state.failure.kind],
        html`<p data-testid="failure-message">${withCode(m.failureBodies[state.failure.kind])}</p>
          <p class="detail" data-testid="failure-detail">${m.technicalDetail}: ${state.failure.message}</p>`,
        FAILURE_ACTIONS[state.failure.kind],
        state.failure.kind,
      );
    }
    if (state?.phase === "unresponsive") {
      return this.renderPanel(
        "warning",
        m.unresponsiveTitle,
        html`<p data-testid="failure-message">${m.unresponsiveBody}</p>`,
        [RESET],
        "unresponsive",
      );
    }
    return nothing;
  }

  private renderPanel(
    tone: "error" | "warning",
    heading: string,
    body: unknown,
    actions: readonly ActionButton[],
    kind: string,
  ) {
    const m = UI_MESSAGES[this.locale];
    return html`
      <lab-banner tone=${tone} heading=${heading} dismiss-label=${m.dismiss} role="alert" data-testid="failure-panel" data-kind=${kind}>
        ${body}
        ${actions.map(
          (a) => html`<button
            slot="actions"
            class=${a.primary ? "primary" : ""}
            data-testid=${a.testId}
            @click=${() => this.dispatchEvent(new LabActionEvent(a.action))}
          >
            ${a.label(m)}
          </button>`,
        )}
      </lab-banner>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-failure-panel": LabFailurePanel;
  }
}
