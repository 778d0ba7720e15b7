// The machine's state in the header: a coloured dot, one line of text and, while files download, a
// progress bar with the bytes received.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
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

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  override render() {
    const state = this.state;
    const stuck = state?.phase === "ready" && this.shell.kind !== "healthy";
    const label = stuck ? WORKSPACE_MESSAGES[this.locale].shellStuck : statusLabel(state, UI_MESSAGES[this.locale]);
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
        <span class="label" role="status" aria-live="polite" data-testid="vm-status-text">${label}</span>
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
