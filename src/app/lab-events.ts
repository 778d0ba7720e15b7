// Events elements send up to the page shell. Each is a typed Event subclass: listeners get the
// fields without casting, and `type` is a constant the shell listens for.
import type { Locale } from "../exercises/locales.ts";

/** What the learner can ask of the machine and the workspace. */
export type LabAction =
  | "reset"
  | "cold-boot"
  | "retry"
  | "stop-runaway"
  | "dismiss-recovery"
  | "dismiss-reset-note"
  | "toggle-compare"
  | "show-shortcuts"
  | "close-shortcuts";

export class LabActionEvent extends Event {
  static readonly type = "lab-action";
  constructor(readonly action: LabAction) {
    super(LabActionEvent.type, { bubbles: true, composed: true });
  }
}

/** The learner chose the page's language. */
export class LocaleChangeEvent extends Event {
  static readonly type = "lab-locale-change";
  constructor(readonly locale: Locale) {
    super(LocaleChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** The learner closed a notice (by its index in the list shown). */
export class NoticeDismissEvent extends Event {
  static readonly type = "lab-notice-dismiss";
  constructor(readonly index: number) {
    super(NoticeDismissEvent.type, { bubbles: true, composed: true });
  }
}

/** Files were dropped onto the terminal, to be copied into the machine. */
export class FilesDropEvent extends Event {
  static readonly type = "lab-files-drop";
  constructor(readonly files: readonly File[]) {
    super(FilesDropEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    "lab-action": LabActionEvent;
    "lab-locale-change": LocaleChangeEvent;
    "lab-notice-dismiss": NoticeDismissEvent;
    "lab-files-drop": FilesDropEvent;
  }
}
