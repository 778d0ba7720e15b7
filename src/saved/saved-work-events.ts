// Events the saved-work elements send up to the page shell.

/** The learner asked for a panel the shell shows: the file transfer or the progress report. */
export type SavedWorkPanel = "files" | "report";

export class PanelOpenEvent extends Event {
  static readonly type = "panel-open";
  constructor(readonly panel: SavedWorkPanel) {
    super(PanelOpenEvent.type, { bubbles: true, composed: true });
  }
}

/** The learner closed a panel. */
export class PanelCloseEvent extends Event {
  static readonly type = "panel-close";
  constructor() {
    super(PanelCloseEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    "panel-open": PanelOpenEvent;
    "panel-close": PanelCloseEvent;
  }
}
