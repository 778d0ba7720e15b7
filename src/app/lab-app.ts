// The page shell: header with the machine's status and controls, messages (failures with their way
// out, notices), and the terminal filling the rest. It provides the VM session to the elements below.
import { provide } from "@lit/context";
import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { CommandPasteEvent } from "../course/course-events.ts";
import "../course/lab-course.ts";
import { progressContext } from "../course/progress-context.ts";
import { ProgressController } from "../course/progress-controller.ts";
import type { ProgressStore } from "../course/progress-store.ts";
import { LOCALES, isLocale, type Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES, preferredLocale } from "../i18n/ui-messages.ts";
import "../terminal/lab-terminal.ts";
import type { LabTerminal } from "../terminal/lab-terminal.ts";
import "../ui/lab-banner.ts";
import { buttonStyles } from "../ui/ui-styles.ts";
import "./lab-failure-panel.ts";
import { LabActionEvent, type LabAction } from "./lab-events.ts";
import "./lab-vm-status.ts";
import { SessionStateController } from "./session-controller.ts";
import { vmSessionContext } from "./vm-session-context.ts";
import type { SessionPhase, VmSession } from "./vm-session.ts";

const resetIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true">
  <path d="M4 10a6 6 0 1 0 1.8-4.3" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
  <path d="M4 3.5v3.2h3.2" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

const powerIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true">
  <path d="M10 3v6.5" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
  <path d="M6.2 5.6a6 6 0 1 0 7.6 0" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
</svg>`;

const logo = html`<svg class="logo" viewBox="0 0 32 32" aria-hidden="true">
  <rect x="2" y="2" width="28" height="28" rx="7" fill="var(--lab-accent)" opacity="0.16" />
  <rect x="6.5" y="6.5" width="19" height="19" rx="4" fill="none" stroke="var(--lab-accent)" stroke-width="2" />
  <rect x="11" y="11" width="10" height="10" rx="2" fill="var(--lab-accent)" />
</svg>`;

@customElement("lab-app")
export class LabApp extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr;
        height: 100%;
        min-height: 0;
        color: var(--lab-text);
      }
      header {
        display: flex;
        align-items: center;
        gap: 1.25rem;
        padding: 0.75rem 1.25rem;
        border-bottom: 1px solid var(--lab-border);
        background: var(--lab-surface);
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 0.7rem;
        min-width: 0;
        margin-right: auto;
      }
      .logo {
        width: 2rem;
        height: 2rem;
        flex: none;
      }
      h1 {
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
      main {
        display: grid;
        grid-template-columns: minmax(20rem, 30rem) minmax(0, 1fr);
        grid-template-rows: auto minmax(0, 1fr);
        grid-template-areas:
          "messages messages"
          "course terminal";
        column-gap: 0.75rem;
        min-height: 0;
        padding: 1rem 1.25rem 1.25rem;
      }
      lab-course {
        grid-area: course;
      }
      .terminal-card {
        grid-area: terminal;
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
      .messages {
        grid-area: messages;
        margin-bottom: 0.75rem;
        display: flex;
        flex-direction: column;
        gap: 0.6rem;
      }
      .terminal-card {
        flex: 1;
        display: flex;
        flex-direction: column;
        min-height: 12rem;
        border: 1px solid var(--lab-border);
        border-radius: 0.75rem;
        overflow: hidden;
        background: var(--lab-terminal-bg);
        box-shadow:
          0 1px 0 rgb(255 255 255 / 0.03) inset,
          0 12px 32px rgb(0 0 0 / 0.35);
      }
      .titlebar {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        padding: 0.5rem 0.9rem;
        border-bottom: 1px solid var(--lab-border);
        background: var(--lab-surface);
        font-size: 0.8rem;
        color: var(--lab-text-muted);
      }
      .lights {
        display: flex;
        gap: 0.35rem;
      }
      .lights span {
        width: 0.65rem;
        height: 0.65rem;
        border-radius: 50%;
        background: var(--lab-border-strong);
      }
      .title {
        font-family: var(--lab-font-mono);
        color: var(--lab-text);
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .hint {
        margin-left: auto;
        white-space: nowrap;
      }
      kbd {
        font-family: var(--lab-font-mono);
        font-size: 0.75rem;
        padding: 0.05rem 0.3rem;
        border: 1px solid var(--lab-border-strong);
        border-bottom-width: 2px;
        border-radius: 0.3rem;
        background: var(--lab-surface-raised);
      }
      lab-terminal {
        flex: 1;
        transition: opacity 200ms ease;
      }
      lab-terminal.stopped {
        opacity: 0.45;
      }
      @media (max-width: 760px) {
        header {
          flex-wrap: wrap;
          gap: 0.75rem;
        }
        .tagline,
        .hint {
          display: none;
        }
        main {
          padding: 0.75rem;
        }
      }
      @media (max-width: 1000px) {
        :host {
          height: auto;
          min-height: 100%;
        }
        main {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: auto 70vh auto;
          grid-template-areas:
            "messages"
            "terminal"
            "course";
        }
        lab-course {
          height: 85vh;
          margin-top: 0.75rem;
        }
      }
    `,
  ];

  /** The machine this page controls; provided to every element below as a service. */
  @provide({ context: vmSessionContext })
  @property({ attribute: false })
  session: VmSession | undefined;

  /** The learner's progress (and chosen language); provided to the course panel. */
  @provide({ context: progressContext })
  @property({ attribute: false })
  progress: ProgressStore | undefined;

  /** The page's language: the learner's choice, else the browser's preference. */
  @provide({ context: localeContext })
  @state()
  locale: Locale = preferredLocale(typeof navigator === "undefined" ? [] : navigator.languages);

  private readonly browserLocale = this.locale;
  private readonly status = new SessionStateController(this, () => this.session);
  private previousPhase: SessionPhase | undefined;

  @query("lab-terminal") private terminal!: LabTerminal | null;

  constructor() {
    super();
    this.addEventListener(LabActionEvent.type, (event) => this.perform(event.action));
    this.addEventListener(CommandPasteEvent.type, (event) => this.paste(event.command));
    new ProgressController(this, () => this.progress);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const locale = this.progress?.progress.locale ?? this.browserLocale;
    if (locale !== this.locale) this.locale = locale;
  }

  override render() {
    const m = UI_MESSAGES[this.locale];
    const state = this.status.state;
    const stopped = state?.phase === "error";
    const troubled = stopped || state?.phase === "unresponsive";
    const notices = this.status.notices;
    return html`
      <header>
        <div class="brand">
          ${logo}
          <div>
            <h1>Isolation Lab</h1>
            <p class="tagline">${m.tagline}</p>
          </div>
        </div>
        <lab-vm-status .state=${state} .generation=${this.status.generation}></lab-vm-status>
        <label class="language">
          <span class="visually-hidden">${m.languageLabel}</span>
          <select data-testid="language-select" aria-label=${m.languageLabel} @change=${this.onLanguageChange}>
            ${LOCALES.map((l) => html`<option value=${l} ?selected=${l === this.locale}>${UI_MESSAGES[l].languageName}</option>`)}
          </select>
        </label>
        <div class="actions" role="group" aria-label=${m.machineControls}>
          <button
            data-testid="reset-button"
            title=${m.resetMachineTitle}
            ?disabled=${!this.session}
            @click=${() => this.perform("reset")}
          >
            ${resetIcon} ${m.resetMachine}
          </button>
          <button
            data-testid="cold-boot-button"
            title=${m.coldBootTitle}
            ?disabled=${!this.session}
            @click=${() => this.perform("cold-boot")}
          >
            ${powerIcon} ${m.coldBoot}
          </button>
        </div>
      </header>
      <main>
        ${troubled || notices.length > 0 ? this.renderMessages(troubled, notices) : nothing}
        <lab-course data-testid="course"></lab-course>
        <section class="terminal-card" aria-label=${m.terminalRegion} data-testid="terminal-region">
          <div class="titlebar">
            <span class="lights" aria-hidden="true"><span></span><span></span><span></span></span>
            <span class="title">root@lab · ttyS0</span>
            <span class="hint"
              ><kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>C</kbd> ${m.copyPasteHint.copy} · <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>V</kbd>
              ${m.copyPasteHint.paste}</span
            >
          </div>
          <lab-terminal class=${stopped ? "stopped" : nothing}></lab-terminal>
        </section>
      </main>
    `;
  }

  private renderMessages(troubled: boolean, notices: readonly string[]) {
    return html`
      <div class="messages">
        ${troubled ? html`<lab-failure-panel .state=${this.status.state}></lab-failure-panel>` : nothing}
        ${notices.map(
          (notice, index) => html`<lab-banner
            tone="info"
            heading=${UI_MESSAGES[this.locale].note}
            dismiss-label=${UI_MESSAGES[this.locale].dismiss}
            dismissible
            role="status"
            data-testid="notice"
            @banner-dismiss=${() => this.status.dismissNotice(index)}
            >${notice}</lab-banner
          >`,
        )}
      </div>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const phase = this.status.state?.phase;
    // A machine that just became ready gets the keyboard, also after Reset or Cold boot was clicked.
    if (phase === "ready" && this.previousPhase !== "ready" && this.previousPhase !== "unresponsive") {
      this.terminal?.focus();
    }
    this.previousPhase = phase;
    if (changed.has("locale")) document.documentElement.lang = this.locale;
  }

  private readonly onLanguageChange = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if (isLocale(value)) this.progress?.setLocale(value);
  };

  /** Puts a command at the terminal's prompt, as if typed; the learner presses Enter to run it. */
  private paste(command: string): void {
    this.session?.sendConsole(command);
    this.terminal?.focus();
  }

  private perform(action: LabAction): void {
    const session = this.session;
    if (!session) return;
    switch (action) {
      case "reset":
        void session.reset();
        return;
      case "cold-boot":
        void session.coldBoot();
        return;
      case "retry":
        void session.retry();
        return;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-app": LabApp;
  }
}
