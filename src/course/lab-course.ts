// The course beside the terminal: the frame of the panel, showing where the learner is (the overview,
// a step of an exercise, or a challenge) and a notice when the saved progress could not be read.
// Progress lives in the ProgressStore (from context); each view is an element of its own. When a new view
// replaces the control that had the keyboard focus, the panel keeps the focus.
import { consume } from "@lit/context";
import { LitElement, css, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import type { Challenge } from "../exercises/challenge-model.ts";
import type { Locale } from "../exercises/locales.ts";
import type { Exercise } from "../exercises/model.ts";
import { localeContext } from "../i18n/locale-context.ts";
import { UI_MESSAGES } from "../i18n/ui-messages.ts";
import "../ui/lab-banner.ts";
import "./lab-challenge.ts";
import "./lab-course-overview.ts";
import "./lab-course-step.ts";
import { challengesContext } from "./challenges-context.ts";
import { courseContext } from "./course-context.ts";
import { challengesFor, lessonsFor } from "./lessons.ts";
import { progressContext } from "./progress-context.ts";
import { ProgressController } from "./progress-controller.ts";
import type { ProgressStore } from "./progress-store.ts";

@customElement("lab-course")
export class LabCourse extends LitElement {
  static override styles = css`
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
    lab-banner {
      margin: 0.6rem 0.9rem 0;
    }
  `;

  @consume({ context: progressContext, subscribe: true })
  @state()
  store: ProgressStore | undefined;

  /** The exercises to teach (the page's course and packs; a test's own content). */
  @consume({ context: courseContext, subscribe: true })
  @state()
  course: readonly Exercise[] = [];

  @consume({ context: challengesContext, subscribe: true })
  @state()
  challenges: readonly Challenge[] = [];

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale: Locale = "en";

  @state() private noticeDismissed = false;

  /** The view shown after the last update (overview, a step, a challenge). */
  private shownView: string | undefined;

  constructor() {
    super();
    new ProgressController(this, () => this.store);
  }

  override render() {
    const store = this.store;
    if (!store) return nothing;
    const m = UI_MESSAGES[this.locale];
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
      ${this.renderView(store)}
    `;
  }

  protected override updated(): void {
    // Opening an exercise from the overview replaces the button that had the keyboard focus: the focus
    // would fall back to the page's start. The course panel takes it, so Tab goes on inside the new view.
    const view = JSON.stringify(this.store?.progress.position);
    const changed = this.shownView !== undefined && view !== this.shownView;
    this.shownView = view;
    if (changed && (document.activeElement === document.body || document.activeElement === null)) this.focus();
  }

  private renderView(store: ProgressStore) {
    const position = store.progress.position;
    if (position.view === "step") {
      const lesson = lessonsFor(this.course, this.locale).find((l) => l.id === position.exercise);
      if (lesson && lesson.steps[position.step]) {
        return html`<lab-course-step .lesson=${lesson} .index=${position.step}></lab-course-step>`;
      }
    } else if (position.view === "challenge") {
      const challenge = challengesFor(this.challenges, this.locale).find((c) => c.id === position.challenge);
      if (challenge) return html`<lab-challenge .challenge=${challenge}></lab-challenge>`;
    }
    return html`<lab-course-overview></lab-course-overview>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "lab-course": LabCourse;
  }
}
