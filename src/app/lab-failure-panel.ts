// What went wrong with the machine and the way out: build the missing image, retry a download,
// reset a panicked or hung guest. Renders nothing while the machine is fine.
import { LitElement, css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { VmFailure } from "../vm/vm-state.ts";
import "../ui/lab-banner.ts";
import { buttonStyles } from "../ui/ui-styles.ts";
import { LabActionEvent, type LabAction } from "./lab-events.ts";
import { FAILURE_TITLES } from "./status-text.ts";
import type { SessionState } from "./vm-session.ts";

interface ActionButton {
  readonly action: LabAction;
  readonly label: string;
  readonly testId: string;
  readonly primary?: boolean;
}

const RETRY: ActionButton = { action: "retry", label: "Retry", testId: "retry-button", primary: true };
const CHECK_AGAIN: ActionButton = { action: "retry", label: "Check again", testId: "retry-button", primary: true };
const RESET: ActionButton = { action: "reset", label: "Reset machine", testId: "panel-reset-button", primary: true };
const COLD_BOOT: ActionButton = { action: "cold-boot", label: "Cold boot", testId: "panel-cold-boot-button" };

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
    css`
      :host {
        display: block;
      }
      p {
        margin: 0;
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      code {
        font-family: var(--lab-font-mono);
        font-size: 0.85em;
        padding: 0.1rem 0.35rem;
        border-radius: 0.3rem;
        background: var(--lab-surface-raised);
        color: var(--lab-text);
      }
    `,
  ];

  @property({ attribute: false }) state: SessionState | undefined;

  override render() {
    const state = this.state;
    if (state?.phase === "error") {
      return this.renderPanel(
        "error",
        FAILURE_TITLES[state.failure.kind],
        html`<p data-testid="failure-message">${withCode(state.failure.message)}</p>`,
        FAILURE_ACTIONS[state.failure.kind],
        state.failure.kind,
      );
    }
    if (state?.phase === "unresponsive") {
      return this.renderPanel(
        "warning",
        "The machine stopped answering",
        html`<p data-testid="failure-message">
          The guest has not answered for several seconds: something in it may be using all the CPU or
          memory (a fork bomb?). It may recover by itself; Reset returns to a fresh machine and discards
          everything in this one.
        </p>`,
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
    return html`
      <lab-banner tone=${tone} heading=${heading} role="alert" data-testid="failure-panel" data-kind=${kind}>
        ${body}
        ${actions.map(
          (a) => html`<button
            slot="actions"
            class=${a.primary ? "primary" : ""}
            data-testid=${a.testId}
            @click=${() => this.dispatchEvent(new LabActionEvent(a.action))}
          >
            ${a.label}
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
