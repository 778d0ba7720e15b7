// One student's timeline on the instructor's page: every event the server stored for them, newest
// first, with the time it happened in their page. Loaded when opened; closed with its button.
import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { buttonStyles } from "../ui/ui-styles.ts";
import { CLASS_MESSAGES } from "./class-messages.ts";
import { CLASS_API, type StudentRow, type TimelineEntry } from "./class-protocol.ts";

export class TimelineCloseEvent extends Event {
  static readonly type = "timeline-close";
  constructor() {
    super(TimelineCloseEvent.type, { bubbles: true, composed: true });
  }
}

@customElement("lab-class-timeline")
export class LabClassTimeline extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
        border: 1px solid var(--lab-border-strong);
        border-radius: 0.6rem;
        background: var(--lab-surface);
        padding: 0.9rem 1.1rem;
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 1rem;
      }
      h2 {
        margin: 0;
        font-size: 1rem;
      }
      ol {
        margin: 0.75rem 0 0;
        padding: 0;
        list-style: none;
        max-height: 22rem;
        overflow: auto;
      }
      li {
        display: grid;
        grid-template-columns: 6rem 10rem 1fr;
        gap: 0.75rem;
        padding: 0.25rem 0;
        border-bottom: 1px solid var(--lab-border);
      }
      time,
      .where {
        color: var(--lab-text-muted);
        font-family: var(--lab-font-mono);
        font-size: 0.85em;
      }
    `,
  ];

  @property({ attribute: false }) row: StudentRow | undefined;
  @property() locale: Locale = "en";
  /** Reloaded when the student's row changes (a new event arrived). */
  @state() private entries: readonly TimelineEntry[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("row") && this.row) void this.load(this.row.student);
  }

  private async load(student: string): Promise<void> {
    const url = new URL(CLASS_API.timeline, document.baseURI);
    url.searchParams.set("student", student);
    const response = await fetch(url, { cache: "no-store" }).catch(() => undefined);
    if (!response?.ok || this.row?.student !== student) return;
    this.entries = ((await response.json()) as { timeline: TimelineEntry[] }).timeline;
  }

  override render() {
    const m = CLASS_MESSAGES[this.locale];
    if (!this.row) return nothing;
    return html`<header>
        <h2>${m.timelineOf(this.row.name)}</h2>
        <button @click=${() => this.dispatchEvent(new TimelineCloseEvent())}>${m.close}</button>
      </header>
      <ol data-testid="class-timeline">
        ${[...this.entries].reverse().map((entry) => {
          const e = entry.event;
          const where = "exercise" in e ? `${e.exercise} / ${e.step}` : "challenge" in e ? e.challenge : "";
          const detail = e.type === "challenge-hint" ? ` (${m.hintNumber(e.hint)})` : "";
          return html`<li data-testid="timeline-entry" data-type=${e.type}>
            <time datetime=${entry.at}>${new Date(entry.at).toLocaleTimeString(this.locale)}</time>
            <span>${m.eventNames[e.type]}${detail}</span>
            <span class="where">${where}</span>
          </li>`;
        })}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-class-timeline": LabClassTimeline;
  }
  interface HTMLElementEventMap {
    "timeline-close": TimelineCloseEvent;
  }
}
