// VmSession with a fake machine (createMachine) and a fake asset source: what the session does around
// a machine, without v86.
import { describe, expect, it } from "vitest";
import { CLEAR_TYPED_LINE, VmSession } from "../../src/session/vm-session.ts";
import { TypedEvents } from "../../src/shared/typed-events.ts";
import type { AssetSource } from "../../src/vm/asset-source.ts";
import type { VirtualMachine, VirtualMachineOptions, VmEvents } from "../../src/vm/virtual-machine.ts";
import type { VmState } from "../../src/vm/vm-state.ts";
import { maxStateBytes } from "../../src/vm/state-size.ts";
import { SAMPLE_MANIFEST } from "./manifest-fixture.ts";

const MANIFEST = SAMPLE_MANIFEST;

const assets: AssetSource = {
  loadManifest: () => Promise.resolve(MANIFEST),
  load: () => Promise.reject(new Error("the fake machine loads nothing")),
};

/** The parts of VirtualMachine the session uses: it starts, becomes ready and records console input. */
class FakeMachine {
  readonly events = new TypedEvents<VmEvents>();
  readonly typed: string[] = [];
  readonly agent = { ping: () => Promise.resolve(1) };
  state: VmState = { phase: "idle" };
  constructor(readonly options: VirtualMachineOptions) {}
  start(): Promise<void> {
    this.set({ phase: "booting", mode: this.options.mode });
    this.set({ phase: "ready", mode: this.options.mode, bootMs: 1, bootId: "b" });
    return Promise.resolve();
  }
  sendConsole(data: string | Uint8Array): void {
    this.typed.push(typeof data === "string" ? data : new TextDecoder().decode(data));
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

function session(): { session: VmSession; machines: FakeMachine[] } {
  const machines: FakeMachine[] = [];
  const created = new VmSession({
    assets,
    wasmPath: "v86.wasm",
    v86Version: MANIFEST.v86Version,
    liveness: { isPaused: () => true },
    createMachine: (options) => {
      const machine = new FakeMachine(options);
      machines.push(machine);
      return machine as unknown as VirtualMachine;
    },
  });
  return { session: created, machines };
}

describe("VmSession", () => {
  it("clears the half-typed line of a resumed machine's console once it is ready", async () => {
    const { session: s, machines } = session();
    await s.resume({ state: new ArrayBuffer(8), console: "root@lab:~# rm -rf /tm" });
    expect(s.state.phase).toBe("ready");
    expect(machines[0]!.options.resume?.console).toBe("root@lab:~# rm -rf /tm");
    expect(machines[0]!.typed).toEqual([CLEAR_TYPED_LINE]);
    await s.dispose();
  });

  it("types nothing into a machine started from the snapshot", async () => {
    const { session: s, machines } = session();
    await s.start();
    expect(s.state.phase).toBe("ready");
    expect(machines[0]!.typed).toEqual([]);
    await s.reset();
    expect(machines[1]!.typed).toEqual([]);
    await s.dispose();
  });

  it("bounds a saved state by the image's memory", async () => {
    const { session: s } = session();
    expect(await s.maxStateBytes()).toBe(maxStateBytes(MANIFEST.vm));
    expect(maxStateBytes(MANIFEST.vm)).toBeGreaterThan(MANIFEST.files.state.rawSize);
    expect(maxStateBytes(MANIFEST.vm)).toBeLessThan(512 * 1024 * 1024);
  });
});
