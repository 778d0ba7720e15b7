// The saved-work messages above the terminal: the offer to resume a saved machine, a saved machine that
// cannot be used (with the way out: start fresh), a failed save or import, and what an import did.
// The element hides itself when it has nothing to say, so the page's message area collapses.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { customElement, state } from "lit/decorators.js";
import type { Locale } from "../exercises/locales.ts";
import { localeContext } from "../i18n/locale-context.ts";
import "../ui/lab-banner.ts";
import { buttonStyles } from "../ui/ui-styles.ts";
import { SAVED_MESSAGES, formatAge, formatTime } from "./saved-messages.ts";
import { savedWorkContext } from "./saved-work-context.ts";
import { SavedWorkController } from "./saved-work-controller.ts";
import type { SavedWork, SavedWorkProblem } from "./saved-work.ts";

@customElement("lab-saved-work-messages")
export class LabSavedWorkMessages extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 0.6rem;
      }
      :host([hidden]) {
        display: none;
      }
      .runaway {
        margin: 0.4rem 0 0;
      }
      details {
        margin-top: 0.4rem;
        font-size: 0.8rem;
      }
      details p {
        margin: 0.3rem 0 0;
        font-family: var(--lab-font-mono);
        overflow-wrap: anywhere;
      }
    `,
  ];

  @consume({ context: savedWorkContext, subscribe: true })
  @state()
  savedWork: SavedWork | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  constructor() {
    super();
    new SavedWorkController(this, () => this.savedWork);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const work = this.savedWork;
    this.hidden = !work || (work.phase.kind !== "offer" && !work.problem && !work.notice);
  }

  override render() {
    const work = this.savedWork;
    if (!work) return nothing;
    const m = SAVED_MESSAGES[this.locale];
    const phase = work.phase;
    const problem = work.problem;
    const notice = work.notice;
    return html`
      ${phase.kind === "offer"
        ? html`<lab-banner tone="info" heading=${m.resumeHeading} data-testid="resume-offer" role="status">
            ${m.resumeBody(formatTime(phase.savedAt, this.locale), formatAge(phase.savedAt, this.locale))}
            ${phase.learnerRunaway ? html`<p class="runaway" data-testid="resume-runaway">${m.resumeRunaway}</p>` : nothing}
            <button slot="actions" class="primary" data-testid="resume-button" @click=${() => void work.resumeSaved()}>${m.resume}</button>
            <button slot="actions" data-testid="start-fresh-button" title=${m.startFreshTitle} @click=${() => work.startFresh()}>
              ${m.startFresh}
            </button>
          </lab-banner>`
        : nothing}
      ${problem ? this.renderProblem(work, problem) : nothing}
      ${notice
        ? html`<lab-banner
            tone="info"
            heading=${m.problemHeading}
            dismissible
            dismiss-label=${m.close}
            data-testid="saved-work-notice"
            role="status"
            @banner-dismiss=${() => work.dismissNotice()}
            >${m.notice(notice, (at) => formatTime(at, this.locale))}</lab-banner
          >`
        : nothing}
    `;
  }

  private renderProblem(work: SavedWork, problem: SavedWorkProblem) {
    const m = SAVED_MESSAGES[this.locale];
    const blocking = problem.kind === "saved-corrupt" || problem.kind === "saved-incompatible";
    const detail = "detail" in problem ? problem.detail : undefined;
    return html`<lab-banner
      tone=${blocking ? "warning" : "error"}
      heading=${m.problemHeading}
      ?dismissible=${!blocking}
      dismiss-label=${m.close}
      data-testid="saved-work-problem"
      data-kind=${problem.kind}
      role="alert"
      @banner-dismiss=${() => work.dismissProblem()}
    >
      ${m.problem(problem)}
      ${detail
        ? html`<details>
            <summary>${m.technicalDetail}</summary>
            <p>${detail}</p>
          </details>`
        : nothing}
      ${blocking
        ? html`<button slot="actions" class="primary" data-testid="start-fresh-button" @click=${() => work.startFresh()}>${m.startFresh}</button>`
        : nothing}
    </lab-banner>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-saved-work-messages": LabSavedWorkMessages;
  }
}
