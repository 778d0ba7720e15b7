// A challenge: its goal (no commands), its checks run live in the guest, hints that unlock one at a time
// on request, and the reference solution, shown only once the challenge is solved or after the learner
// asked for it twice. What the learner unlocked is kept in the progress (and so in the report).
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { SessionStateController } from "../session/session-controller.ts";
import { vmSessionContext } from "../session/vm-session-context.ts";
import type { VmSession } from "../session/vm-session.ts";
import type { CheckResult, StepReport } from "../exercises/check-runner.ts";
import type { ChallengeLesson } from "../exercises/challenge-model.ts";
import type { Locale } from "../exercises/locales.ts";
import { CHALLENGE_MESSAGES } from "../i18n/challenge-messages.ts";
import { ACCESS_MESSAGES } from "../i18n/access-messages.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { announcerContext, type Announcer } from "../ui/announcer.ts";
import { checkAnnouncement } from "./check-announcements.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import { buttonStyles, inlineCodeStyles } from "../ui/ui-styles.ts";
import { CheckNowEvent, CourseActivityEvent } from "./course-events.ts";
import { panelStyles, proseStyles, sectionStyles } from "./course-styles.ts";
import "./lab-step-checks.ts";
import { renderInline } from "./inline-markdown.ts";
import { renderMarkdown } from "./markdown.ts";
import { challengeProgress, isSolutionUnlocked } from "./progress.ts";
import { progressContext } from "./progress-context.ts";
import { ProgressController } from "./progress-controller.ts";
import type { ProgressStore } from "./progress-store.ts";
import { StepChecksController } from "./step-checks-controller.ts";

@customElement("lab-challenge")
export class LabChallenge extends LitElement {
  static override styles = [
    buttonStyles,
    inlineCodeStyles,
    panelStyles,
    proseStyles,
    sectionStyles,
    css`
      .topic {
        font-size: 0.8rem;
        color: var(--lab-text-muted);
      }
      ol.hints {
        margin: 0.4rem 0;
        padding-left: 1.3rem;
      }
      ol.hints li {
        margin: 0.3rem 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
    `,
  ];

  @consume({ context: vmSessionContext, subscribe: true })
  @state()
  session: VmSession | undefined;

  @consume({ context: progressContext, subscribe: true })
  @state()
  store: ProgressStore | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @consume({ context: announcerContext, subscribe: true })
  @state()
  announcer: Announcer | undefined;

  @property({ attribute: false }) challenge: ChallengeLesson | undefined;

  private readonly machine = new SessionStateController(this, () => this.session);

  private readonly checks = new StepChecksController(this, {
    session: () => this.session,
    checks: () => (this.challenge ? { key: this.key!, checks: this.challenge.checks } : undefined),
    locale: () => this.locale,
    onReport: (key, report, previous) => this.onReport(key, report, previous),
  });

  /** The challenge whose "Check now" the learner pressed: its next report is announced whole, and counts
   * as a failed attempt if it fails. */
  private checkRequestedFor: string | undefined;

  constructor() {
    super();
    new ProgressController(this, () => this.store);
    this.addEventListener(CheckNowEvent.type, () => {
      this.checkRequestedFor = this.key;
      this.checks.checkNow();
    });
  }

  private get key(): string | undefined {
    return this.challenge ? `challenge/${this.challenge.id}` : undefined;
  }

  override render() {
    const challenge = this.challenge;
    const progress = this.store?.progress;
    if (!challenge || !progress) return nothing;
    const m = UI_MESSAGES[this.locale];
    const c = CHALLENGE_MESSAGES[this.locale];
    const state = challengeProgress(progress, challenge.id);
    const solved = state.solvedAt !== undefined;
    return html`
      <div class="top">
        <span class="where">${c.challenge} ${String(challenge.order).padStart(2, "0")} · ${challenge.title}</span>
        <button data-testid="course-overview-button" @click=${() => this.store?.setPosition({ view: "overview" })}>
          ${m.backToOverview}
        </button>
      </div>
      <div class="body" data-testid="challenge" data-challenge=${challenge.id} data-solved=${String(solved)}>
        <h2 data-testid="challenge-title">${challenge.title}</h2>
        <p class="topic">${c.topics[challenge.topic]}${challenge.minutes ? ` · ${c.minutes(challenge.minutes)}` : ""}</p>
        <h3>${c.goal}</h3>
        <div data-testid="challenge-goal">${renderMarkdown(challenge.goal)}</div>
        <lab-step-checks
          .checks=${challenge.checks}
          .results=${this.checks.results}
          ?ready=${this.machine.state?.phase === "ready"}
          ?running=${this.checks.running}
        ></lab-step-checks>
        ${solved ? html`<div class="done-badge" data-testid="challenge-solved">✓ ${c.challengeSolved}</div>` : nothing}
        ${this.renderHints(challenge, state.hintsUsed)} ${this.renderSolution(challenge, state.solutionRequests)}
      </div>
    `;
  }

  private renderHints(challenge: ChallengeLesson, used: number) {
    const c = CHALLENGE_MESSAGES[this.locale];
    const shown = challenge.hints.slice(0, used);
    return html`<section data-testid="challenge-hints">
      <div class="section-head"><h3>${c.hints}</h3></div>
      ${shown.length > 0
        ? html`<ol class="hints">
            ${shown.map((hint, i) => html`<li data-testid="challenge-hint" aria-label=${c.hintNumber(i + 1)}>${renderInline(hint)}</li>`)}
          </ol>`
        : nothing}
      <div class="actions">
        ${used < challenge.hints.length
          ? html`<button data-testid="show-hint" @click=${() => this.store?.useHint(challenge.id, challenge.hints.length)}>
              ${c.showHint(used + 1, challenge.hints.length)}
            </button>`
          : html`<span class="muted">${c.noMoreHints}</span>`}
      </div>
    </section>`;
  }

  private renderSolution(challenge: ChallengeLesson, requests: number) {
    const c = CHALLENGE_MESSAGES[this.locale];
    const unlocked = isSolutionUnlocked(this.store!.progress, challenge.id);
    return html`<section data-testid="challenge-solution">
      <div class="section-head"><h3>${c.solution}</h3></div>
      ${unlocked
        ? html`<pre data-testid="solution-script"><code>${challenge.solution}</code></pre>
            <h4>${challenge.solutionTitle}</h4>
            <div data-testid="solution-explanation">${renderMarkdown(challenge.explanation)}</div>`
        : requests === 0
          ? html`<p class="muted">${c.solutionHidden}</p>
              <div class="actions">
                <button data-testid="show-solution" @click=${() => this.store?.requestSolution(challenge.id)}>${c.showSolution}</button>
              </div>`
          : html`<p class="hint" data-testid="confirm-solution">${c.confirmSolution}</p>
              <div class="actions">
                <button data-testid="show-solution" @click=${() => this.store?.requestSolution(challenge.id)}>${c.yesShowSolution}</button>
              </div>`}
    </section>`;
  }

  private onReport(key: string, report: StepReport, previous: readonly CheckResult[] | undefined): void {
    const challenge = this.challenge;
    if (!challenge || key !== this.key) return;
    const requested = this.checkRequestedFor === key;
    if (requested) this.checkRequestedFor = undefined;
    if (requested && !report.passed) this.dispatchEvent(new CourseActivityEvent({ type: "challenge-failed", challenge: challenge.id }));
    const labels = new Map(challenge.checks.map((check) => [check.id, check.label]));
    this.announcer?.announce(checkAnnouncement(previous, report.results, labels, requested, ACCESS_MESSAGES[this.locale]) ?? "");
    if (!report.passed || !this.store) return;
    const solvedBefore = challengeProgress(this.store.progress, challenge.id).solvedAt !== undefined;
    this.store.markChallengeSolved(challenge.id);
    if (!solvedBefore) this.announcer?.announce(CHALLENGE_MESSAGES[this.locale].challengeSolved);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-challenge": LabChallenge;
  }
}
