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
