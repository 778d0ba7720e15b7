// One step of an exercise: its prose with commands to paste at the prompt, its checks (run live in the
// guest), its question, and the way to the previous and next step. The step turns done when every check
// passes and the question, if any, is answered.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { SessionStateController } from "../session/session-controller.ts";
import { vmSessionContext } from "../session/vm-session-context.ts";
import type { VmSession } from "../session/vm-session.ts";
import type { CheckResult, StepReport } from "../exercises/check-runner.ts";
import type { Locale } from "../exercises/locales.ts";
import type { ContentBlock, Lesson, LessonStep } from "../exercises/model.ts";
import { ACCESS_MESSAGES } from "../i18n/access-messages.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { announcerContext, type Announcer } from "../ui/announcer.ts";
import { checkAnnouncement } from "./check-announcements.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import { buttonStyles, inlineCodeStyles } from "../ui/ui-styles.ts";
import { AnswerAcceptedEvent, CheckNowEvent, CommandPasteEvent, CourseActivityEvent } from "./course-events.ts";
import { FeedbackRevealController } from "./feedback-reveal-controller.ts";
import { panelStyles, proseStyles } from "./course-styles.ts";
import "./lab-step-checks.ts";
import "./lab-step-question.ts";
import { renderMarkdown } from "./markdown.ts";
import { answerKey, isStepDone } from "./progress.ts";
import { progressContext } from "./progress-context.ts";
import { ProgressController } from "./progress-controller.ts";
import type { ProgressStore } from "./progress-store.ts";
import { StepChecksController } from "./step-checks-controller.ts";

const pasteIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true">
  <rect x="5" y="4" width="10" height="13" rx="2" fill="none" stroke="currentColor" stroke-width="1.6" />
  <path d="M8 3h4v2.5H8z" fill="currentColor" />
</svg>`;

@customElement("lab-course-step")
export class LabCourseStep extends LitElement {
  static override styles = [
    buttonStyles,
    inlineCodeStyles,
    panelStyles,
    proseStyles,
    css`
      button.command {
        display: flex;
        width: 100%;
        justify-content: space-between;
        align-items: center;
        gap: 0.75rem;
        margin: 0.5rem 0;
        padding: 0.5rem 0.7rem;
        background: var(--lab-terminal-bg);
        font-weight: 400;
        text-align: left;
        white-space: normal;
      }
      button.command code {
        background: none;
        padding: 0;
        white-space: pre-wrap;
        word-break: break-word;
        color: var(--lab-text);
      }
      button.command .paste {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
        flex: none;
        font-size: 0.75rem;
        color: var(--lab-accent);
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

  @property({ attribute: false }) lesson: Lesson | undefined;
  @property({ type: Number }) index = 0;

  private readonly machine = new SessionStateController(this, () => this.session);

  private readonly checks = new StepChecksController(this, {
    session: () => this.session,
    checks: () => {
      const step = this.step;
      return this.lesson && step ? { key: answerKey(this.lesson.id, step.id), checks: step.checks } : undefined;
    },
    locale: () => this.locale,
    onReport: (key, report, previous) => this.onReport(key, report, previous),
  });

  constructor() {
    super();
    new FeedbackRevealController(this);
    new ProgressController(this, () => this.store);
    this.addEventListener(CheckNowEvent.type, () => {
      this.checkRequestedFor = this.key;
      this.checks.checkNow();
    });
    this.addEventListener(AnswerAcceptedEvent.type, () => this.onAnswerAccepted());
  }

  /** The step whose "Check now" the learner pressed: its next failing report counts as a failed attempt. */
  private checkRequestedFor: string | undefined;

  private get key(): string | undefined {
    const step = this.step;
    return this.lesson && step ? answerKey(this.lesson.id, step.id) : undefined;
  }

  private get step(): LessonStep | undefined {
    return this.lesson?.steps[this.index];
  }

  override render() {
    const lesson = this.lesson;
    const step = this.step;
    const progress = this.store?.progress;
    if (!lesson || !step || !progress) return nothing;
    const m = UI_MESSAGES[this.locale];
    const index = this.index;
    const done = isStepDone(progress, lesson.id, step.id);
    const last = index === lesson.steps.length - 1;
    const exerciseDone = lesson.steps.every((s) => isStepDone(progress, lesson.id, s.id));
    return html`
      <div class="top">
        <span class="where">${String(lesson.order).padStart(2, "0")} · ${lesson.title}</span>
        <button data-testid="course-overview-button" @click=${() => this.store?.setPosition({ view: "overview" })}>
          ${m.backToOverview}
        </button>
      </div>
      <div class="body" data-testid="course-step" data-exercise=${lesson.id} data-step=${step.id} data-done=${String(done)}>
        <p class="muted" data-testid="step-counter">${m.stepOf(index + 1, lesson.steps.length)}</p>
        ${index === 0 ? html`<h2>${lesson.title}</h2>${this.renderBlocks(lesson.intro)}` : nothing}
        <h3 data-testid="step-title">${step.title}</h3>
        ${this.renderBlocks(step.blocks)}
        ${step.checks.length > 0
          ? html`<lab-step-checks
              .checks=${step.checks}
              .results=${this.checks.results}
              ?ready=${this.machine.state?.phase === "ready"}
              ?running=${this.checks.running}
            ></lab-step-checks>`
          : nothing}
        ${step.question ? html`<lab-step-question exercise=${lesson.id} .step=${step}></lab-step-question>` : nothing}
        ${done ? html`<div class="done-badge" data-testid="step-done">✓ ${m.stepDone}</div>` : nothing}
        ${last && exerciseDone
          ? html`<p class="correct" data-testid="exercise-done">${m.exerciseDone}</p>
              ${lesson.recap ? html`<h3>${lesson.recap.title}</h3>${this.renderBlocks(lesson.recap.blocks)}` : nothing}`
          : nothing}
      </div>
      <nav>
        <button data-testid="step-previous" ?disabled=${index === 0} @click=${() => this.go(index - 1)}>← ${m.previous}</button>
        <button
          data-testid="step-next"
          class=${done ? "primary" : ""}
          @click=${() => (last ? this.store?.setPosition({ view: "overview" }) : this.go(index + 1))}
        >
          ${last ? m.backToOverview : m.next} →
        </button>
      </nav>
    `;
  }

  private renderBlocks(blocks: readonly ContentBlock[]) {
    const m = UI_MESSAGES[this.locale];
    return blocks.map((block) =>
      block.kind === "markdown"
        ? renderMarkdown(block.content)
        : html`<button
            class="command"
            data-testid="command"
            data-command-id=${block.id}
            title=${m.pasteCommandTitle}
            @click=${() => this.dispatchEvent(new CommandPasteEvent(block.command))}
          >
            <code>${block.command}</code><span class="paste">${pasteIcon} ${m.pasteCommand}</span>
          </button>`,
    );
  }

  private go(index: number): void {
    const lesson = this.lesson;
    if (!lesson || index < 0 || index >= lesson.steps.length) return;
    this.store?.setPosition({ view: "step", exercise: lesson.id, step: index });
    this.renderRoot.querySelector(".body")?.scrollTo({ top: 0 });
  }

  private onReport(key: string, report: StepReport, previous: readonly CheckResult[] | undefined): void {
    const lesson = this.lesson;
    const step = this.step;
    if (!lesson || !step || !this.store || answerKey(lesson.id, step.id) !== key) return;
    const requested = this.checkRequestedFor === key;
    if (requested) this.checkRequestedFor = undefined;
    const labels = new Map(step.checks.map((check) => [check.id, check.label]));
    this.announcer?.announce(checkAnnouncement(previous, report.results, labels, requested, ACCESS_MESSAGES[this.locale]) ?? "");
    if (requested && !report.passed) {
      this.dispatchEvent(new CourseActivityEvent({ type: "check-failed", exercise: lesson.id, step: step.id }));
    }
    if (!report.passed) return;
    const answered = !step.question || this.store.progress.answers[key] !== undefined;
    if (answered) this.markDone(lesson.id, step);
  }

  /** Marks the step done; the first time, screen readers hear it. */
  private markDone(exercise: string, step: LessonStep): void {
    const store = this.store;
    if (!store) return;
    const already = isStepDone(store.progress, exercise, step.id);
    store.markDone(exercise, step.id);
    if (!already) this.announcer?.announce(ACCESS_MESSAGES[this.locale].stepDone(step.title));
  }

  private onAnswerAccepted(): void {
    const lesson = this.lesson;
    const step = this.step;
    if (!lesson || !step) return;
    const checksPassed = step.checks.length === 0 || (this.checks.results?.every((r) => r.passed) ?? false);
    if (checksPassed) this.markDone(lesson.id, step);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-course-step": LabCourseStep;
  }
}
