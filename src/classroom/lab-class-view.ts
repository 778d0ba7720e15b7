// The instructor's page: every student who joined, live, ordered by exercise and step, with the time on
// their current step (or challenge), failed attempts and hints there, solutions revealed and challenges solved; students stuck longer than the threshold (or failing
// again and again) stand out; a click on a row opens their timeline; the table exports as CSV. The data
// comes from the class server's stream; without the instructor's cookie the page says how to get it.
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { LOCALES, type Locale } from "../exercises/locales.ts";
import { localizeChallenge, type Challenge } from "../exercises/challenge-model.ts";
import { localize, type Exercise } from "../exercises/model.ts";
import { UI_MESSAGES, preferredLocale } from "../i18n/ui-messages.ts";
import { buttonStyles } from "../ui/ui-styles.ts";
import { CLASS_MESSAGES } from "./class-messages.ts";
import { CLASS_API, type StudentRow } from "./class-protocol.ts";
import { ClassStreamController } from "./class-stream-controller.ts";
import { DEFAULT_STUCK_MINUTES, formatDuration, isStuck, secondsOnStep, sortRows } from "./class-table.ts";
import { ClockController } from "./clock-controller.ts";
import "./lab-class-timeline.ts";

@customElement("lab-class-view")
export class LabClassView extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
        padding: 1.25rem;
        color: var(--lab-text);
        font-size: 0.9rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 1rem;
      }
      h1 {
        margin: 0;
        font-size: 1.2rem;
        flex: 1;
      }
      .state {
        color: var(--lab-text-muted);
      }
      .state[data-state="live"] {
        color: var(--lab-success);
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
        color: var(--lab-text-muted);
      }
      input,
      select {
        font: inherit;
        width: 4rem;
        padding: 0.3rem 0.4rem;
        border-radius: 0.4rem;
        border: 1px solid var(--lab-border-strong);
        background: var(--lab-surface-raised);
        color: var(--lab-text);
      }
      select {
        width: auto;
      }
      a.button {
        color: var(--lab-text);
        text-decoration: none;
        padding: 0.4rem 0.85rem;
        border-radius: 0.5rem;
        border: 1px solid var(--lab-border-strong);
        background: var(--lab-surface-raised);
        font-weight: 600;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: 0.45rem 0.6rem;
        border-bottom: 1px solid var(--lab-border);
      }
      th {
        color: var(--lab-text-muted);
        font-weight: 600;
      }
      td.number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      tbody tr {
        cursor: pointer;
      }
      tbody tr:hover {
        background: var(--lab-surface-hover);
      }
      tr[data-stuck] {
        background: color-mix(in srgb, var(--lab-danger) 18%, transparent);
      }
      tr[data-left] {
        opacity: 0.55;
      }
      .tag {
        margin-left: 0.4rem;
        padding: 0 0.35rem;
        border-radius: 0.3rem;
        font-size: 0.8em;
        background: var(--lab-danger);
        color: var(--lab-on-accent);
      }
      .muted {
        color: var(--lab-text-muted);
      }
    `,
  ];

  /** The course the page was built with (set by instructor-main.ts): the exercises' order and titles. */
  @property({ attribute: false })
  course: readonly Exercise[] = [];

  /** The challenges the page was built with (set by instructor-main.ts): their titles. */
  @property({ attribute: false })
  challenges: readonly Challenge[] = [];

  @state() private locale: Locale = preferredLocale(navigator.languages);
  @state() private stuckMinutes = DEFAULT_STUCK_MINUTES;
  @state() private selected: string | undefined;

  private readonly stream = new ClassStreamController(this, new URL(document.baseURI));
  private readonly clock = new ClockController(this);

  override render() {
    const m = CLASS_MESSAGES[this.locale];
    const state = this.stream.state;
    if (state === "not-served") return html`<h1>${m.pageTitle}</h1><p data-testid="class-view-message">${m.notServed}</p>`;
    if (state === "unauthorized") return html`<h1>${m.pageTitle}</h1><p data-testid="class-view-message">${m.needsAddress}</p>`;
    const now = this.clock.now;
    const rows = sortRows([...this.stream.rows.values()], this.course.map((e) => e.id));
    const stuck = rows.filter((r) => isStuck(r, now, this.stuckMinutes)).length;
    const selected = this.selected ? this.stream.rows.get(this.selected) : undefined;
    return html`<header>
        <h1>${m.pageTitle}</h1>
        <span class="state" data-state=${state} data-testid="class-view-state">${state === "live" ? m.live : state === "reconnecting" ? m.reconnecting : m.connecting}</span>
        <span data-testid="class-view-count">${m.students(rows.length, stuck)}</span>
        <label>
          ${m.stuckAfter}
          <input
            type="number"
            min="1"
            max="120"
            data-testid="stuck-minutes"
            .value=${String(this.stuckMinutes)}
            @change=${(e: Event) => (this.stuckMinutes = Math.max(1, Number((e.target as HTMLInputElement).value) || DEFAULT_STUCK_MINUTES))}
          />
          ${m.minutes}
        </label>
        <a class="button" data-testid="class-csv" href=${CLASS_API.csv} download>${m.exportCsv}</a>
        <select aria-label=${UI_MESSAGES[this.locale].languageLabel} @change=${(e: Event) => (this.locale = (e.target as HTMLSelectElement).value as Locale)}>
          ${LOCALES.map((l) => html`<option value=${l} ?selected=${l === this.locale}>${UI_MESSAGES[l].languageName}</option>`)}
        </select>
      </header>
      ${rows.length === 0 ? html`<p class="muted" data-testid="class-view-empty">${m.noStudents}</p>` : this.renderTable(rows, now)}
      ${selected
        ? html`<lab-class-timeline .row=${selected} .locale=${this.locale} @timeline-close=${() => (this.selected = undefined)}></lab-class-timeline>`
        : nothing}`;
  }

  private renderTable(rows: readonly StudentRow[], now: number) {
    const m = CLASS_MESSAGES[this.locale];
    const c = m.columns;
    return html`<table data-testid="class-table">
      <thead>
        <tr>
          <th>${c.name}</th>
          <th>${c.exercise}</th>
          <th>${c.step}</th>
          <th>${c.timeOnStep}</th>
          <th>${c.failed}</th>
          <th>${c.hints}</th>
          <th>${c.done}</th>
          <th>${c.solutions}</th>
          <th>${c.challenges}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => {
          const stuck = isStuck(row, now, this.stuckMinutes);
          const where = this.titles(row);
          return html`<tr
            data-testid="class-row"
            data-student=${row.student}
            data-name=${row.name}
            ?data-stuck=${stuck}
            ?data-left=${row.left}
            @click=${() => (this.selected = row.student)}
          >
            <td>${row.name}${stuck ? html`<span class="tag">${m.stuck}</span>` : nothing}${row.left ? html` <span class="muted">(${m.left})</span>` : nothing}</td>
            <td data-testid="row-exercise">${where.exercise}</td>
            <td data-testid="row-step" data-step=${row.step ?? ""}>${where.step}</td>
            <td class="number" data-testid="row-time">${row.step || row.challenge ? formatDuration(secondsOnStep(row, now)) : ""}</td>
            <td class="number" data-testid="row-failed">${row.failed}</td>
            <td class="number" data-testid="row-hints">${row.hints}</td>
            <td class="number" data-testid="row-done">${row.done}</td>
            <td class="number" data-testid="row-solutions">${row.solutions}</td>
            <td class="number" data-testid="row-challenges">${row.challengesTried > 0 ? `${row.challengesPassed}/${row.challengesTried}` : ""}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  /** The exercise's and step's (or the challenge's) titles in the page's language (the ids when the course has no such step). */
  private titles(row: StudentRow): { exercise: string; step: string } {
    if (row.challenge) {
      const challenge = this.challenges.find((c) => c.id === row.challenge);
      if (!challenge) return { exercise: row.challenge, step: "" };
      const lesson = localizeChallenge(challenge, this.locale);
      return { exercise: CLASS_MESSAGES[this.locale].challengeTitle(String(lesson.order).padStart(2, "0"), lesson.title), step: "" };
    }
    if (!row.exercise) return { exercise: CLASS_MESSAGES[this.locale].overview, step: "" };
    const exercise = this.course.find((e) => e.id === row.exercise);
    if (!exercise) return { exercise: row.exercise, step: row.step ?? "" };
    const lesson = localize(exercise, this.locale);
    const step = lesson.steps.find((s) => s.id === row.step);
    return { exercise: `${String(lesson.order).padStart(2, "0")} · ${lesson.title}`, step: step?.title ?? row.step ?? "" };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-class-view": LabClassView;
  }
}
