// The keyboard shortcut list and the screen reader setting, in a modal dialog: opened with `?` or the
// header's button, closed with Esc or its button (the browser's <dialog> keeps the focus inside and
// gives it back). The setting is the AccessibilitySettings service's, from context.
import { consume } from "@lit/context";
import { LitElement, css, html, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { ACCESS_MESSAGES } from "../i18n/access-messages.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { accessibilitySettingsContext, type AccessibilitySettings } from "../ui/accessibility-settings.ts";
import { AccessibilitySettingsController } from "../ui/accessibility-settings-controller.ts";
import { buttonStyles, kbdStyles } from "../ui/ui-styles.ts";
import { LabActionEvent } from "./lab-events.ts";

@customElement("lab-shortcuts-dialog")
export class LabShortcutsDialog extends LitElement {
  static override styles = [
    buttonStyles,
    kbdStyles,
    css`
      dialog {
        max-width: min(40rem, calc(100vw - 2rem));
        max-height: calc(100vh - 2rem);
        padding: 1.1rem 1.3rem;
        border: 1px solid var(--lab-border-strong);
        border-radius: 0.75rem;
        background: var(--lab-surface);
        color: var(--lab-text);
        font-size: 0.9rem;
        line-height: 1.5;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.6);
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.1rem;
      }
      h3 {
        margin: 1rem 0 0.3rem;
        font-size: 0.95rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.3rem 0.5rem 0.3rem 0;
        border-bottom: 1px solid var(--lab-border);
      }
      th {
        white-space: nowrap;
        font-weight: 400;
      }
      label {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        font-weight: 600;
      }
      input:focus-visible {
        outline: 2px solid var(--lab-focus);
        outline-offset: 2px;
      }
      .help {
        margin: 0.2rem 0 0 1.6rem;
        color: var(--lab-text-muted);
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        margin-top: 1rem;
      }
    `,
  ];

  @property({ type: Boolean, reflect: true }) open = false;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @consume({ context: accessibilitySettingsContext, subscribe: true })
  @state()
  settings: AccessibilitySettings | undefined;

  @query("dialog") private dialog!: HTMLDialogElement | null;

  constructor() {
    super();
    new AccessibilitySettingsController(this, () => this.settings);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (!changed.has("open") || !dialog) return;
    if (this.open && !dialog.open) dialog.showModal();
    else if (!this.open && dialog.open) dialog.close();
  }

  override render() {
    const a = ACCESS_MESSAGES[this.locale];
    return html`<dialog aria-labelledby="shortcuts-title" data-testid="shortcuts-dialog" @close=${this.onClose}>
      <h2 id="shortcuts-title">${a.shortcutsTitle}</h2>
      <p>${a.shortcutsIntro}</p>
      <table data-testid="shortcut-list">
        <tbody>
          ${a.shortcuts.map(
            (shortcut) => html`<tr>
              <th scope="row">${shortcut.keys.map((key, i) => html`${i > 0 ? "+" : ""}<kbd>${key}</kbd>`)}</th>
              <td>${shortcut.action}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h3>${a.settingsHeading}</h3>
      <label>
        <input
          type="checkbox"
          data-testid="screen-reader-mode"
          aria-describedby="screen-reader-help"
          .checked=${this.settings?.screenReaderMode ?? false}
          ?disabled=${!this.settings}
          @change=${(e: Event) => this.settings?.setScreenReaderMode((e.target as HTMLInputElement).checked)}
        />
        ${a.screenReaderMode}
      </label>
      <p class="help" id="screen-reader-help">${a.screenReaderModeHelp}</p>
      <div class="actions">
        <button class="primary" data-testid="shortcuts-close" @click=${() => this.dialog?.close()}>${a.close}</button>
      </div>
    </dialog>`;
  }

  private readonly onClose = (): void => {
    if (this.open) this.dispatchEvent(new LabActionEvent("close-shortcuts"));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-shortcuts-dialog": LabShortcutsDialog;
  }
}
