// A step's question: the learner types an answer, the guest computes the accepted ones and judges it.
// A correct answer is kept in the progress and announced with an AnswerAcceptedEvent, so the step can
// turn done once its checks pass too.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { SessionStateController } from "../session/session-controller.ts";
import { vmSessionContext } from "../session/vm-session-context.ts";
import type { VmSession } from "../session/vm-session.ts";
import { checkAnswer, type AnswerResult } from "../exercises/check-runner.ts";
import type { Locale } from "../exercises/locales.ts";
import type { LessonStep } from "../exercises/model.ts";
import { ACCESS_MESSAGES } from "../i18n/access-messages.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { announcerContext, type Announcer } from "../ui/announcer.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import { buttonStyles, inlineCodeStyles } from "../ui/ui-styles.ts";
import { AnswerAcceptedEvent, CourseActivityEvent } from "./course-events.ts";
import { FeedbackRevealController } from "./feedback-reveal-controller.ts";
import { sectionStyles } from "./course-styles.ts";
import { renderInline } from "./inline-markdown.ts";
import { answerKey } from "./progress.ts";
import { progressContext } from "./progress-context.ts";
import { ProgressController } from "./progress-controller.ts";
import type { ProgressStore } from "./progress-store.ts";

@customElement("lab-step-question")
export class LabStepQuestion extends LitElement {
  static override styles = [
    buttonStyles,
    inlineCodeStyles,
    sectionStyles,
    css`
      :host {
        display: block;
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

  @property() exercise = "";
  @property({ attribute: false }) step: LessonStep | undefined;

  @state() private draft = "";
  @state() private result: AnswerResult | undefined;
  @state() private answering = false;

  private readonly machine = new SessionStateController(this, () => this.session);
  private keyInFlight: string | undefined;

  constructor() {
    super();
    new FeedbackRevealController(this);
    new ProgressController(this, () => this.store);
  }

  private get key(): string | undefined {
    return this.step ? answerKey(this.exercise, this.step.id) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A different step starts with an empty answer field (or the answer given correctly before).
    const key = this.key;
    if (key !== this.keyInFlight) {
      this.keyInFlight = key;
      this.draft = key ? (this.store?.progress.answers[key] ?? "") : "";
      this.result = undefined;
      this.answering = false;
    }
  }

  override render() {
    const question = this.step?.question;
    if (!question || !this.key) return nothing;
    const m = UI_MESSAGES[this.locale];
    const storedCorrect = this.store?.progress.answers[this.key] !== undefined;
    const result = this.result;
    return html`
      <section class="question" data-testid="question">
        <div class="section-head"><h3>${m.question}</h3></div>
        <p>${renderInline(question.prompt)}</p>
        <form @submit=${this.submit}>
          <input
            data-testid="answer-input"
            aria-label=${m.answerLabel}
            placeholder=${m.answerLabel}
            .value=${this.draft}
            @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)}
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

  private readonly submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const agent = this.session?.vm?.agent;
    const step = this.step;
    const key = this.key;
    if (!agent || !step?.question || !key || this.answering) return;
    const answer = this.draft;
    this.answering = true;
    const result = await checkAnswer(agent, step.question, answer, { locale: this.locale });
    if (this.keyInFlight !== key || !this.isConnected) return;
    this.answering = false;
    this.result = result;
    const a = ACCESS_MESSAGES[this.locale];
    this.announcer?.announce(result.correct ? a.answerRight : a.answerWrong(result.message ?? ""));
    if (!result.correct) {
      this.dispatchEvent(new CourseActivityEvent({ type: "answer-wrong", exercise: this.exercise, step: step.id }));
      if (result.hint) this.dispatchEvent(new CourseActivityEvent({ type: "hint-shown", exercise: this.exercise, step: step.id, check: "answer" }));
      return;
    }
    this.store?.setAnswer(this.exercise, step.id, answer);
    this.dispatchEvent(new AnswerAcceptedEvent(this.exercise, step.id));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-step-question": LabStepQuestion;
  }
}
