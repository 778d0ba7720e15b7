// Events the course panel sends up to the page shell.

/** The learner clicked a command: the shell pastes it at the terminal's prompt (without Enter). */
export class CommandPasteEvent extends Event {
  static readonly type = "command-paste";
  constructor(readonly command: string) {
    super(CommandPasteEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * Something the learner met that the live class counts and the progress does not keep: a failed attempt
 * or a hint on a step, a failed attempt at a challenge. (Challenge hints, revealed solutions and solved
 * challenges are in the progress, which the class reporter follows.)
 */
export type CourseActivity =
  | { readonly type: "check-failed" | "answer-wrong"; readonly exercise: string; readonly step: string }
  | { readonly type: "hint-shown"; readonly exercise: string; readonly step: string; readonly check: string }
  | { readonly type: "challenge-failed"; readonly challenge: string };

/** Tells the page (and the class, when joined) about a step's or a challenge's activity; nothing waits on it. */
export class CourseActivityEvent extends Event {
  static readonly type = "course-activity";
  constructor(readonly activity: CourseActivity) {
    super(CourseActivityEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    "command-paste": CommandPasteEvent;
    "course-activity": CourseActivityEvent;
  }
}

/** The learner asked for the open step's (or challenge's) checks to run now. */
export class CheckNowEvent extends Event {
  static readonly type = "check-now";
  constructor() {
    super(CheckNowEvent.type, { bubbles: true, composed: true });
  }
}

/** The guest accepted the learner's answer to the open step's question. */
export class AnswerAcceptedEvent extends Event {
  static readonly type = "answer-accepted";
  constructor(
    readonly exercise: string,
    readonly step: string,
  ) {
    super(AnswerAcceptedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    "check-now": CheckNowEvent;
    "answer-accepted": AnswerAcceptedEvent;
  }
}
