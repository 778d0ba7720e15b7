// The learner's shells on serial ports 2 and 3 with a fake machine: typing there is the learner's work
// (the autosave listens to the session's "input"), and a new machine's shells start on a clean line.
import { describe, expect, it } from "vitest";
import { LearnerShells } from "../../src/session/learner-shells.ts";
import { CLEAR_TYPED_LINE, VmSession } from "../../src/session/vm-session.ts";
import { TypedEvents } from "../../src/shared/typed-events.ts";
import type { AssetSource } from "../../src/vm/asset-source.ts";
import type { VirtualMachine, VirtualMachineOptions, VmEvents } from "../../src/vm/virtual-machine.ts";
import type { VmState } from "../../src/vm/vm-state.ts";
import { SAMPLE_MANIFEST } from "./manifest-fixture.ts";

const assets: AssetSource = {
  loadManifest: () => Promise.resolve(SAMPLE_MANIFEST),
  load: () => Promise.reject(new Error("the fake machine loads nothing")),
};

/** The parts of VirtualMachine the session and its shells use; records what each port was sent. */
class FakeMachine {
  readonly events = new TypedEvents<VmEvents>();
  readonly shellPorts = [2, 3];
  readonly sent: { port: number; text: string }[] = [];
  readonly agent = { ping: () => Promise.resolve(1), run: () => Promise.resolve({ exitCode: 0, stdout: "", stderr: "" }) };
  state: VmState = { phase: "idle" };
  constructor(readonly options: VirtualMachineOptions) {}
  start(): Promise<void> {
    this.set({ phase: "ready", mode: this.options.mode, bootMs: 1, bootId: "b" });
    return Promise.resolve();
  }
  sendConsole(data: string | Uint8Array): void {
    this.sent.push({ port: 0, text: text(data) });
  }
  sendLine(port: number, data: string | Uint8Array): void {
    this.sent.push({ port, text: text(data) });
  }
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

function text(data: string | Uint8Array): string {
  return typeof data === "string" ? data : new TextDecoder().decode(data);
}

function setUp(): { session: VmSession; shells: LearnerShells; machines: FakeMachine[]; inputs: () => number } {
  const machines: FakeMachine[] = [];
  const session = new VmSession({
    assets,
    wasmPath: "v86.wasm",
    v86Version: SAMPLE_MANIFEST.v86Version,
    liveness: { isPaused: () => true },
    createMachine: (options) => {
      const machine = new FakeMachine(options);
      machines.push(machine);
      return machine as unknown as VirtualMachine;
    },
  });
  let inputs = 0;
  session.events.on("input", () => inputs++);
  return { session, shells: new LearnerShells(session), machines, inputs: () => inputs };
}

describe("LearnerShells", () => {
  it("counts typing in every learner terminal as the learner's input, not only the console's", async () => {
    const { session, shells, machines, inputs } = setUp();
    await session.start();
    const before = inputs();
    shells.line(2).send("touch /tmp/two\r");
    shells.line(3).send("touch /tmp/three\r");
    shells.console.send("ls\r");
    expect(inputs() - before).toBe(3);
    expect(machines[0]!.sent).toEqual(expect.arrayContaining([
      { port: 2, text: "touch /tmp/two\r" },
      { port: 3, text: "touch /tmp/three\r" },
      { port: 0, text: "ls\r" },
    ]));
    await session.dispose();
  });

  it("clears a resumed machine's half-typed lines in terminals 2 and 3 without counting that as input", async () => {
    const { session, shells, machines, inputs } = setUp();
    shells.line(2);
    shells.line(3);
    await session.resume({ state: new ArrayBuffer(8), console: "" });
    expect(inputs()).toBe(0);
    const sent = machines[0]!.sent;
    expect(sent.find((s) => s.port === 0)?.text).toBe(CLEAR_TYPED_LINE);
    for (const port of [2, 3]) expect(sent.find((s) => s.port === port)?.text.startsWith(CLEAR_TYPED_LINE)).toBe(true);
    await session.dispose();
  });

  it("sends nothing to a machine that is not running", () => {
    const { shells, machines, inputs } = setUp();
    shells.line(2).send("ls\r");
    expect(machines).toHaveLength(0);
    expect(inputs()).toBe(0);
  });
});
