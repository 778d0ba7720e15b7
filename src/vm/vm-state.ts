// The VM's lifecycle as an explicit state machine. Every change goes through `transition`, which
// refuses moves the lifecycle does not allow, so a late callback can never resurrect a disposed VM.

export type BootMode = "restore" | "cold";

export type VmFailureKind =
  | "assets-missing" // the guest image was never built (or the server does not have it)
  | "download-failed" // a network error or a truncated/corrupt file
  | "boot-timeout" // the guest never answered the agent
  | "kernel-panic"
  | "emulator-error";

export interface VmFailure {
  readonly kind: VmFailureKind;
  /** Technical detail in English (paths, HTTP codes); the page explains the kind in the learner's language. */
  readonly message: string;
}

/** Something the learner should know that is not an error; the page words it in the learner's language. */
export type VmNotice = { readonly kind: "snapshot-refused"; /** why, technically (versions, hardware) */ readonly detail: string };

export type VmState =
  | { readonly phase: "idle" }
  | { readonly phase: "loading"; readonly mode: BootMode; readonly loadedBytes: number; readonly totalBytes: number }
  | { readonly phase: "booting"; readonly mode: BootMode }
  | { readonly phase: "ready"; readonly mode: BootMode; readonly bootMs: number; readonly bootId: string }
  | { readonly phase: "error"; readonly failure: VmFailure }
  | { readonly phase: "disposed" };

export type VmPhase = VmState["phase"];

const ALLOWED: Readonly<Record<VmPhase, readonly VmPhase[]>> = {
  idle: ["loading", "error", "disposed"],
  loading: ["loading", "booting", "error", "disposed"],
  booting: ["ready", "error", "disposed"],
  ready: ["error", "disposed"],
  error: ["disposed"],
  disposed: [],
};

export class IllegalTransitionError extends Error {
  override readonly name = "IllegalTransitionError";
}

export function canTransition(from: VmPhase, to: VmPhase): boolean {
  return ALLOWED[from].includes(to);
}

export function transition(from: VmState, to: VmState): VmState {
  if (!canTransition(from.phase, to.phase)) {
    throw new IllegalTransitionError(`a VM cannot go from ${from.phase} to ${to.phase}`);
  }
  return to;
}
