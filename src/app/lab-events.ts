// Events elements send up to the page shell. Each is a typed Event subclass: listeners get the
// fields without casting, and `type` is a constant the shell listens for.

/** What the learner can ask of the machine. */
export type LabAction = "reset" | "cold-boot" | "retry";

export class LabActionEvent extends Event {
  static readonly type = "lab-action";
  constructor(readonly action: LabAction) {
    super(LabActionEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    "lab-action": LabActionEvent;
  }
}
