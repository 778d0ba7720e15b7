// The second VM's lifecycle: admitted only when the device can hold another machine, cold-booted on a
// session of its own (its own kernel and boot log), given its address and a marker process VM 1
// should never see, panicked on request, and shut down with its memory released.
import { randomHex } from "../shared/bytes.ts";
import { errorText } from "../shared/error-text.ts";
import type { Unsubscribe } from "../shared/typed-events.ts";
import { withTimeout } from "../shared/with-timeout.ts";
import type { SessionState, VmSession } from "../session/vm-session.ts";
import type { VirtualMachine } from "../vm/virtual-machine.ts";
import { KERNEL_IDENTITY, VM2_NETWORK_SETUP, markerScript, parseKernelIdentity, type KernelIdentity } from "./guest-scripts.ts";
import { runOk } from "./guest-run.ts";
import { secondVmVerdict, type MemoryFacts, type MemoryVerdict } from "./memory-guard.ts";
import { StateSlice } from "./state-slice.ts";

export interface PanicResult {
  /** VM 1's agent answered after VM 2's kernel panicked, in this many ms. */
  readonly vm1AnsweredMs: number;
  readonly vm1BootIdUnchanged: boolean;
}

export interface SecondVmState {
  /** Why the device was refused a second VM, if it was. */
  readonly refusal: MemoryVerdict | undefined;
  readonly vm2: SessionState | undefined;
  readonly vm2BootMs: number | undefined;
  readonly panic: PanicResult | undefined;
}

export const NO_SECOND_VM: SecondVmState = { refusal: undefined, vm2: undefined, vm2BootMs: undefined, panic: undefined };

/** The boot time to show after VM 2's session reports `state`: a ready machine's, else the last one known. */
export function bootTimeAfter(state: SessionState, previous: number | undefined): number | undefined {
  return state.phase === "ready" ? state.bootMs : previous;
}

export interface SecondVmOptions {
  readonly createSession: () => VmSession;
  readonly memoryFacts: () => MemoryFacts;
  /** VM 2's session changed state (the cable follows it). */
  readonly onSessionState: () => void;
}

export class SecondVm {
  readonly slice: StateSlice<SecondVmState>;
  private current: VmSession | undefined;
  private subscriptions: Unsubscribe[] = [];
  private markerName = "";

  constructor(
    private readonly options: SecondVmOptions,
    changed: () => void,
  ) {
    this.slice = new StateSlice(NO_SECOND_VM, changed);
  }

  /** VM 2's session; undefined until it is booted and after it is closed. */
  get session(): VmSession | undefined {
    return this.current;
  }

  /** The name of the marker process VM 2 runs ("" when there is none). */
  get marker(): string {
    return this.markerName;
  }

  /** VM 2's machine when it is ready to answer a measurement. */
  get readyMachine(): VirtualMachine | undefined {
    return this.current?.state.phase === "ready" ? this.current.vm : undefined;
  }

  /** Whether the device can hold a second VM; records the refusal (or clears an old one). */
  admit(): boolean {
    const verdict = secondVmVerdict(this.options.memoryFacts());
    this.slice.set({ refusal: verdict.allowed ? undefined : verdict });
    return verdict.allowed;
  }

  /** Cold-boots VM 2 on a new session, sets its address and starts its marker process. */
  async boot(): Promise<void> {
    const session = this.options.createSession();
    this.current = session;
    this.subscriptions = [
      session.events.on("state", (state) => {
        this.slice.set({ vm2: state, vm2BootMs: bootTimeAfter(state, this.slice.value.vm2BootMs) });
        this.options.onSessionState();
      }),
    ];
    this.slice.set({ vm2: session.state, vm2BootMs: undefined, panic: undefined });
    try {
      await session.coldBoot();
    } catch (error) {
      throw new Error(`the second VM could not start: ${errorText(error)}`, { cause: error });
    }
    const machine = session.vm;
    if (session.state.phase !== "ready" || !machine) {
      const failure = session.state.phase === "error" ? session.state.failure.message : session.state.phase;
      throw new Error(`the second VM did not become ready (${failure})`);
    }
    await runOk(machine, VM2_NETWORK_SETUP, 10_000);
    this.markerName = `lab-vm2-${randomHex(4)}`;
    await runOk(machine, markerScript(this.markerName), 10_000);
  }

  /**
   * Panics VM 2's kernel and times VM 1's next answer. Returns VM 1's identity read after the panic,
   * whose boot id shows VM 1 is the same boot.
   */
  async panic(vm1: VirtualMachine): Promise<KernelIdentity> {
    const session = this.current;
    const vm2 = session?.vm;
    if (!session || !vm2 || session.state.phase !== "ready") throw new Error("the second VM is not running");
    const before = parseKernelIdentity(await runOk(vm1, KERNEL_IDENTITY, 15_000));
    const panicked = new Promise<void>((resolve) => {
      const off = session.events.on("state", (state) => {
        if (state.phase === "error") {
          off();
          resolve();
        }
      });
    });
    // The agent never answers: the kernel dies under it.
    vm2.agent.run("echo c > /proc/sysrq-trigger", { timeoutMs: 20_000 }).catch(() => undefined);
    await withTimeout(panicked, 30_000, () => new Error("the second VM's kernel did not panic"));
    const started = performance.now();
    const after = parseKernelIdentity(await runOk(vm1, KERNEL_IDENTITY, 15_000));
    this.slice.set({ panic: { vm1AnsweredMs: performance.now() - started, vm1BootIdUnchanged: after.bootId === before.bootId } });
    return after;
  }

  /**
   * Lets go of VM 2's session (its events, its marker) and returns it for the caller to dispose once
   * the cable is off it. `shown` says whether the view was showing it.
   */
  detach(): { readonly session: VmSession | undefined; readonly shown: boolean } {
    const session = this.current;
    this.current = undefined;
    for (const off of this.subscriptions) off();
    this.subscriptions = [];
    this.markerName = "";
    const shown = this.slice.value.vm2 !== undefined;
    if (shown) this.slice.set({ vm2: undefined });
    return { session, shown };
  }
}
