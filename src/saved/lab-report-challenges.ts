// The progress report's challenges table: each challenge solved or not and when, with the hints used
// and whether the solution was seen.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import type { ProgressReport } from "./progress-report.ts";
import { reportTableStyles } from "./report-table-styles.ts";
import { SAVED_MESSAGES, formatTime } from "./saved-messages.ts";

@customElement("lab-report-challenges")
export class LabReportChallenges extends LitElement {
  static override styles = [
    reportTableStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  @property({ attribute: false }) report: ProgressReport | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  override render() {
    const report = this.report;
    if (!report) return nothing;
    const m = SAVED_MESSAGES[this.locale];
    return html`<section data-testid="report-challenges">
      <h2>${m.challengesHeading} <span>${m.challengesSummary(report.solvedChallenges, report.challenges.length)}</span></h2>
      <table>
        <thead>
          <tr>
            <th>${m.challengeColumn}</th>
            <th>${m.statusColumn}</th>
            <th>${m.hintsColumn}</th>
            <th>${m.timeColumn}</th>
          </tr>
        </thead>
        <tbody>
          ${report.challenges.map(
            (challenge) => html`<tr
              data-testid="report-challenge"
              data-challenge=${challenge.id}
              data-solved=${challenge.solved ? "true" : "false"}
              data-hints-used=${challenge.hintsUsed}
            >
              <td>${challenge.title}</td>
              <td class="status ${challenge.solved ? "done" : "not-done"}">${challenge.solved ? `✓ ${m.solved}` : m.notSolved}</td>
              <td>
                ${m.hintsUsed(challenge.hintsUsed, challenge.hintCount)}${challenge.solutionRequested ? html`, ${m.solutionSeen}` : nothing}
              </td>
              <td class="time">${challenge.solvedAt ? formatTime(challenge.solvedAt, this.locale) : nothing}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-report-challenges": LabReportChallenges;
  }
}
