// The header's offline indicator: while the first visit saves the lab, how far it got; then "ready
// offline"; a button when a new build was deployed; and why saving failed, when it did. Renders nothing
// where no service worker is registered (the development server).
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import type { OfflineState, OfflineSupport } from "./offline-support.ts";
import { buttonStyles, hiddenFromSight } from "../ui/ui-styles.ts";
import { OfflineStatusController } from "./offline-status-controller.ts";

@customElement("lab-offline-status")
export class LabOfflineStatus extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      .pill {
        display: flex;
        align-items: center;
        gap: 0.45rem;
        max-width: 22rem;
        padding: 0.3rem 0.7rem;
        border-radius: 999px;
        border: 1px solid var(--lab-border);
        font-size: 0.8rem;
        color: var(--lab-text-muted);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .pill svg {
        width: 0.95rem;
        height: 0.95rem;
        flex: none;
      }
      [data-offline="ready"] {
        color: var(--lab-success);
      }
      [data-offline="failed"] {
        color: var(--lab-warning);
        border-color: color-mix(in srgb, var(--lab-warning) 45%, transparent);
      }
      button {
        font-size: 0.8rem;
        padding: 0.3rem 0.75rem;
      }
      /* A crowded header keeps "ready offline" as its tick (the words stay for screen readers and the tooltip). */
      @media (max-width: 1440px) {
        [data-offline="ready"] {
          padding: 0.3rem 0.45rem;
        }
        [data-offline="ready"] .text {
          ${hiddenFromSight}
        }
      }
      /* A phone keeps every state but saving to its icon, so the header stays two rows high; the words
         stay for screen readers and the tooltip. */
      @media (max-width: 600px) {
        .pill:not([data-offline="saving"]) {
          padding: 0.3rem 0.45rem;
        }
        .pill:not([data-offline="saving"]) .text {
          ${hiddenFromSight}
        }
      }
    `,
  ];

  /** The page's offline support; undefined renders nothing. */
  @property({ attribute: false }) offline: OfflineSupport | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  private readonly status = new OfflineStatusController(this, () => this.offline);

  override render() {
    const state = this.status.state;
    const m = UI_MESSAGES[this.locale].offline;
    switch (state.kind) {
      case "off":
        return nothing;
      case "update":
        return html`<button class="primary" data-testid="offline-status" data-offline="update" title=${m.updateTitle} @click=${this.onUpdate}>
          ${m.update}
        </button>`;
      default: {
        const { text, title } = this.describe(state);
        return html`<span class="pill" role="status" data-testid="offline-status" data-offline=${state.kind} title=${title}
          >${state.kind === "ready" ? checkIcon : state.kind === "saving" ? nothing : infoIcon}<span class="text">${text}</span></span
        >`;
      }
    }
  }

  private describe(state: Exclude<OfflineState, { kind: "off" | "update" }>): { text: string; title: string } {
    const m = UI_MESSAGES[this.locale].offline;
    switch (state.kind) {
      case "saving":
        return { text: m.saving(state.total > 0 ? Math.floor((state.done / state.total) * 100) : 0), title: m.savingTitle };
      case "ready":
        return { text: m.ready, title: m.readyTitle };
      case "failed": {
        const reason = state.reason || m.unknownReason;
        return { text: `${state.offline ? m.updateFailed : m.failed}: ${reason}`, title: m.failedTitle(reason) };
      }
      case "unsupported":
        return state.reason === "insecure"
          ? { text: m.insecure, title: m.insecureTitle }
          : { text: m.unavailable, title: state.detail ? `${m.unavailableTitle} (${state.detail})` : m.unavailableTitle };
    }
  }

  private readonly onUpdate = (): void => {
    this.status.applyUpdate();
  };
}

const checkIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true">
  <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

const infoIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true">
  <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.4" />
  <path d="M8 7.2v4M8 4.8v.1" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
</svg>`;

declare global {
  interface HTMLElementTagNameMap {
    "lab-offline-status": LabOfflineStatus;
  }
}
