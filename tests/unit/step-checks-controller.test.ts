// StepChecksController with a fake host, a fake session and a guest agent the test answers: when it
// runs the open step's checks, and that a step closed mid-run drops its results.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StepChecksController } from "../../src/course/step-checks-controller.ts";
import type { StepReport } from "../../src/exercises/check-runner.ts";
import type { LessonStep } from "../../src/exercises/model.ts";
import type { VmSession, VmSessionEvents } from "../../src/session/vm-session.ts";
import { TypedEvents } from "../../src/shared/typed-events.ts";
import type { AgentResult, GuestAgent } from "../../src/vm/agent-client.ts";

class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  readonly updateComplete = Promise.resolve(true);
  /** One Lit update cycle as far as controllers see it. */
  updated(): void {
    for (const c of this.controllers) c.hostUpdated?.();
  }
}

/** An agent whose runs finish when the test says so. */
class PendingAgent implements GuestAgent {
  readonly waiting: ((result: AgentResult) => void)[] = [];
  run(): Promise<AgentResult> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  answer(exitCode: number): void {
    const done = { exitCode, signal: 0, stdout: new Uint8Array(), stderr: new Uint8Array(), truncated: false, durationMs: 1 };
    for (const resolve of this.waiting.splice(0)) resolve(done);
  }
}

function step(id: string): LessonStep {
  return {
    id,
    title: id,
    body: [],
    commands: [],
    checks: [{ id: "c", kind: "shell", script: "true", expect: { exitCode: 0 }, timeoutMs: 5000, label: "ok", hint: "hint" }],
  } as unknown as LessonStep;
}

function setup() {
  const host = new FakeHost();
  const agent = new PendingAgent();
  const events = new TypedEvents<VmSessionEvents>();
  const session = { state: { phase: "ready" }, generation: 1, vm: { agent }, events } as unknown as VmSession;
  let open: { key: string; step: LessonStep } | undefined = { key: "ex/one", step: step("one") };
  const reports: [string, StepReport][] = [];
  const controller = new StepChecksController(host, {
    session: () => session,
    checks: () => (open ? { key: open.key, checks: open.step.checks } : undefined),
    locale: () => "en",
    onReport: (key, report) => reports.push([key, report]),
    intervalMs: 3000,
  });
  for (const c of host.controllers) c.hostConnected?.();
  return { host, agent, controller, reports, events, openStep: (next: typeof open) => (open = next) };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe("StepChecksController", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs the open step's checks when it opens and every interval, never two at once", async () => {
    const { host, agent, controller, reports } = setup();
    host.updated();
    await settle();
    expect(agent.waiting).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3000); // the run under way is not doubled
    expect(agent.waiting).toHaveLength(1);
    agent.answer(0);
    await settle();
    expect(controller.results?.map((r) => r.passed)).toEqual([true]);
    expect(reports.map(([key, report]) => [key, report.passed])).toEqual([["ex/one", true]]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(agent.waiting).toHaveLength(1);
  });

  it("drops the results of a step that closed while its checks ran", async () => {
    const { host, agent, controller, reports, openStep } = setup();
    host.updated();
    await settle();
    openStep({ key: "ex/two", step: step("two") });
    host.updated();
    await settle();
    // The first step's run was aborted; the second step's started at once, not an interval later.
    expect(agent.waiting).toHaveLength(2);
    agent.answer(1); // both guest commands end; only the second step's result counts
    await settle();
    expect(reports.map(([key, report]) => [key, report.passed])).toEqual([["ex/two", false]]);
    expect(controller.results?.map((r) => r.passed)).toEqual([false]);
  });

  it("runs again as soon as a typed command settles, not an interval later", async () => {
    const { host, agent, events } = setup();
    host.updated();
    await settle();
    agent.answer(1);
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(agent.waiting).toHaveLength(0);
    events.emit("settled", undefined);
    await settle();
    expect(agent.waiting).toHaveLength(1);
    events.emit("settled", undefined); // during a run: one more run after it, not two at once
    await settle();
    expect(agent.waiting).toHaveLength(1);
    agent.answer(1);
    await settle();
    expect(agent.waiting).toHaveLength(1);
  });

  it("stops when its element leaves the page", async () => {
    const { host, agent, events } = setup();
    host.updated();
    await settle();
    agent.answer(0);
    await settle();
    for (const c of host.controllers) c.hostDisconnected?.();
    events.emit("settled", undefined);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(agent.waiting).toHaveLength(0);
  });
});
