// The instructor's progress report: every exercise and step, done or not and when, and every challenge
// with the hints used, with an optional learner name, laid out to print on paper (the page shell hides
// everything else when printing).
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { courseContext } from "../course/course-context.ts";
import { challengesFor, lessonsFor } from "../course/lessons.ts";
import { AssignmentController } from "../course/assignment-controller.ts";
import { packIndexContext } from "../course/pack-index-context.ts";
import { challengesContext } from "../course/challenges-context.ts";
import { progressContext } from "../course/progress-context.ts";
import { ProgressController } from "../course/progress-controller.ts";
import type { ProgressStore } from "../course/progress-store.ts";
import { EMPTY_PROGRESS } from "../course/progress.ts";
import type { Locale } from "../exercises/locales.ts";
import type { Exercise } from "../exercises/model.ts";
import type { Challenge } from "../exercises/challenge-model.ts";
import { assignedChallenges, overviewSections, type PackIndexEntry } from "../exercises/pack-sections.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { buttonStyles } from "../ui/ui-styles.ts";
import { buildReport } from "./progress-report.ts";
import "./lab-report-challenges.ts";
import { reportTableStyles } from "./report-table-styles.ts";
import { PanelCloseEvent } from "./saved-work-events.ts";
import { SAVED_MESSAGES, formatTime } from "./saved-messages.ts";

@customElement("lab-progress-report")
export class LabProgressReport extends LitElement {
  static override styles = [
    buttonStyles,
    reportTableStyles,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 50;
        overflow-y: auto;
        background: rgb(0 0 0 / 0.55);
        padding: 2rem 1rem;
      }
      article {
        max-width: 50rem;
        margin: 0 auto;
        padding: 2rem 2.2rem;
        border-radius: 0.75rem;
        background: #fff;
        color: #111;
        font-size: 0.9rem;
        line-height: 1.45;
      }
      .toolbar {
        display: flex;
        justify-content: flex-end;
        gap: 0.5rem;
        margin-bottom: 1rem;
      }
      .toolbar button {
        background: #f3f4f6;
        color: #111;
        border-color: #c7c9cf;
      }
      .toolbar button.primary {
        background: #1f5fbf;
        border-color: #1f5fbf;
        color: #fff;
      }
      h1 {
        margin: 0 0 0.3rem;
        font-size: 1.4rem;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 2rem;
        align-items: baseline;
        margin-bottom: 0.8rem;
        color: #444;
      }
      label {
        display: inline-flex;
        gap: 0.5rem;
        align-items: baseline;
        font-weight: 600;
        color: #111;
      }
      input {
        font: inherit;
        min-width: 16rem;
        border: none;
        border-bottom: 1px solid #888;
        padding: 0.15rem 0.2rem;
        background: transparent;
        color: #111;
      }
      .summary {
        margin: 0 0 1rem;
        font-weight: 600;
      }
      @media print {
        :host {
          position: static;
          overflow: visible;
          background: none;
          padding: 0;
        }
        article {
          max-width: none;
          padding: 0;
          border-radius: 0;
        }
        .toolbar {
          display: none;
        }
        input::placeholder {
          color: transparent;
        }
      }
    `,
  ];

  @consume({ context: progressContext, subscribe: true })
  @state()
  store: ProgressStore | undefined;

  @consume({ context: courseContext, subscribe: true })
  @state()
  course: readonly Exercise[] = [];

  @consume({ context: packIndexContext, subscribe: true })
  @state()
  packIndex: readonly PackIndexEntry[] = [];

  @consume({ context: challengesContext, subscribe: true })
  @state()
  challenges: readonly Challenge[] = [];

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  /** The learner's name, as typed; kept while the page is open. */
  @property() learner = "";

  /** An assignment (`#/pack/<name>`) limits the report to that pack. */
  private readonly assignment = new AssignmentController(this);

  /** The report shows the progress as of when it was opened (the element is created then). */
  private readonly shownAt = new Date();

  constructor() {
    super();
    new ProgressController(this, () => this.store);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute("role", "dialog");
    this.setAttribute("aria-modal", "true");
  }

  protected override willUpdate(): void {
    // The dialog is the host; its heading is in the shadow root, out of aria-labelledby's reach.
    this.setAttribute("aria-label", SAVED_MESSAGES[this.locale].reportHeading);
  }

  override render() {
    const m = SAVED_MESSAGES[this.locale];
    const sections = overviewSections(lessonsFor(this.course, this.locale), this.packIndex, this.locale, this.assignment.pack);
    const pack = this.assignment.pack !== undefined && sections.length === 1 ? sections[0]!.title : undefined;
    const report = buildReport(
      sections.flatMap((s) => s.items),
      this.store?.progress ?? EMPTY_PROGRESS,
      // An assignment is one pack's exercises and challenges; the course's belong to the whole course.
      assignedChallenges(challengesFor(this.challenges, this.locale), this.packIndex, this.assignment.pack),
    );
    return html`
      <article data-testid="progress-report" aria-labelledby="report-title">
        <div class="toolbar">
          <button class="primary" data-testid="print-report" @click=${() => window.print()}>${m.print}</button>
          <button data-testid="close-report" @click=${this.onClose}>${m.close}</button>
        </div>
        <h1 id="report-title">${m.reportHeading}${pack ? html`: <span data-testid="report-pack">${pack}</span>` : nothing}</h1>
        <div class="meta">
          <label
            >${m.learnerName}
            <input
              data-testid="learner-name"
              .value=${this.learner}
              placeholder=${m.learnerNamePlaceholder}
              @input=${(e: Event) => (this.learner = (e.target as HTMLInputElement).value)}
          /></label>
          <span>${m.reportPrinted(formatTime(this.shownAt, this.locale))}</span>
        </div>
        <p class="summary" data-testid="report-summary">${m.reportSummary(report.doneCount, report.stepCount, report.completedExercises, report.exercises.length)}</p>
        ${report.exercises.map(
          (exercise) => html`<section data-testid="report-exercise" data-exercise=${exercise.id}>
            <h2>${exercise.title} <span>${exercise.doneCount} / ${exercise.steps.length}</span></h2>
            <table>
              <thead>
                <tr>
                  <th>${m.stepColumn}</th>
                  <th>${m.statusColumn}</th>
                  <th>${m.timeColumn}</th>
                </tr>
              </thead>
              <tbody>
                ${exercise.steps.map(
                  (step) => html`<tr data-testid="report-step" data-step=${step.id} data-done=${step.done ? "true" : "false"}>
                    <td>${step.title}</td>
                    <td class="status ${step.done ? "done" : "not-done"}">${step.done ? `✓ ${m.done}` : m.notDone}</td>
                    <td class="time">${step.done ? (step.doneAt ? formatTime(step.doneAt, this.locale) : m.timeUnknown) : nothing}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </section>`,
        )}
        ${report.challenges.length > 0 ? html`<lab-report-challenges .report=${report}></lab-report-challenges>` : nothing}
      </article>
    `;
  }

  private readonly onClose = (): void => {
    this.dispatchEvent(new PanelCloseEvent());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-progress-report": LabProgressReport;
  }
}
