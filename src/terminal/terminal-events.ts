// Events the terminal bar sends up to the workspace: the learner picks, opens, closes or splits
// terminals, asks for a shell in a container, or restarts a terminal's shell.

export type TerminalRequest =
  | { readonly kind: "activate"; readonly port: number }
  | { readonly kind: "open" }
  | { readonly kind: "close"; readonly port: number }
  | { readonly kind: "split" }
  | { readonly kind: "container"; readonly pid: number; readonly name: string }
  | { readonly kind: "restart"; readonly port: number };

export class TerminalRequestEvent extends Event {
  static readonly type = "lab-terminal-request";
  constructor(readonly request: TerminalRequest) {
    super(TerminalRequestEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    "lab-terminal-request": TerminalRequestEvent;
  }
}
