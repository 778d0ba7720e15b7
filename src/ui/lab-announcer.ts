// The page's one polite live region (see announcer.ts): visually hidden, read by screen readers when
// its text changes.
import { LitElement, css, html } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { Announcer } from "./announcer.ts";
import { AnnouncerController } from "./announcer-controller.ts";
import { visuallyHiddenStyles } from "./ui-styles.ts";

@customElement("lab-announcer")
export class LabAnnouncer extends LitElement {
  static override styles = [
    visuallyHiddenStyles,
    // Out of the page's flow: an element at the end of the page would otherwise add its pixel below it.
    css`
      :host {
        position: fixed;
        top: 0;
        left: 0;
      }
    `,
  ];

  @property({ attribute: false }) announcer: Announcer | undefined;

  private readonly spoken = new AnnouncerController(this, () => this.announcer);

  override render() {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">${this.spoken.text}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-announcer": LabAnnouncer;
  }
}
