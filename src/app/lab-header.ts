// The page's header: the brand, the machine's status (and its shell's health), offline support, the
// language, saved work and the machine's controls. It only shows and asks: actions go up as events.
import { consume } from "@lit/context";
import { LitElement, css, html } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { LOCALES, isLocale, type Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import { ACCESS_MESSAGES } from "../i18n/access-messages.ts";
import type { OfflineSupport } from "../offline/offline-support.ts";
import type { ClassClient } from "../classroom/class-client.ts";
import "../classroom/lab-class-join.ts";
import "../saved/lab-saved-work-menu.ts";
import { buttonStyles, compactLabelStyles, kbdStyles, visuallyHiddenStyles } from "../ui/ui-styles.ts";
import { LabActionEvent, LocaleChangeEvent } from "./lab-events.ts";
import "../offline/lab-offline-status.ts";
import "./lab-reset-button.ts";
import "../session/lab-vm-status.ts";
import type { ShellHealth } from "../session/shell-health.ts";
import type { SessionState } from "../session/vm-session.ts";

const powerIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true">
  <path d="M10 3v6.5" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
  <path d="M6.2 5.6a6 6 0 1 0 7.6 0" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
</svg>`;

const keyboardIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true">
  <rect x="2" y="5" width="16" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="1.5" />
  <path d="M5 8h1M8 8h1M11 8h1M14 8h1M6 12h8" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
</svg>`;

const logo = html`<svg class="logo" viewBox="0 0 32 32" aria-hidden="true">
  <rect x="2" y="2" width="28" height="28" rx="7" fill="var(--lab-accent)" opacity="0.16" />
  <rect x="6.5" y="6.5" width="19" height="19" rx="4" fill="none" stroke="var(--lab-accent)" stroke-width="2" />
  <rect x="11" y="11" width="10" height="10" rx="2" fill="var(--lab-accent)" />
</svg>`;

@customElement("lab-header")
export class LabHeader extends LitElement {
  static override styles = [
    buttonStyles,
    kbdStyles,
    visuallyHiddenStyles,
    compactLabelStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 1.25rem;
        padding: 0.6rem 1.25rem;
        border-bottom: 1px solid var(--lab-border);
        background: var(--lab-surface);
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 0.7rem;
        /* takes what the header has left and gives it up first: the tagline shrinks before the status,
           but the name stays whole (a crowded header, with the class's button, shortens the status) */
        flex: 1 1 0;
        min-width: 10.5rem;
      }
      .brand > div {
        min-width: 0;
      }
      .logo {
        width: 2rem;
        height: 2rem;
        flex: none;
      }
      h1 {
        white-space: nowrap;
        margin: 0;
        font-size: 1.1rem;
        font-weight: 700;
        letter-spacing: -0.01em;
      }
      .tagline {
        margin: 0.1rem 0 0;
        font-size: 0.8rem;
        color: var(--lab-text-muted);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      lab-vm-status {
        flex: 0 1 auto;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        flex: none;
      }
      .language select {
        font: inherit;
        font-size: 0.85rem;
        padding: 0.35rem 0.5rem;
        border-radius: 0.5rem;
        border: 1px solid var(--lab-border-strong);
        background: var(--lab-surface-raised);
        color: var(--lab-text);
      }
      button.shortcuts {
        flex: none;
        gap: 0.25rem;
        padding: 0.4rem 0.55rem;
      }
      button.shortcuts kbd {
        padding: 0 0.25rem;
        border-bottom-width: 1px;
        line-height: 1rem;
      }
      .language select:focus-visible {
        outline: 2px solid var(--lab-focus);
        outline-offset: 2px;
      }
      @media (max-width: 1100px) {
        .tagline {
          display: none;
        }
      }
      @media (max-width: 760px) {
        :host {
          flex-wrap: wrap;
          gap: 0.5rem 0.75rem;
          padding: 0.5rem 0.75rem;
        }
      }
      /* A phone: the brand and the status share the first row, every control the second (the machine's
         buttons show their icons only), so the terminal keeps the height. */
      @media (max-width: 600px) {
        :host {
          gap: 0.4rem 0.5rem;
        }
        .brand {
          flex: none;
          min-width: 0;
          gap: 0.45rem;
        }
        .logo {
          width: 1.6rem;
          height: 1.6rem;
        }
        h1 {
          font-size: 1rem;
        }
        /* wide enough to push the language and everything after it to the second row */
        lab-vm-status {
          flex: 1 1 0;
          min-width: 9rem;
        }
        .actions {
          gap: 0.35rem;
        }
      }
    `,
  ];

  @property({ attribute: false }) state: SessionState | undefined;
  @property({ type: Number }) generation = 0;
  @property({ attribute: false }) shell: ShellHealth = { kind: "healthy" };
  @property({ attribute: false }) offline: OfflineSupport | undefined;
  /** The live class (joining); shown only when a class server served the page. */
  @property({ attribute: false }) classClient: ClassClient | undefined;
  /** Whether there is a machine to control at all. */
  @property({ type: Boolean }) controllable = false;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  override render() {
    const m = UI_MESSAGES[this.locale];
    const a = ACCESS_MESSAGES[this.locale];
    return html`
      <div class="brand">
        ${logo}
        <div>
          <h1>Isolation Lab</h1>
          <p class="tagline">${m.tagline}</p>
        </div>
      </div>
      <lab-vm-status .state=${this.state} .generation=${this.generation} .shell=${this.shell}></lab-vm-status>
      <lab-offline-status .offline=${this.offline}></lab-offline-status>
      <label class="language">
        <span class="visually-hidden">${m.languageLabel}</span>
        <select data-testid="language-select" aria-label=${m.languageLabel} @change=${this.onLanguageChange}>
          ${LOCALES.map((l) => html`<option value=${l} ?selected=${l === this.locale}>${UI_MESSAGES[l].languageName}</option>`)}
        </select>
      </label>
      <lab-class-join .client=${this.classClient}></lab-class-join>
      <lab-saved-work-menu></lab-saved-work-menu>
      <button
        class="shortcuts"
        data-testid="shortcuts-button"
        aria-keyshortcuts="?"
        aria-label=${a.shortcutsTitle}
        title=${a.shortcutsTitle}
        @click=${() => this.dispatchEvent(new LabActionEvent("show-shortcuts"))}
      >
        ${keyboardIcon}<kbd aria-hidden="true">?</kbd>
      </button>
      <div class="actions" role="group" aria-label=${m.machineControls}>
        <lab-reset-button ?disabled=${!this.controllable}></lab-reset-button>
        <button
          data-testid="cold-boot-button"
          title=${m.coldBootTitle}
          ?disabled=${!this.controllable}
          @click=${() => this.dispatchEvent(new LabActionEvent("cold-boot"))}
        >
          ${powerIcon} <span class="button-label">${m.coldBoot}</span>
        </button>
      </div>
    `;
  }

  private readonly onLanguageChange = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if (isLocale(value)) this.dispatchEvent(new LocaleChangeEvent(value));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-header": LabHeader;
  }
}
