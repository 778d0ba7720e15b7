// The checks of a step or challenge: each with a tick, a cross or a circle as its latest result, the
// check's hint under a failing one, and a button to run them now. Shows what it is given; the element
// that owns the StepChecksController runs them (and announces what changed: check-announcements.ts).
import { consume } from "@lit/context";
import { LitElement, html, nothing, css } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { CheckResult } from "../exercises/check-runner.ts";
import type { Locale } from "../exercises/locales.ts";
import type { LessonCheck } from "../exercises/model.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import { buttonStyles, inlineCodeStyles } from "../ui/ui-styles.ts";
import { CheckNowEvent } from "./course-events.ts";
import { sectionStyles } from "./course-styles.ts";
import { renderInline } from "./inline-markdown.ts";

type CheckView = { readonly status: "pending" } | { readonly status: "passed" | "failed"; readonly result: CheckResult };

@customElement("lab-step-checks")
export class LabStepChecks extends LitElement {
  static override styles = [
    buttonStyles,
    inlineCodeStyles,
    sectionStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0.4rem 0;
      }
      li {
        display: grid;
        grid-template-columns: 1.2rem 1fr;
        gap: 0.4rem;
        margin: 0.45rem 0;
      }
      .mark {
        font-weight: 700;
        color: var(--lab-text-muted);
      }
      li[data-status="passed"] .mark {
        color: var(--lab-success);
      }
      li[data-status="failed"] .mark {
        color: var(--lab-danger);
      }
    `,
  ];

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @property({ attribute: false }) checks: readonly LessonCheck[] = [];
  /** The latest results (undefined until the first run finished). */
  @property({ attribute: false }) results: readonly CheckResult[] | undefined;
  /** Whether the machine can run checks now. */
  @property({ type: Boolean }) ready = false;
  @property({ type: Boolean }) running = false;

  override render() {
    const m = UI_MESSAGES[this.locale];
    return html`
      <section class="checks" data-testid="checks">
        <div class="section-head">
          <h3>${m.checks}</h3>
          <button data-testid="check-now" ?disabled=${!this.ready} @click=${() => this.dispatchEvent(new CheckNowEvent())}>
            ${this.running ? m.checking : m.checkNow}
          </button>
        </div>
        ${this.ready ? nothing : html`<p class="muted">${m.checksWaitForMachine}</p>`}
        <ul>
          ${this.checks.map((check) => {
            const result = this.results?.find((r) => r.id === check.id);
            const view: CheckView = result ? { status: result.passed ? "passed" : "failed", result } : { status: "pending" };
            const statusText = view.status === "passed" ? m.checkPassed : view.status === "failed" ? m.checkFailed : m.checkPending;
            return html`<li data-testid="check" data-check-id=${check.id} data-status=${view.status}>
              <span class="mark" aria-hidden="true">${view.status === "passed" ? "✓" : view.status === "failed" ? "✗" : "○"}</span>
              <div>
                <span>${renderInline(check.label)}</span>
                <span class="muted">(${statusText})</span>
                ${view.status === "failed"
                  ? html`<p class="hint" data-testid="check-hint" data-recognised=${view.result.recognised ?? nothing}>
                      <strong>${m.hint}:</strong> ${renderInline(view.result.hint ?? check.hint)}
                      ${view.result.message ? html`<br />${view.result.message}` : nothing}
                    </p>`
                  : nothing}
              </div>
            </li>`;
          })}
        </ul>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-step-checks": LabStepChecks;
  }
}
