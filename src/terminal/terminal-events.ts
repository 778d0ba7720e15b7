// Events the terminal bar sends up to the workspace: the learner picks, opens, closes or splits
// terminals, asks for a shell in a container, or restarts a terminal's shell; the key bar sends keys, sticky
// modifiers and font size steps, and a terminal says when it used the modifiers up.
import type { BarKey, Modifier } from "./touch-keys.ts";

export type TerminalRequest =
  | { readonly kind: "activate"; readonly port: number }
  | { readonly kind: "open" }
  | { readonly kind: "close"; readonly port: number }
  | { readonly kind: "split" }
  | { readonly kind: "container"; readonly pid: number; readonly name: string }
  | { readonly kind: "restart"; readonly port: number }
  /** The container menu opened: the list of running containers should be fresh. */
  | { readonly kind: "list-containers" };

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

/** What the on-screen key bar asks: a key for the terminal in front, a sticky modifier, a font size step. */
export type KeyBarRequest =
  | { readonly kind: "key"; readonly key: BarKey }
  | { readonly kind: "modifier"; readonly modifier: Modifier }
  | { readonly kind: "font-size"; readonly step: 1 | -1 };

export class KeyBarEvent extends Event {
  static readonly type = "lab-key-bar";
  constructor(readonly request: KeyBarRequest) {
    super(KeyBarEvent.type, { bubbles: true, composed: true });
  }
}

/** A terminal sent a key with the sticky modifiers: they are used up. */
export class ModifiersUsedEvent extends Event {
  static readonly type = "lab-modifiers-used";
  constructor() {
    super(ModifiersUsedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    "lab-key-bar": KeyBarEvent;
    "lab-modifiers-used": ModifiersUsedEvent;
  }
}
