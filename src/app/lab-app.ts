// The page shell: header with the machine's status and controls, messages (failures with their way
// out, notices), and the terminal filling the rest. It provides the VM session to the elements below.
import { provide } from "@lit/context";
import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { courseContext } from "../course/course-context.ts";
import { packIndexContext } from "../course/pack-index-context.ts";
import type { PackIndexEntry } from "../exercises/pack-sections.ts";
import { CommandPasteEvent } from "../course/course-events.ts";
import "../course/lab-course.ts";
import { progressContext } from "../course/progress-context.ts";
import { ProgressController } from "../course/progress-controller.ts";
import type { ProgressStore } from "../course/progress-store.ts";
import { LOCALES, isLocale, type Locale } from "../exercises/locales.ts";
import type { Exercise } from "../exercises/model.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES, preferredLocale } from "../i18n/ui-messages.ts";
import "../terminal/lab-terminal.ts";
import type { LabTerminal } from "../terminal/lab-terminal.ts";
import "../ui/lab-banner.ts";
import "../compare/lab-compare.ts";
import { COMPARE_MESSAGES } from "../compare/compare-messages.ts";
import { buttonStyles } from "../ui/ui-styles.ts";
import "../files/lab-file-transfer.ts";
import type { LabFileTransfer } from "../files/lab-file-transfer.ts";
import type { ClassClient } from "../classroom/class-client.ts";
import "../classroom/lab-class-join.ts";
import "../saved/lab-progress-report.ts";
import "../saved/lab-saved-work-menu.ts";
import "../saved/lab-saved-work-messages.ts";
import { SAVED_MESSAGES } from "../saved/saved-messages.ts";
import { savedWorkContext } from "../saved/saved-work-context.ts";
import { PanelCloseEvent, PanelOpenEvent, type SavedWorkPanel } from "../saved/saved-work-events.ts";
import type { SavedWork } from "../saved/saved-work.ts";
import "./lab-failure-panel.ts";
import { LabActionEvent, type LabAction } from "./lab-events.ts";
import "../offline/lab-offline-status.ts";
import "../session/lab-vm-status.ts";
import { SessionStateController } from "../session/session-controller.ts";
import { vmSessionContext } from "../session/vm-session-context.ts";
import type { SessionPhase, VmSession } from "../session/vm-session.ts";
import type { OfflineSupport } from "../offline/offline-support.ts";
import type { VmNotice } from "../vm/vm-state.ts";

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
        /* the page is as wide as the window: a crowded header shrinks (tagline first), never widens it */
        grid-template-columns: minmax(0, 1fr);
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
        /* takes what the header has left and gives it up first: the tagline shrinks before the status */
        flex: 1 1 0;
        min-width: 0;
      }
      .brand > div {
        /* lets the tagline shrink (with an ellipsis) instead of pushing the header past the window */
        min-width: 0;
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
        flex: 0 0 auto;
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
      main.comparing {
        grid-template-rows: auto minmax(14rem, 1fr) minmax(0, 1.5fr);
        grid-template-areas:
          "messages messages"
          "course terminal"
          "course compare";
        row-gap: 0.75rem;
      }
      lab-compare {
        grid-area: compare;
      }
      .titlebar .compare-toggle {
        padding: 0.15rem 0.6rem;
        font-size: 0.8rem;
      }
      @media (max-width: 1000px) {
        main.comparing {
          grid-template-rows: auto 60vh auto auto;
          grid-template-areas:
            "messages"
            "terminal"
            "compare"
            "course";
        }
      }
      .messages:not(:has(> :not([hidden]))) {
        display: none;
      }
      .drop-hint {
        position: absolute;
        inset: 0;
        z-index: 5;
        display: grid;
        place-items: center;
        border: 2px dashed var(--lab-accent);
        border-radius: 0.75rem;
        background: rgb(8 11 16 / 0.8);
        color: var(--lab-accent);
        font-weight: 600;
        pointer-events: none;
      }
      @media print {
        :host([panel="report"]) {
          display: block;
          height: auto;
        }
        :host([panel="report"]) header,
        :host([panel="report"]) main,
        :host([panel="report"]) lab-file-transfer {
          display: none;
        }
      }
      .messages {
        grid-area: messages;
        margin-bottom: 0.75rem;
        display: flex;
        flex-direction: column;
        gap: 0.6rem;
      }
      .terminal-card {
        position: relative;
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

  /** The exercises (the course's, then the packs'); provided to the course panel and the report. */
  @provide({ context: courseContext })
  @property({ attribute: false })
  course: readonly Exercise[] = [];

  /** The content packs' headings and exercises; provided to the overview and the report. */
  @provide({ context: packIndexContext })
  @property({ attribute: false })
  packIndex: readonly PackIndexEntry[] = [];

  /** The learner's progress (and chosen language); provided to the course panel. */
  @provide({ context: progressContext })
  @property({ attribute: false })
  progress: ProgressStore | undefined;

  /** The page's offline support (service worker), shown in the header; undefined in development. */
  @property({ attribute: false })
  offline: OfflineSupport | undefined;

  /** The live class (joining, progress events); shown only when a class server served the page. */
  @property({ attribute: false })
  classClient: ClassClient | undefined;

  /** The learner's saved machine, exports and imports; provided to the saved-work elements. */
  @provide({ context: savedWorkContext })
  @property({ attribute: false })
  savedWork: SavedWork | undefined;

  /** The panel open over the page (reflected: printing the report hides the rest of the page). */
  @property({ reflect: true }) panel: SavedWorkPanel | undefined;

  /** A file is being dragged over the terminal. */
  @state() private dropping = false;

  /** The VM-versus-container comparison is open (it owns the second VM only while open). */
  @state() private comparing = false;

  /** The page's language: the learner's choice, else the browser's preference. */
  @provide({ context: localeContext })
  @state()
  locale: Locale = preferredLocale(typeof navigator === "undefined" ? [] : navigator.languages);

  private readonly browserLocale = this.locale;
  private readonly status = new SessionStateController(this, () => this.session);
  private previousPhase: SessionPhase | undefined;

  @query("lab-terminal") private terminal!: LabTerminal | null;
  @query("lab-file-transfer") private fileTransfer!: LabFileTransfer | null;

  constructor() {
    super();
    this.addEventListener(LabActionEvent.type, (event) => this.perform(event.action));
    this.addEventListener(CommandPasteEvent.type, (event) => this.paste(event.command));
    this.addEventListener(PanelOpenEvent.type, (event) => (this.panel = event.panel));
    this.addEventListener(PanelCloseEvent.type, () => (this.panel = undefined));
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
        <lab-offline-status .offline=${this.offline}></lab-offline-status>
        <label class="language">
          <span class="visually-hidden">${m.languageLabel}</span>
          <select data-testid="language-select" aria-label=${m.languageLabel} @change=${this.onLanguageChange}>
            ${LOCALES.map((l) => html`<option value=${l} ?selected=${l === this.locale}>${UI_MESSAGES[l].languageName}</option>`)}
          </select>
        </label>
        <lab-class-join .client=${this.classClient}></lab-class-join>
        <lab-saved-work-menu></lab-saved-work-menu>
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
      <main class=${this.comparing ? "comparing" : ""}>
        ${this.renderMessages(troubled, notices)}
        <lab-course data-testid="course"></lab-course>
        <section
          class="terminal-card ${this.dropping ? "dropping" : ""}"
          aria-label=${m.terminalRegion}
          data-testid="terminal-region"
          @dragover=${this.onDragOver}
          @dragleave=${this.onDragLeave}
          @drop=${this.onDrop}
        >
          ${this.dropping ? html`<div class="drop-hint" aria-hidden="true">${SAVED_MESSAGES[this.locale].dropHere}</div>` : nothing}
          <div class="titlebar">
            <span class="lights" aria-hidden="true"><span></span><span></span><span></span></span>
            <span class="title">root@lab · ttyS0</span>
            <button
              class="compare-toggle"
              data-testid="compare-toggle"
              title=${COMPARE_MESSAGES[this.locale].openTitle}
              aria-pressed=${this.comparing ? "true" : "false"}
              ?disabled=${!this.session}
              @click=${() => (this.comparing = !this.comparing)}
            >
              ${this.comparing ? COMPARE_MESSAGES[this.locale].close : COMPARE_MESSAGES[this.locale].open}
            </button>
            <span class="hint"
              ><kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>C</kbd> ${m.copyPasteHint.copy} · <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>V</kbd>
              ${m.copyPasteHint.paste}</span
            >
          </div>
          <lab-terminal class=${stopped ? "stopped" : nothing}></lab-terminal>
        </section>
        ${this.comparing ? html`<lab-compare data-testid="compare"></lab-compare>` : nothing}
      </main>
      <lab-file-transfer ?hidden=${this.panel !== "files"}></lab-file-transfer>
      ${this.panel === "report" ? html`<lab-progress-report></lab-progress-report>` : nothing}
    `;
  }

  private renderMessages(troubled: boolean, notices: readonly VmNotice[]) {
    return html`
      <div class="messages">
        <lab-saved-work-messages></lab-saved-work-messages>
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
            >${UI_MESSAGES[this.locale].notices[notice.kind](notice.detail)}</lab-banner
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

  private readonly onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault(); // lets the drop happen
    event.dataTransfer.dropEffect = "copy";
    this.dropping = true;
  };

  private readonly onDragLeave = (event: DragEvent): void => {
    // Moving between the terminal's children fires dragleave too; only leaving the card counts.
    if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) this.dropping = false;
  };

  /** A file dropped onto the terminal is copied into /root; the file panel shows the progress. */
  private readonly onDrop = (event: DragEvent): void => {
    this.dropping = false;
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    this.panel = "files";
    void this.fileTransfer?.upload(files, "/root");
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
