// The course beside the terminal: the overview of every exercise with the steps done, and the open
// step: its prose, commands to paste, checks with live results and hints, its question, and the way
// to the previous and next step. Progress lives in the ProgressStore (from context).
import { consume } from "@lit/context";
import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { customElement, state } from "lit/decorators.js";
import { SessionStateController } from "../session/session-controller.ts";
import { vmSessionContext } from "../session/vm-session-context.ts";
import type { VmSession } from "../session/vm-session.ts";
import { checkAnswer, type AnswerResult, type CheckResult, type StepReport } from "../exercises/check-runner.ts";
import type { Locale } from "../exercises/locales.ts";
import type { ContentBlock, Exercise, Lesson, LessonStep } from "../exercises/model.ts";
import { overviewSections, type PackIndexEntry } from "../exercises/pack-sections.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES, type UiMessages } from "../i18n/ui-messages.ts";
import "../ui/lab-banner.ts";
import { buttonStyles, inlineCodeStyles } from "../ui/ui-styles.ts";
import { courseContext } from "./course-context.ts";
import { AssignmentController } from "./assignment-controller.ts";
import { CommandPasteEvent, CourseActivityEvent } from "./course-events.ts";
import { lessonsFor } from "./lessons.ts";
import { packIndexContext } from "./pack-index-context.ts";
import { renderInline, renderMarkdown } from "./markdown.ts";
import { answerKey, isStepDone } from "./progress.ts";
import { FeedbackRevealController } from "./feedback-reveal-controller.ts";
import { progressContext } from "./progress-context.ts";
import { ProgressController } from "./progress-controller.ts";
import type { ProgressStore } from "./progress-store.ts";
import { StepChecksController } from "./step-checks-controller.ts";

const pasteIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true">
  <rect x="5" y="4" width="10" height="13" rx="2" fill="none" stroke="currentColor" stroke-width="1.6" />
  <path d="M8 3h4v2.5H8z" fill="currentColor" />
</svg>`;

type CheckView = { readonly status: "pending" } | { readonly status: "passed" | "failed"; readonly result: CheckResult };

@customElement("lab-course")
export class LabCourse extends LitElement {
  static override styles = [
    buttonStyles,
    inlineCodeStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        border: 1px solid var(--lab-border);
        border-radius: 0.75rem;
        background: var(--lab-surface);
        overflow: hidden;
        font-size: 0.9rem;
        line-height: 1.55;
      }
      .top {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.6rem 0.9rem;
        border-bottom: 1px solid var(--lab-border);
        font-size: 0.8rem;
        color: var(--lab-text-muted);
      }
      .top .where {
        margin-right: auto;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .body {
        flex: 1;
        overflow-y: auto;
        padding: 0.9rem 1rem 1.2rem;
      }
      h2 {
        margin: 0 0 0.2rem;
        font-size: 1.1rem;
      }
      h3 {
        margin: 0.8rem 0 0.4rem;
        font-size: 1rem;
      }
      h4 {
        margin: 0.8rem 0 0.3rem;
        font-size: 0.95rem;
      }
      p {
        margin: 0.5rem 0;
      }
      ul,
      ol {
        margin: 0.4rem 0;
        padding-left: 1.3rem;
      }
      pre {
        padding: 0.6rem 0.8rem;
        border-radius: 0.5rem;
        background: var(--lab-terminal-bg);
        overflow-x: auto;
      }
      pre code {
        padding: 0;
        background: none;
      }
      a {
        color: var(--lab-accent);
      }
      .muted {
        color: var(--lab-text-muted);
      }
      .exercises {
        list-style: none;
        padding: 0;
        margin: 0.5rem 0;
        display: flex;
        flex-direction: column;
        gap: 0.4rem;
      }
      .exercises button {
        width: 100%;
        display: grid;
        grid-template-columns: 2rem 1fr auto;
        gap: 0.5rem;
        text-align: left;
        white-space: normal;
        font-weight: 500;
        padding: 0.55rem 0.7rem;
      }
      .exercises .number {
        color: var(--lab-text-muted);
        font-variant-numeric: tabular-nums;
      }
      .exercises .count {
        font-size: 0.8rem;
        color: var(--lab-text-muted);
        font-variant-numeric: tabular-nums;
      }
      .exercises [data-complete] .count {
        color: var(--lab-success);
      }
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
      section.checks,
      section.question {
        margin-top: 1rem;
        padding: 0.7rem 0.8rem;
        border: 1px solid var(--lab-border);
        border-radius: 0.6rem;
        background: var(--lab-surface-raised);
      }
      .section-head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      .section-head h3 {
        margin: 0;
        font-size: 0.9rem;
      }
      .checks ul {
        list-style: none;
        padding: 0;
      }
      .checks li {
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
      .hint {
        margin: 0.2rem 0 0;
        padding: 0.3rem 0.5rem;
        border-left: 3px solid var(--lab-warning);
        color: var(--lab-text-muted);
        font-size: 0.85rem;
      }
      .hint strong {
        color: var(--lab-warning);
      }
      form {
        display: flex;
        gap: 0.5rem;
        margin-top: 0.4rem;
      }
      input {
        flex: 1;
        min-width: 0;
        font: inherit;
        padding: 0.35rem 0.6rem;
        border-radius: 0.5rem;
        border: 1px solid var(--lab-border-strong);
        background: var(--lab-bg);
        color: var(--lab-text);
      }
      .correct {
        color: var(--lab-success);
        font-weight: 600;
      }
      .done-badge {
        display: inline-block;
        margin-top: 0.8rem;
        padding: 0.2rem 0.6rem;
        border-radius: 999px;
        background: color-mix(in srgb, var(--lab-success) 18%, transparent);
        color: var(--lab-success);
        font-weight: 600;
        font-size: 0.85rem;
      }
      nav {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        padding: 0.6rem 0.9rem;
        border-top: 1px solid var(--lab-border);
      }
      .confirm {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin-top: 1rem;
      }
      lab-banner {
        margin: 0.6rem 0.9rem 0;
      }
    `,
  ];

  @consume({ context: vmSessionContext, subscribe: true })
  @state()
  session: VmSession | undefined;

  @consume({ context: progressContext, subscribe: true })
  @state()
  store: ProgressStore | undefined;

  /** The exercises to teach (the page's course and packs; a test's own content). */
  @consume({ context: courseContext, subscribe: true })
  @state()
  course: readonly Exercise[] = [];

  @consume({ context: packIndexContext, subscribe: true })
  @state()
  packIndex: readonly PackIndexEntry[] = [];

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @state() private answerDraft = "";
  @state() private answerResult: AnswerResult | undefined;
  @state() private answering = false;
  @state() private confirmingReset = false;
  @state() private noticeDismissed = false;

  private readonly machine = new SessionStateController(this, () => this.session);
  /** `#/pack/<name>`: an assignment, the overview shows only that pack. */
  private readonly assignment = new AssignmentController(this);
  private answerKeyInFlight: string | undefined;
  /** The step whose "Check now" the learner pressed: its next failing report counts as a failed attempt. */
  private checkRequestedFor: string | undefined;

  private readonly checks = new StepChecksController(this, {
    session: () => this.session,
    step: () => this.openStep(),
    locale: () => this.locale,
    onReport: (key, report) => this.onReport(key, report),
  });

  constructor() {
    super();
    new FeedbackRevealController(this);
    new ProgressController(this, () => this.store);
  }

  private get messages(): UiMessages {
    return UI_MESSAGES[this.locale];
  }

  /** The open exercise and step, if the learner is on a step. */
  private openStep(): { key: string; lesson: Lesson; index: number; step: LessonStep } | undefined {
    const position = this.store?.progress.position;
    if (position?.view !== "step") return undefined;
    const lesson = lessonsFor(this.course, this.locale).find((l) => l.id === position.exercise);
    const step = lesson?.steps[position.step];
    if (!lesson || !step) return undefined;
    return { key: answerKey(lesson.id, step.id), lesson, index: position.step, step };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A different step starts with an empty answer field (or the answer given correctly before).
    const key = this.openStep()?.key;
    if (key !== this.answerKeyInFlight) {
      this.answerKeyInFlight = key;
      this.answerDraft = key ? (this.store?.progress.answers[key] ?? "") : "";
      this.answerResult = undefined;
      this.answering = false;
    }
  }

  override render() {
    const m = this.messages;
    const store = this.store;
    if (!store) return nothing;
    const open = this.openStep();
    return html`
      ${store.corruptReason && !this.noticeDismissed
        ? html`<lab-banner
            tone="warning"
            heading=${m.note}
            dismissible
            dismiss-label=${m.dismiss}
            data-testid="progress-notice"
            @banner-dismiss=${() => (this.noticeDismissed = true)}
            >${m.corruptProgress}</lab-banner
          >`
        : nothing}
      ${open ? this.renderStep(open.lesson, open.index, open.step) : this.renderOverview()}
    `;
  }

  private renderOverview() {
    const m = this.messages;
    const progress = this.store!.progress;
    return html`
      <div class="top"><span class="where">${m.course}</span></div>
      <div class="body" data-testid="course-overview">
        <h2>${m.courseOverview}</h2>
        ${overviewSections(lessonsFor(this.course, this.locale), this.packIndex, this.locale, this.assignment.pack).map(
          (section) => html`${section.title ? html`<h3 data-testid="overview-pack" data-pack=${section.id}>${section.title}</h3>` : nothing}
        <ol class="exercises" data-section=${section.id}>
          ${section.items.map((lesson) => {
            const done = lesson.steps.filter((s) => isStepDone(progress, lesson.id, s.id)).length;
            const complete = done === lesson.steps.length;
            return html`<li>
              <button
                data-testid="overview-exercise"
                data-exercise=${lesson.id}
                ?data-complete=${complete}
                @click=${() => this.openExercise(lesson)}
              >
                <span class="number">${String(lesson.order).padStart(2, "0")}</span>
                <span>${lesson.title}</span>
                <span class="count" data-testid="overview-count">${m.stepsDone(done, lesson.steps.length)}</span>
              </button>
            </li>`;
          })}
        </ol>`,
        )}
        ${this.confirmingReset
          ? html`<div class="confirm" role="group">
              <span>${m.resetProgressConfirm}</span>
              <button class="primary" data-testid="reset-progress-confirm" @click=${this.resetProgress}>${m.yesReset}</button>
              <button @click=${() => (this.confirmingReset = false)}>${m.cancel}</button>
            </div>`
          : html`<div class="confirm">
              <button data-testid="reset-progress" @click=${() => (this.confirmingReset = true)}>${m.resetProgress}</button>
            </div>`}
      </div>
    `;
  }

  private renderStep(lesson: Lesson, index: number, step: LessonStep) {
    const m = this.messages;
    const progress = this.store!.progress;
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
        ${this.renderBlocks(step.blocks)} ${step.checks.length > 0 ? this.renderChecks(step) : nothing}
        ${step.question ? this.renderQuestion(lesson, step) : nothing}
        ${done ? html`<div class="done-badge" data-testid="step-done">✓ ${m.stepDone}</div>` : nothing}
        ${last && exerciseDone
          ? html`<p class="correct" data-testid="exercise-done">${m.exerciseDone}</p>
              ${lesson.recap ? html`<h3>${lesson.recap.title}</h3>${this.renderBlocks(lesson.recap.blocks)}` : nothing}`
          : nothing}
      </div>
      <nav>
        <button data-testid="step-previous" ?disabled=${index === 0} @click=${() => this.go(lesson, index - 1)}>← ${m.previous}</button>
        <button
          data-testid="step-next"
          class=${done ? "primary" : ""}
          @click=${() => (last ? this.store?.setPosition({ view: "overview" }) : this.go(lesson, index + 1))}
        >
          ${last ? m.backToOverview : m.next} →
        </button>
      </nav>
    `;
  }

  private renderBlocks(blocks: readonly ContentBlock[]) {
    const m = this.messages;
    return blocks.map((block) =>
      block.kind === "markdown"
        ? renderMarkdown(block.markdown)
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

  private renderChecks(step: LessonStep) {
    const m = this.messages;
    const ready = this.machine.state?.phase === "ready";
    const results = this.checks.results;
    return html`
      <section class="checks" data-testid="checks" aria-live="polite">
        <div class="section-head">
          <h3>${m.checks}</h3>
          <button data-testid="check-now" ?disabled=${!ready} @click=${this.checkNow}>
            ${this.checks.running ? m.checking : m.checkNow}
          </button>
        </div>
        ${ready ? nothing : html`<p class="muted">${m.checksWaitForMachine}</p>`}
        <ul>
          ${step.checks.map((check) => {
            const result = results?.find((r) => r.id === check.id);
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

  private renderQuestion(lesson: Lesson, step: LessonStep) {
    const m = this.messages;
    const question = step.question!;
    const storedCorrect = this.store!.progress.answers[answerKey(lesson.id, step.id)] !== undefined;
    const result = this.answerResult;
    return html`
      <section class="question" data-testid="question">
        <div class="section-head"><h3>${m.question}</h3></div>
        <p>${renderInline(question.prompt)}</p>
        <form @submit=${(e: Event) => this.submitAnswer(e, lesson, step)}>
          <input
            data-testid="answer-input"
            aria-label=${m.answerLabel}
            placeholder=${m.answerLabel}
            .value=${this.answerDraft}
            @input=${(e: Event) => (this.answerDraft = (e.target as HTMLInputElement).value)}
          />
          <button type="submit" data-testid="answer-submit" ?disabled=${this.answering || this.machine.state?.phase !== "ready"}>
            ${this.answering ? m.checking : m.submitAnswer}
          </button>
        </form>
        ${result?.correct || (!result && storedCorrect)
          ? html`<p class="correct" data-testid="answer-result" data-correct="true">✓ ${m.correctAnswer}</p>`
          : result
            ? html`<p class="hint" data-testid="answer-result" data-correct="false">
                ${result.message ?? ""} ${result.hint ? html`<br /><strong>${m.hint}:</strong> ${renderInline(result.hint)}` : nothing}
              </p>`
            : nothing}
      </section>
    `;
  }

  private openExercise(lesson: Lesson): void {
    const progress = this.store!.progress;
    const first = lesson.steps.findIndex((s) => !isStepDone(progress, lesson.id, s.id));
    this.go(lesson, first < 0 ? 0 : first);
  }

  private go(lesson: Lesson, index: number): void {
    if (index < 0 || index >= lesson.steps.length) return;
    this.store?.setPosition({ view: "step", exercise: lesson.id, step: index });
    this.renderRoot.querySelector(".body")?.scrollTo({ top: 0 });
  }

  private readonly resetProgress = (): void => {
    this.confirmingReset = false;
    this.store?.reset();
  };

  private readonly checkNow = (): void => {
    this.checkRequestedFor = this.openStep()?.key;
    this.checks.checkNow();
  };

  private onReport(key: string, report: StepReport): void {
    const open = this.openStep();
    const requested = this.checkRequestedFor === key;
    if (requested) this.checkRequestedFor = undefined;
    if (open && open.key === key && requested && !report.passed) {
      this.dispatchEvent(new CourseActivityEvent({ type: "check-failed", exercise: open.lesson.id, step: open.step.id }));
    }
    if (!open || open.key !== key || !report.passed) return;
    const answered = !open.step.question || this.store!.progress.answers[key] !== undefined;
    if (answered) this.store!.markDone(open.lesson.id, open.step.id);
  }

  private async submitAnswer(event: Event, lesson: Lesson, step: LessonStep): Promise<void> {
    event.preventDefault();
    const agent = this.session?.vm?.agent;
    const question = step.question;
    if (!agent || !question || this.answering) return;
    const key = answerKey(lesson.id, step.id);
    const answer = this.answerDraft;
    this.answering = true;
    const result = await checkAnswer(agent, question, answer, { locale: this.locale });
    if (this.answerKeyInFlight !== key || !this.isConnected) return;
    this.answering = false;
    this.answerResult = result;
    if (!result.correct) {
      this.dispatchEvent(new CourseActivityEvent({ type: "answer-wrong", exercise: lesson.id, step: step.id }));
      if (result.hint) this.dispatchEvent(new CourseActivityEvent({ type: "hint-shown", exercise: lesson.id, step: step.id, check: "answer" }));
      return;
    }
    this.store?.setAnswer(lesson.id, step.id, answer);
    const checksPassed = step.checks.length === 0 || (this.checks.results?.every((r) => r.passed) ?? false);
    if (checksPassed) this.store?.markDone(lesson.id, step.id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-course": LabCourse;
  }
}
