// The course overview: every exercise with the steps done, then the challenges apart from the course
// (each with its topic, whether it is solved and the hints used), and a way to reset the progress.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import type { Challenge, ChallengeLesson } from "../exercises/challenge-model.ts";
import type { Locale } from "../exercises/locales.ts";
import type { Exercise, Lesson } from "../exercises/model.ts";
import { assignedChallenges, overviewSections, type PackIndexEntry } from "../exercises/pack-sections.ts";
import { CHALLENGE_MESSAGES } from "../i18n/challenge-messages.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import { buttonStyles, inlineCodeStyles } from "../ui/ui-styles.ts";
import { panelStyles, proseStyles } from "./course-styles.ts";
import { AssignmentController } from "./assignment-controller.ts";
import { challengesContext } from "./challenges-context.ts";
import { courseContext } from "./course-context.ts";
import { challengesFor, lessonsFor } from "./lessons.ts";
import { packIndexContext } from "./pack-index-context.ts";
import { challengeProgress, isStepDone } from "./progress.ts";
import { progressContext } from "./progress-context.ts";
import { ProgressController } from "./progress-controller.ts";
import type { ProgressStore } from "./progress-store.ts";

@customElement("lab-course-overview")
export class LabCourseOverview extends LitElement {
  static override styles = [
    buttonStyles,
    inlineCodeStyles,
    panelStyles,
    proseStyles,
    css`
      h2.challenges {
        margin-top: 1.4rem;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0.5rem 0;
        display: flex;
        flex-direction: column;
        gap: 0.4rem;
      }
      ol button {
        width: 100%;
        display: grid;
        grid-template-columns: 2rem 1fr auto;
        gap: 0.5rem;
        text-align: left;
        white-space: normal;
        font-weight: 500;
        padding: 0.55rem 0.7rem;
      }
      .number {
        color: var(--lab-text-muted);
        font-variant-numeric: tabular-nums;
      }
      .count,
      .topic {
        font-size: 0.8rem;
        color: var(--lab-text-muted);
        font-variant-numeric: tabular-nums;
      }
      .topic {
        display: block;
        font-weight: 400;
      }
      [data-complete] .count {
        color: var(--lab-success);
      }
      .confirm {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin-top: 1rem;
      }
    `,
  ];

  @consume({ context: progressContext, subscribe: true })
  @state()
  store: ProgressStore | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @consume({ context: courseContext, subscribe: true })
  @state()
  course: readonly Exercise[] = [];

  @consume({ context: challengesContext, subscribe: true })
  @state()
  challenges: readonly Challenge[] = [];

  @consume({ context: packIndexContext, subscribe: true })
  @state()
  packIndex: readonly PackIndexEntry[] = [];

  @state() private confirmingReset = false;

  /** `#/pack/<name>`: an assignment, the overview shows only that pack (its own challenges, none of the course's). */
  private readonly assignment = new AssignmentController(this);

  constructor() {
    super();
    new ProgressController(this, () => this.store);
  }

  override render() {
    const m = UI_MESSAGES[this.locale];
    const c = CHALLENGE_MESSAGES[this.locale];
    if (!this.store) return nothing;
    const challenges = assignedChallenges(challengesFor(this.challenges, this.locale), this.packIndex, this.assignment.pack);
    const sections = overviewSections(lessonsFor(this.course, this.locale), this.packIndex, this.locale, this.assignment.pack);
    return html`
      <div class="top"><span class="where">${m.course}</span></div>
      <div class="body" data-testid="course-overview">
        <h2>${m.courseOverview}</h2>
        ${sections.map(
          (section) => html`${section.title ? html`<h3 data-testid="overview-pack" data-pack=${section.id}>${section.title}</h3>` : nothing}
            <ol class="exercises" data-section=${section.id}>
              ${section.items.map((lesson) => this.renderExercise(lesson))}
            </ol>`,
        )}
        ${challenges.length > 0
          ? html`<h2 class="challenges">${c.challenges}</h2>
              <p class="muted">${c.challengesIntro}</p>
              <ol class="challenges" data-testid="overview-challenges">
                ${challenges.map((challenge) => this.renderChallenge(challenge))}
              </ol>`
          : nothing}
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

  private renderExercise(lesson: Lesson) {
    const m = UI_MESSAGES[this.locale];
    const progress = this.store!.progress;
    const done = lesson.steps.filter((s) => isStepDone(progress, lesson.id, s.id)).length;
    return html`<li>
      <button
        data-testid="overview-exercise"
        data-exercise=${lesson.id}
        ?data-complete=${done === lesson.steps.length}
        @click=${() => this.openExercise(lesson)}
      >
        <span class="number">${String(lesson.order).padStart(2, "0")}</span>
        <span>${lesson.title}</span>
        <span class="count" data-testid="overview-count">${m.stepsDone(done, lesson.steps.length)}</span>
      </button>
    </li>`;
  }

  private renderChallenge(challenge: ChallengeLesson) {
    const c = CHALLENGE_MESSAGES[this.locale];
    const state = challengeProgress(this.store!.progress, challenge.id);
    const solved = state.solvedAt !== undefined;
    return html`<li>
      <button
        data-testid="overview-challenge"
        data-challenge=${challenge.id}
        ?data-complete=${solved}
        @click=${() => this.store?.setPosition({ view: "challenge", challenge: challenge.id })}
      >
        <span class="number">${String(challenge.order).padStart(2, "0")}</span>
        <span>${challenge.title}<span class="topic">${c.topics[challenge.topic]}</span></span>
        <span class="count" data-testid="overview-challenge-status"
          >${solved ? `✓ ${c.solved}` : state.hintsUsed > 0 ? c.hintsUsed(state.hintsUsed, challenge.hints.length) : ""}</span
        >
      </button>
    </li>`;
  }

  private openExercise(lesson: Lesson): void {
    const progress = this.store!.progress;
    const first = lesson.steps.findIndex((s) => !isStepDone(progress, lesson.id, s.id));
    this.store?.setPosition({ view: "step", exercise: lesson.id, step: first < 0 ? 0 : first });
  }

  private readonly resetProgress = (): void => {
    this.confirmingReset = false;
    this.store?.reset();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-course-overview": LabCourseOverview;
  }
}
