// Events the course panel sends up to the page shell.

/** The learner clicked a command: the shell pastes it at the terminal's prompt (without Enter). */
export class CommandPasteEvent extends Event {
  static readonly type = "command-paste";
  constructor(readonly command: string) {
    super(CommandPasteEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    "command-paste": CommandPasteEvent;
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
