// The machine's state in the header: a coloured dot, one line of text and, while files download, a
// progress bar with the bytes received. Each change of phase (and of the shell's health) is announced
// to screen readers through the page's announcer, once, not on every byte received.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { ACCESS_MESSAGES } from "../i18n/access-messages.ts";
import { announcerContext, type Announcer } from "../ui/announcer.ts";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import { WORKSPACE_MESSAGES } from "../i18n/workspace-messages.ts";
import type { ShellHealth } from "./shell-health.ts";
import { formatMegabytes, statusLabel } from "./status-text.ts";
import type { SessionState } from "./vm-session.ts";

@customElement("lab-vm-status")
export class LabVmStatus extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-width: 0;
    }
    .status {
      display: flex;
      align-items: center;
      gap: 0.6rem;
      min-width: 0;
      padding: 0.35rem 0.8rem;
      border-radius: 999px;
      background: var(--lab-surface-raised);
      border: 1px solid var(--lab-border);
      font-size: 0.85rem;
      color: var(--lab-text);
    }
    .dot {
      flex: none;
      width: 0.6rem;
      height: 0.6rem;
      border-radius: 50%;
      background: var(--lab-warning);
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--lab-warning) 25%, transparent);
    }
    [data-phase="starting"] .dot,
    [data-phase="loading"] .dot,
    [data-phase="booting"] .dot {
      animation: pulse 1.2s ease-in-out infinite;
    }
    [data-phase="ready"] .dot {
      background: var(--lab-success);
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--lab-success) 25%, transparent);
    }
    [data-phase="error"] .dot,
    [data-phase="unresponsive"] .dot,
    [data-phase="ready"][data-shell="stuck"] .dot {
      background: var(--lab-danger);
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--lab-danger) 25%, transparent);
    }
    .label {
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    progress {
      flex: none;
      width: 7rem;
      height: 0.4rem;
      appearance: none;
      border: none;
      border-radius: 999px;
      overflow: hidden;
      background: var(--lab-border);
    }
    progress::-webkit-progress-bar {
      background: var(--lab-border);
    }
    progress::-webkit-progress-value {
      background: var(--lab-accent);
      transition: width 120ms linear;
    }
    progress::-moz-progress-bar {
      background: var(--lab-accent);
    }
    .bytes {
      flex: none;
      font-variant-numeric: tabular-nums;
      color: var(--lab-text-muted);
      font-size: 0.8rem;
    }
    @keyframes pulse {
      50% {
        opacity: 0.35;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .dot {
        animation: none !important;
      }
    }
  `;

  @property({ attribute: false }) state: SessionState | undefined;
  /** Which machine this is (1, 2, … after resets); lets tests tell a new machine from the old one. */
  @property({ type: Number }) generation = 0;
  /** The learner's shell: a ready machine whose shell cannot answer (a fork bomb) is not "Ready". */
  @property({ attribute: false }) shell: ShellHealth = { kind: "healthy" };

  /** The machine's name in announcements (the comparison's second VM); the page's machine when empty. */
  @property() subject = "";

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @consume({ context: announcerContext, subscribe: true })
  @state()
  announcer: Announcer | undefined;

  /** The phase (and shell health) last announced; the first one shown is on the page, not news. */
  private announced: string | undefined;

  private get stuck(): boolean {
    return this.state?.phase === "ready" && this.shell.kind !== "healthy";
  }

  private get label(): string {
    return this.stuck ? WORKSPACE_MESSAGES[this.locale].shellStuck : statusLabel(this.state, UI_MESSAGES[this.locale]);
  }

  protected override updated(): void {
    const key = `${this.generation}:${this.state?.phase ?? "idle"}:${this.stuck}`;
    if (key === this.announced) return;
    const first = this.announced === undefined;
    this.announced = key;
    if (first) return;
    const label = this.label;
    this.announcer?.announce(this.subject ? `${this.subject}: ${label}` : ACCESS_MESSAGES[this.locale].machineStatus(label));
  }

  override render() {
    const state = this.state;
    const stuck = this.stuck;
    const label = this.label;
    return html`
      <div
        class="status"
        data-testid="vm-status"
        data-phase=${state?.phase ?? "idle"}
        data-machine=${this.generation}
        data-shell=${stuck ? "stuck" : "ok"}
        data-mode=${state && "mode" in state ? state.mode : nothing}
      >
        <span class="dot" aria-hidden="true"></span>
        <span class="label" data-testid="vm-status-text">${label}</span>
        ${state?.phase === "loading" ? this.renderProgress(state.loadedBytes, state.totalBytes) : nothing}
      </div>
    `;
  }

  private renderProgress(loaded: number, total: number) {
    return html`
      <progress
        data-testid="vm-download-progress"
        aria-label=${UI_MESSAGES[this.locale].downloadProgress}
        max=${Math.max(total, 1)}
        .value=${loaded}
      ></progress>
      <span class="bytes">${formatMegabytes(loaded)} / ${formatMegabytes(total)}</span>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-vm-status": LabVmStatus;
  }
}
