// A message strip above the content: info, warning or error, with optional actions and a close
// button. Generic: it knows nothing about the VM; its owner decides what the actions do.
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { buttonStyles } from "./ui-styles.ts";

export type BannerTone = "info" | "warning" | "error";

/** The learner closed the banner. */
export class BannerDismissEvent extends Event {
  static readonly type = "banner-dismiss";
  constructor() {
    super(BannerDismissEvent.type, { bubbles: true, composed: true });
  }
}

const ICONS: Record<BannerTone, ReturnType<typeof html>> = {
  info: html`<svg viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M10 9v5M10 6.2v.1" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>`,
  warning: html`<svg viewBox="0 0 20 20" aria-hidden="true"><path d="M10 2.5 18 17H2L10 2.5Z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/><path d="M10 8v4M10 14.5v.1" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>`,
  error: html`<svg viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="m7 7 6 6M13 7l-6 6" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>`,
};

@customElement("lab-banner")
export class LabBanner extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
        --tone: var(--lab-info);
      }
      :host([tone="warning"]) {
        --tone: var(--lab-warning);
      }
      :host([tone="error"]) {
        --tone: var(--lab-danger);
      }
      .banner {
        display: grid;
        grid-template-columns: auto 1fr auto;
        gap: 0.75rem;
        align-items: start;
        padding: 0.85rem 1rem;
        border: 1px solid color-mix(in srgb, var(--tone) 45%, transparent);
        border-left: 4px solid var(--tone);
        border-radius: 0.6rem;
        background: color-mix(in srgb, var(--tone) 10%, var(--lab-surface));
        color: var(--lab-text);
      }
      .icon {
        color: var(--tone);
        width: 1.25rem;
        height: 1.25rem;
        margin-top: 0.1rem;
      }
      h2 {
        margin: 0 0 0.2rem;
        font-size: 0.95rem;
        font-weight: 650;
      }
      .body {
        font-size: 0.875rem;
        line-height: 1.45;
        color: var(--lab-text-muted);
        min-width: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.65rem;
      }
      .actions.empty {
        display: none;
      }
      button.close {
        padding: 0.25rem;
        border: none;
        background: transparent;
        color: var(--lab-text-muted);
      }
      button.close:hover {
        color: var(--lab-text);
        background: var(--lab-surface-hover);
      }
    `,
  ];

  @property({ reflect: true }) tone: BannerTone = "info";
  @property() heading = "";
  @property({ type: Boolean }) dismissible = false;
  /** The close button's accessible name. */
  @property({ attribute: "dismiss-label" }) dismissLabel = "Dismiss";
  @state() private hasActions = false;

  override render() {
    return html`
      <div class="banner" part="banner">
        <span class="icon">${ICONS[this.tone]}</span>
        <div>
          ${this.heading ? html`<h2>${this.heading}</h2>` : nothing}
          <div class="body"><slot></slot></div>
          <div class="actions ${this.hasActions ? "" : "empty"}">
            <slot name="actions" @slotchange=${this.onActionsChange}></slot>
          </div>
        </div>
        ${this.dismissible
          ? html`<button class="close" aria-label=${this.dismissLabel} data-testid="banner-dismiss" @click=${this.onDismiss}>
              <svg viewBox="0 0 20 20" aria-hidden="true">
                <path d="m6 6 8 8M14 6l-8 8" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
              </svg>
            </button>`
          : nothing}
      </div>
    `;
  }

  private readonly onActionsChange = (event: Event): void => {
    this.hasActions = (event.target as HTMLSlotElement).assignedElements().length > 0;
  };

  private readonly onDismiss = (): void => {
    this.dispatchEvent(new BannerDismissEvent());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-banner": LabBanner;
  }
  interface HTMLElementEventMap {
    "banner-dismiss": BannerDismissEvent;
  }
}
