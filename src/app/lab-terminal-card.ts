// The terminals' card: a title bar (the terminal tabs, the comparison toggle, copy and paste keys) over
// one terminal or two side by side; files dropped onto it go up to be copied into the machine. The
// layout (open tabs, split) is the learner's and survives reloads and resets (terminal-layout.ts).
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { COMPARE_MESSAGES } from "../compare/compare-messages.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import { WORKSPACE_MESSAGES } from "../i18n/workspace-messages.ts";
import { SAVED_MESSAGES } from "../saved/saved-messages.ts";
import "../terminal/lab-terminal.ts";
import type { LabTerminal } from "../terminal/lab-terminal.ts";
import "../terminal/lab-terminal-tabs.ts";
import "../terminal/lab-key-bar.ts";
import { KeyBarController } from "./key-bar-controller.ts";
import { PinchZoomController } from "../terminal/pinch-zoom-controller.ts";
import { TerminalRequestEvent, type TerminalRequest } from "../terminal/terminal-events.ts";
import { buttonStyles, kbdStyles } from "../ui/ui-styles.ts";
import { learnerShells } from "../session/learner-shells.ts";
import { LabActionEvent } from "./lab-events.ts";
import { FileDropController } from "./file-drop-controller.ts";
import { containerShellCommand, restartShellScript } from "../session/shell-places.ts";
import { TerminalLayoutController } from "./terminal-layout-controller.ts";
import { vmSessionContext } from "../session/vm-session-context.ts";
import type { VmSession } from "../session/vm-session.ts";
import { WorkspaceStatusController } from "../session/workspace-status-controller.ts";

@customElement("lab-terminal-card")
export class LabTerminalCard extends LitElement {
  static override styles = [
    buttonStyles,
    kbdStyles,
    css`
      :host {
        position: relative;
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
        padding: 0.4rem 0.9rem;
        border-bottom: 1px solid var(--lab-border);
        background: var(--lab-surface);
        font-size: 0.8rem;
        color: var(--lab-text-muted);
      }
      lab-terminal-tabs {
        flex: 0 1 auto;
      }
      .screens {
        flex: 1;
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        min-height: 0;
      }
      .screens.split {
        grid-template-columns: minmax(0, var(--left, 1fr)) 0.5rem minmax(0, var(--right, 1fr));
      }
      .separator {
        cursor: col-resize;
        background: var(--lab-border);
        touch-action: none;
      }
      .separator:focus-visible {
        outline: 2px solid var(--lab-focus);
        outline-offset: -2px;
      }
      lab-terminal[hidden] {
        display: none;
      }
      .compare-toggle {
        padding: 0.15rem 0.6rem;
        font-size: 0.8rem;
      }
      .hint {
        margin-left: auto;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      lab-terminal {
        flex: 1;
        transition: opacity 200ms ease;
      }
      lab-terminal.stopped {
        opacity: 0.45;
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
      /* the key bar is for touch keyboards: shown on touch screens and narrow windows */
      lab-key-bar {
        display: none;
      }
      @media (pointer: coarse), (max-width: 1100px) {
        lab-key-bar {
          display: block;
        }
      }
      @media (max-width: 760px) {
        .hint {
          display: none;
        }
      }
    `,
  ];

  /** The machine stopped (failed): the terminal is dimmed. */
  @property({ type: Boolean }) stopped = false;
  @property({ type: Boolean }) comparing = false;
  @property({ type: Boolean }) controllable = false;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @consume({ context: vmSessionContext, subscribe: true })
  @state()
  session: VmSession | undefined;

  /** The terminal that last had the keyboard. */
  private focused: number | undefined;
  private readonly layout = new TerminalLayoutController(this, () => this.session);
  private readonly places = new WorkspaceStatusController(this, () => this.session);
  private readonly drop = new FileDropController(this);
  private readonly keys = new KeyBarController(this, (key) => {
    const terminal = this.terminalOf(this.activePort);
    terminal?.focus();
    terminal?.press(key);
  });

  constructor() {
    super();
    this.addEventListener(TerminalRequestEvent.type, (event) => this.onRequest(event.request));
    // Two fingers pinching the terminals change their font size, as the bar's A− and A+ do.
    new PinchZoomController(this, (step) => this.keys.stepFontSize(step));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute("role", "region");
  }

  protected override willUpdate(): void {
    this.setAttribute("aria-label", UI_MESSAGES[this.locale].terminalRegion);
  }

  /** Puts the keyboard focus into the terminal in front. */
  override focus(): void {
    this.terminalOf(this.activePort)?.focus();
  }

  /** The line of the terminal in front (of the two in a split, the one last focused): the course's commands go there. */
  get activePort(): number {
    const layout = this.layout.current;
    return this.focused !== undefined && this.focused === layout.split ? this.focused : layout.active;
  }

  private terminalOf(port: number): LabTerminal | null {
    return this.renderRoot.querySelector<LabTerminal>(`lab-terminal[data-port="${port}"]`);
  }

  override render() {
    const m = UI_MESSAGES[this.locale];
    const c = COMPARE_MESSAGES[this.locale];
    const layout = this.layout.current;
    const split = layout.split !== undefined;
    return html`
        ${this.drop.dropping ? html`<div class="drop-hint" aria-hidden="true">${SAVED_MESSAGES[this.locale].dropHere}</div>` : nothing}
        <div class="titlebar">
          <lab-terminal-tabs
            .layout=${layout}
            .lines=${this.places.status.lines}
            .containers=${this.places.status.containers}
            ?can-open=${this.layout.free() !== undefined}
          ></lab-terminal-tabs>
          <button
            class="compare-toggle"
            data-testid="compare-toggle"
            title=${c.openTitle}
            aria-pressed=${this.comparing ? "true" : "false"}
            ?disabled=${!this.controllable}
            @click=${() => this.dispatchEvent(new LabActionEvent("toggle-compare"))}
          >
            ${this.comparing ? c.close : c.open}
          </button>
          <span class="hint"
            ><kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>C</kbd> ${m.copyPasteHint.copy} · <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>V</kbd>
            ${m.copyPasteHint.paste}</span
          >
        </div>
        <div
          class="screens ${split ? "split" : ""}"
          style=${split ? `--left: ${layout.ratio}fr; --right: ${1 - layout.ratio}fr` : ""}
        >
          ${this.layout.shown().map((port, index) => {
            const side = port === layout.active ? 1 : port === layout.split ? 3 : 0;
            return html`${index === 1 && split ? this.renderSeparator() : nothing}<lab-terminal
                data-port=${port}
                data-testid=${port === layout.active ? "active-terminal" : "terminal-pane"}
                .port=${port}
                ?hidden=${side === 0}
                style=${side === 0 ? "" : `grid-column: ${side}; grid-row: 1`}
                class=${this.stopped ? "stopped" : nothing}
                .modifiers=${this.keys.modifiers}
                font-size=${this.keys.fontSize}
                @focusin=${() => (this.focused = port)}
              ></lab-terminal>`;
          })}
        </div>
        <lab-key-bar data-testid="key-bar" .modifiers=${this.keys.modifiers} font-size=${this.keys.fontSize}></lab-key-bar>
    `;
  }

  private renderSeparator() {
    const w = WORKSPACE_MESSAGES[this.locale];
    const percent = Math.round(this.layout.current.ratio * 100);
    return html`<div
      class="separator"
      role="separator"
      tabindex="0"
      data-testid="split-separator"
      aria-orientation="vertical"
      aria-label=${w.splitHandle}
      aria-valuemin="20"
      aria-valuemax="80"
      aria-valuenow=${percent}
      style="grid-column: 2; grid-row: 1"
      @keydown=${this.layout.onSeparatorKey}
      @pointerdown=${this.layout.onSeparatorPointer}
    ></div>`;
  }

  private onRequest(request: TerminalRequest): void {
    const session = this.session;
    switch (request.kind) {
      case "container": {
        const port = this.layout.free() ?? this.layout.current.active;
        this.layout.update({ kind: "activate-new", port });
        if (session) learnerShells(session).line(port).send(containerShellCommand(request));
        this.places.refresh(1500);
        break;
      }
      case "restart": {
        const pid = this.places.status.lines.find((line) => line.port === request.port)?.shellPid;
        if (pid !== undefined) void session?.vm?.agent.run(restartShellScript(pid), { timeoutMs: 15_000 }).catch(() => undefined);
        else if (session) learnerShells(session).line(request.port).send("\n");
        this.places.refresh(1500);
        break;
      }
      case "list-containers":
        this.places.refresh(0);
        return;
      default:
        this.layout.update(request);
    }
    void this.updateComplete.then(() => this.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-terminal-card": LabTerminalCard;
  }
}
