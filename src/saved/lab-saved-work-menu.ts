// The header's saved-work controls: a Save button that says when the machine was last saved, and a
// menu with export, import, the progress report and file transfer. It also runs the autosave.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, query, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { announcerContext, type Announcer } from "../ui/announcer.ts";
import { buttonStyles } from "../ui/ui-styles.ts";
import { downloadFile } from "../ui/download-file.ts";
import { SessionStateController } from "../session/session-controller.ts";
import { vmSessionContext } from "../session/vm-session-context.ts";
import type { VmSession } from "../session/vm-session.ts";
import { AutosaveController } from "./autosave-controller.ts";
import { MenuDismissController } from "./menu-dismiss-controller.ts";
import { PanelOpenEvent, type SavedWorkPanel } from "./saved-work-events.ts";
import { SAVED_MESSAGES, formatTime } from "./saved-messages.ts";
import { savedWorkContext } from "./saved-work-context.ts";
import { SavedWorkController } from "./saved-work-controller.ts";
import type { SavedWork } from "./saved-work.ts";

const saveIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true">
  <path d="M4 3.5h9.5L16.5 6.5V16a.5.5 0 0 1-.5.5H4a.5.5 0 0 1-.5-.5V4a.5.5 0 0 1 .5-.5Z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
  <path d="M6.5 3.5v4h6v-4M6.5 16.5v-5h7v5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
</svg>`;

const menuIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true">
  <path d="m5.5 8 4.5 4.5L14.5 8" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

@customElement("lab-saved-work-menu")
export class LabSavedWorkMenu extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        position: relative;
      }
      .when {
        font-size: 0.75rem;
        color: var(--lab-text-muted);
        white-space: nowrap;
      }
      /* On narrower windows the time moves into the Save button's tooltip and the menu. */
      @media (max-width: 1440px) {
        .when,
        .label {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
        }
      }
      .menu-when {
        padding: 0.3rem 0.85rem 0.4rem;
        font-size: 0.75rem;
        color: var(--lab-text-muted);
      }
      details {
        position: relative;
      }
      summary {
        list-style: none;
      }
      summary::-webkit-details-marker {
        display: none;
      }
      summary span {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        padding: 0.4rem 0.45rem;
        border-radius: 0.5rem;
        border: 1px solid var(--lab-border-strong);
        background: var(--lab-surface-raised);
        font-size: 0.875rem;
        font-weight: 600;
        cursor: pointer;
        white-space: nowrap;
      }
      summary:focus-visible span {
        outline: 2px solid var(--lab-focus);
        outline-offset: 2px;
      }
      summary svg {
        width: 1rem;
        height: 1rem;
      }
      [role="menu"] {
        position: absolute;
        right: 0;
        top: calc(100% + 0.35rem);
        z-index: 20;
        display: flex;
        flex-direction: column;
        min-width: 13rem;
        padding: 0.35rem;
        border: 1px solid var(--lab-border-strong);
        border-radius: 0.6rem;
        background: var(--lab-surface);
        box-shadow: 0 12px 32px rgb(0 0 0 / 0.35);
      }
      [role="menu"] button {
        justify-content: flex-start;
        border: none;
        background: transparent;
        font-weight: 500;
      }
      [role="menu"] button:hover {
        background: var(--lab-surface-hover);
      }
      hr {
        width: 100%;
        border: none;
        border-top: 1px solid var(--lab-border);
        margin: 0.3rem 0;
      }
      input[type="file"] {
        display: none;
      }
    `,
  ];

  @consume({ context: savedWorkContext, subscribe: true })
  @state()
  savedWork: SavedWork | undefined;

  @consume({ context: vmSessionContext, subscribe: true })
  @state()
  session: VmSession | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @consume({ context: announcerContext, subscribe: true })
  @state()
  announcer: Announcer | undefined;

  @state() private exporting = false;
  @query("details") private menu!: HTMLDetailsElement | null;
  @query("input[type=file]") private fileInput!: HTMLInputElement | null;

  constructor() {
    super();
    new SavedWorkController(this, () => this.savedWork);
    // Re-render when the machine becomes ready (Save and Export need a running machine).
    new SessionStateController(this, () => this.session);
    new AutosaveController(this, () => this.savedWork);
  }

  private readonly dismiss = new MenuDismissController(this, () => this.menu);

  override render() {
    const m = SAVED_MESSAGES[this.locale];
    const work = this.savedWork;
    const phase = work?.phase;
    const saving = phase?.kind === "running" && phase.saving;
    const lastSaved = phase?.kind === "running" ? phase.lastSavedAt : undefined;
    const canSave = work?.canSave ?? false;
    return html`
      <span class="when" data-testid="saved-at"
        >${saving ? m.saving : lastSaved ? m.savedAt(formatTime(lastSaved, this.locale)) : nothing}</span
      >
      <button
        data-testid="save-button"
        aria-label=${m.save}
        title=${lastSaved ? `${m.savedAt(formatTime(lastSaved, this.locale))}. ${m.saveTitle}` : m.saveTitle}
        ?disabled=${!canSave || saving}
        @click=${this.onSave}
      >
        ${saveIcon}<span class="label">${m.save}</span>
      </button>
      <details @toggle=${this.onToggle}>
        <summary data-testid="saved-work-menu" aria-haspopup="menu" aria-label=${m.more} title=${m.more}><span>${menuIcon}</span></summary>
        <div role="menu" aria-label=${m.more}>
          <div class="menu-when" role="none">${lastSaved ? m.savedAt(formatTime(lastSaved, this.locale)) : m.notSaved}</div>
          <button role="menuitem" data-testid="export-progress" @click=${this.onExportProgress}>${m.exportProgress}</button>
          <button
            role="menuitem"
            data-testid="export-machine"
            title=${m.exportMachineTitle}
            ?disabled=${!canSave || this.exporting}
            @click=${this.onExportMachine}
          >
            ${m.exportMachine}
          </button>
          <button role="menuitem" data-testid="import-file" title=${m.importFileTitle} @click=${this.onImport}>${m.importFile}</button>
          <hr />
          <button role="menuitem" data-testid="open-report" @click=${() => this.open("report")}>${m.progressReport}</button>
          <button role="menuitem" data-testid="open-files" @click=${() => this.open("files")}>${m.files}</button>
        </div>
      </details>
      <input type="file" accept=".json,.islab,application/json" data-testid="import-input" @change=${this.onFileChosen} />
    `;
  }

  /** The learner's own save is announced when done (autosaves are not: they would talk over the work). */
  private readonly onSave = async (): Promise<void> => {
    const work = this.savedWork;
    if (!(await work?.save())) return;
    const phase = work?.phase;
    if (phase?.kind === "running" && phase.lastSavedAt) {
      this.announcer?.announce(SAVED_MESSAGES[this.locale].savedAt(formatTime(phase.lastSavedAt, this.locale)));
    }
  };

  private readonly onToggle = (): void => {
    this.dismiss.toggled();
  };

  private closeMenu(): void {
    this.dismiss.close();
  }

  private open(panel: SavedWorkPanel): void {
    this.closeMenu();
    this.dispatchEvent(new PanelOpenEvent(panel));
  }

  private readonly onExportProgress = (): void => {
    this.closeMenu();
    const file = this.savedWork?.exportProgress();
    if (file) downloadFile(file);
  };

  private readonly onExportMachine = async (): Promise<void> => {
    const work = this.savedWork;
    if (!work) return;
    this.closeMenu();
    this.exporting = true;
    try {
      const file = await work.exportMachine();
      if (file) downloadFile(file);
    } finally {
      this.exporting = false;
    }
  };

  private readonly onImport = (): void => {
    this.closeMenu();
    this.fileInput?.click();
  };

  private readonly onFileChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ""; // choosing the same file again must fire change again
    if (file) void this.savedWork?.importFile(file);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-saved-work-menu": LabSavedWorkMenu;
  }
}
