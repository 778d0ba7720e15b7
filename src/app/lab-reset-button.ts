// The header's "Reset machine": asks first (a modal dialog, so Escape and the focus trap come from the
// browser), because a reset discards everything in the machine; says that course progress is kept.
import { consume } from "@lit/context";
import { LitElement, css, html } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import { WORKSPACE_MESSAGES } from "../i18n/workspace-messages.ts";
import { buttonStyles, compactLabelStyles } from "../ui/ui-styles.ts";
import { LabActionEvent } from "./lab-events.ts";

const resetIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true">
  <path d="M4 10a6 6 0 1 0 1.8-4.3" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
  <path d="M4 3.5v3.2h3.2" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

@customElement("lab-reset-button")
export class LabResetButton extends LitElement {
  static override styles = [
    buttonStyles,
    compactLabelStyles,
    css`
      :host {
        display: inline-block;
      }
      dialog {
        max-width: min(28rem, calc(100vw - 2rem));
        padding: 1.1rem 1.2rem;
        border: 1px solid var(--lab-border-strong);
        border-radius: 0.75rem;
        background: var(--lab-surface);
        color: var(--lab-text);
        box-shadow: 0 16px 48px rgb(0 0 0 / 0.5);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.55);
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1rem;
      }
      p {
        margin: 0;
        font-size: 0.9rem;
        line-height: 1.45;
        color: var(--lab-text-muted);
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 0.5rem;
        margin-top: 1rem;
      }
    `,
  ];

  @property({ type: Boolean }) disabled = false;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @query("dialog") private dialog!: HTMLDialogElement;

  override render() {
    const m = WORKSPACE_MESSAGES[this.locale];
    const ui = UI_MESSAGES[this.locale];
    return html`
      <button data-testid="reset-button" title=${ui.resetMachineTitle} ?disabled=${this.disabled} @click=${() => this.dialog.showModal()}>
        ${resetIcon} <span class="button-label">${ui.resetMachine}</span>
      </button>
      <dialog data-testid="reset-dialog" aria-labelledby="reset-title" aria-describedby="reset-body" @close=${this.onClose}>
        <form method="dialog">
          <h2 id="reset-title">${m.resetConfirmTitle}</h2>
          <p id="reset-body">${m.resetConfirmBody}</p>
          <div class="buttons">
            <button value="cancel" data-testid="reset-cancel" autofocus>${m.cancel}</button>
            <button value="reset" class="primary" data-testid="reset-confirm">${m.resetConfirm}</button>
          </div>
        </form>
      </dialog>
    `;
  }

  private readonly onClose = (): void => {
    if (this.dialog.returnValue === "reset") this.dispatchEvent(new LabActionEvent("reset"));
    this.dialog.returnValue = "";
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-reset-button": LabResetButton;
  }
}
