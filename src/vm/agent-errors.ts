// Errors an agent request can end with; each names what happened in words a learner can act on.

export class AgentError extends Error {
  override readonly name: string = "AgentError";
}

/** The command ran longer than its timeout; it was killed in the guest. */
export class AgentTimeoutError extends AgentError {
  override readonly name = "AgentTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`the guest did not finish the command within ${timeoutMs} ms (it was stopped)`);
  }
}

/** The caller aborted the request (AbortSignal); it was killed in the guest. */
export class AgentAbortedError extends AgentError {
  override readonly name = "AgentAbortedError";
  constructor() {
    super("the command was cancelled");
  }
}

/** The agent process restarted (or the VM was reset) while the request was running. */
export class AgentRestartedError extends AgentError {
  override readonly name = "AgentRestartedError";
  constructor() {
    super("the guest agent restarted while the command was running");
  }
}

/** The client was disposed (the VM was stopped or reset). */
export class AgentDisposedError extends AgentError {
  override readonly name = "AgentDisposedError";
  constructor() {
    super("the virtual machine was stopped");
  }
}
