// Errors an agent request can end with; each names what happened in words a learner can act on, and
// its `kind` says it to code (see src/shared/lab-error.ts).
import { LabError } from "../shared/lab-error.ts";

export type AgentErrorKind = "timeout" | "aborted" | "restarted" | "disposed";

export abstract class AgentError extends LabError<AgentErrorKind> {}

/** The command ran longer than its timeout; it was killed in the guest. */
export class AgentTimeoutError extends AgentError {
  override readonly name = "AgentTimeoutError";
  constructor(readonly timeoutMs: number) {
    super("timeout", `the guest did not finish the command within ${timeoutMs} ms (it was stopped)`);
  }
}

/** The caller aborted the request (AbortSignal); it was killed in the guest. */
export class AgentAbortedError extends AgentError {
  override readonly name = "AgentAbortedError";
  constructor() {
    super("aborted", "the command was cancelled");
  }
}

/** The agent process restarted (or the VM was reset) while the request was running. */
export class AgentRestartedError extends AgentError {
  override readonly name = "AgentRestartedError";
  constructor() {
    super("restarted", "the guest agent restarted while the command was running");
  }
}

/** The client was disposed (the VM was stopped or reset). */
export class AgentDisposedError extends AgentError {
  override readonly name = "AgentDisposedError";
  constructor() {
    super("disposed", "the virtual machine was stopped");
  }
}
