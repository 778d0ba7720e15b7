// A step's question with the services <lab-app> provides: the real VmSession (around a fake machine
// whose agent prints the accepted answers, as the guest does: the only part that would need a running
// VM), the real ProgressStore, the announcer and the locale. The guest's answer script decides; a wrong
// answer shows the author's words and hint, a right one is kept and sent up as an AnswerAcceptedEvent.
import { describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import "../../src/course/lab-step-question.ts";
import { AnswerAcceptedEvent, CourseActivityEvent } from "../../src/course/course-events.ts";
import { progressContext } from "../../src/course/progress-context.ts";
import { ProgressStore } from "../../src/course/progress-store.ts";
import type { LessonStep } from "../../src/exercises/model.ts";
import { vmSessionContext } from "../../src/session/vm-session-context.ts";
import { VmSession } from "../../src/session/vm-session.ts";
import { TypedEvents } from "../../src/shared/typed-events.ts";
import { Announcer, announcerContext } from "../../src/ui/announcer.ts";
import type { AgentResult, RunOptions } from "../../src/vm/agent-client.ts";
import type { VirtualMachine, VirtualMachineOptions, VmEvents } from "../../src/vm/virtual-machine.ts";
import type { VmState } from "../../src/vm/vm-state.ts";
import { SAMPLE_MANIFEST } from "../unit/manifest-fixture.ts";
import { collect, mount, provided } from "./mount.ts";

/** The parts of VirtualMachine the session and the question use: it boots at once, its agent runs scripts. */
class FakeMachine {
  readonly events = new TypedEvents<VmEvents>();
  readonly scripts: string[] = [];
  state: VmState = { phase: "idle" };
  constructor(
    readonly options: VirtualMachineOptions,
    private readonly printed: string,
  ) {}
  readonly agent = {
    ping: () => Promise.resolve(1),
    run: (script: string, _options?: RunOptions): Promise<AgentResult> => {
      this.scripts.push(script);
      const stdout = new TextEncoder().encode(this.printed);
      return Promise.resolve({ exitCode: 0, signal: 0, stdout, stderr: new Uint8Array(), truncated: false, durationMs: 3 });
    },
  };
  start(): Promise<void> {
    this.set({ phase: "booting", mode: this.options.mode });
    this.set({ phase: "ready", mode: this.options.mode, bootMs: 1, bootId: "b" });
    return Promise.resolve();
  }
  sendConsole(): void {}
  resizeConsole(): void {}
  dispose(): Promise<void> {
    this.set({ phase: "disposed" });
    return Promise.resolve();
  }
  private set(state: VmState): void {
    this.state = state;
    this.events.emit("state", state);
  }
}

/** A session whose machine's answer script prints `printed` (one accepted answer a line). */
function sessionPrinting(printed: string): { session: VmSession; machines: FakeMachine[] } {
  const machines: FakeMachine[] = [];
  const session = new VmSession({
    assets: { loadManifest: () => Promise.resolve(SAMPLE_MANIFEST), load: () => Promise.reject(new Error("the fake machine loads nothing")) },
    wasmPath: "v86.wasm",
    v86Version: SAMPLE_MANIFEST.v86Version,
    liveness: { isPaused: () => true },
    createMachine: (options) => {
      const machine = new FakeMachine(options, printed);
      machines.push(machine);
      return machine as unknown as VirtualMachine;
    },
  });
  return { session, machines };
}

const step: LessonStep = {
  id: "count",
  title: "Count",
  blocks: [],
  commands: [],
  checks: [],
  solution: "ls /proc/self/ns | wc -l",
  mistakes: [],
  question: {
    prompt: "How many namespaces does `/proc/self/ns` list?",
    answer: "ls /proc/self/ns | wc -l",
    compare: "number",
    tolerance: 0,
    timeoutMs: 5000,
    mistakes: [],
    hint: "Count the lines of `ls /proc/self/ns`.",
    wrong: "That is not how many the kernel lists.",
  },
};

async function question(printed: string, options: { start?: boolean; locale?: "en" | "ko" } = {}) {
  const { session, machines } = sessionPrinting(printed);
  if (options.start !== false) await session.start();
  const progress = new ProgressStore(undefined);
  const announcer = new Announcer();
  const spoken: string[] = [];
  announcer.events.on("announce", (text) => spoken.push(text));
  const mounted = await mount("lab-step-question", {
    locale: options.locale ?? "en",
    provide: [provided(vmSessionContext, session), provided(progressContext, progress), provided(announcerContext, announcer)],
    set: (element) => Object.assign(element, { exercise: "namespaces", step }),
  });
  const input = mounted.root.querySelector<HTMLInputElement>('[data-testid="answer-input"]')!;
  const submit = mounted.root.querySelector<HTMLButtonElement>('[data-testid="answer-submit"]')!;
  /** Types an answer and sends it as a learner does, then waits until the result shows. */
  const answer = async (text: string): Promise<HTMLElement> => {
    await userEvent.fill(input, text);
    await userEvent.click(submit);
    await expect.poll(() => mounted.root.querySelector('[data-testid="answer-result"]')).not.toBeNull();
    return mounted.root.querySelector<HTMLElement>('[data-testid="answer-result"]')!;
  };
  return { ...mounted, session, machines, progress, spoken, input, submit, answer };
}

describe("<lab-step-question>", () => {
  it("cannot be answered until the machine is ready", async () => {
    const { submit, session, element } = await question("8\n", { start: false });
    expect(submit.disabled).toBe(true);
    await session.start();
    await element.updateComplete;
    expect(submit.disabled).toBe(false);
  });

  it("a wrong answer shows the author's words and the hint, announces it, and keeps nothing", async () => {
    const accepted = collect<AnswerAcceptedEvent>(AnswerAcceptedEvent.type);
    const activity = collect<CourseActivityEvent>(CourseActivityEvent.type);
    const { answer, machines, progress, spoken } = await question("8\n");
    const result = await answer("7");
    expect(machines[0]!.scripts.at(-1)).toContain("ls /proc/self/ns | wc -l");
    expect(result.dataset.correct).toBe("false");
    expect(result.textContent.replace(/\s+/g, " ").trim()).toBe("That is not how many the kernel lists. Hint: Count the lines of ls /proc/self/ns.");
    expect(spoken).toEqual(["Not the right answer. That is not how many the kernel lists."]);
    expect(accepted).toEqual([]);
    expect(activity.map((event) => event.activity.type)).toEqual(["answer-wrong", "hint-shown"]);
    expect(progress.progress.answers).toEqual({});
  });

  it("a right answer is kept in the progress and sent up as an AnswerAcceptedEvent", async () => {
    const accepted = collect<AnswerAcceptedEvent>(AnswerAcceptedEvent.type);
    const { answer, progress, spoken } = await question("8\n");
    const result = await answer("8");
    expect(result.dataset.correct).toBe("true");
    expect(result.textContent.trim()).toBe("✓ Correct!");
    expect(spoken).toEqual(["Correct answer."]);
    expect(accepted.map((event) => [event.exercise, event.step])).toEqual([["namespaces", "count"]]);
    expect(Object.values(progress.progress.answers)).toEqual(["8"]);
  });

  it("an empty answer is refused before the machine is asked", async () => {
    const { answer, machines } = await question("8\n");
    const result = await answer("   ");
    expect(result.textContent.trim()).toBe("Type an answer first.");
    expect(machines[0]!.scripts).toEqual([]);
  });

  it("speaks Korean", async () => {
    const { answer, root } = await question("8\n", { locale: "ko" });
    expect(root.querySelector('[data-testid="answer-submit"]')!.textContent.trim()).toBe("답하기");
    expect((await answer("8")).textContent.trim()).toBe("✓ 정답입니다!");
  });
});
