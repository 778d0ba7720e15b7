// The cable between the two VMs' network cards: the page carries every Ethernet frame from one card to
// the other (there is no server) and keeps a short trace of what it carried, decoded for the view.
import type { Unsubscribe } from "../shared/typed-events.ts";
import { linkMachines, type LinkEnd } from "../vm/network-link.ts";
import type { VirtualMachine } from "../vm/virtual-machine.ts";
import { summarizeFrame, type FrameSummary } from "./frame-summary.ts";
import { StateSlice } from "./state-slice.ts";

export interface TracedFrame {
  readonly from: "vm1" | "vm2";
  readonly summary: FrameSummary;
}

export interface CableState {
  /** Whether the two cards are wired together right now. */
  readonly linked: boolean;
  /** The last frames the cable carried, oldest first. */
  readonly frames: readonly TracedFrame[];
  readonly framesTotal: number;
}

export const FRAME_TRACE_LIMIT = 12;
export const NO_CABLE: CableState = { linked: false, frames: [], framesTotal: 0 };

export type CableStep = "keep" | "link" | "unlink";

/**
 * What to do with the cable given the machines now on each end. Both running: wire them (again, if
 * either end is a new machine, e.g. after VM 1 was reset). Otherwise leave a cable to the same two
 * machines alone (a panicked VM 2 keeps its card) and drop one to machines that are gone.
 */
export function cableStep<M>(wired: { readonly a: M; readonly b: M } | undefined, a: M | undefined, b: M | undefined, bothRunning: boolean): CableStep {
  const sameEnds = wired !== undefined && wired.a === a && wired.b === b;
  if (!a || !b || !bothRunning) return wired && !sameEnds ? "unlink" : "keep";
  return sameEnds ? "keep" : "link";
}

/** The trace after one more frame: the newest `FRAME_TRACE_LIMIT` kept, every frame counted. */
export function withFrame(state: CableState, entry: TracedFrame): Pick<CableState, "frames" | "framesTotal"> {
  return { frames: [...state.frames, entry].slice(-FRAME_TRACE_LIMIT), framesTotal: state.framesTotal + 1 };
}

export class VmCable {
  readonly slice: StateSlice<CableState>;
  private wired: { a: VirtualMachine; b: VirtualMachine; off: Unsubscribe } | undefined;

  constructor(changed: () => void) {
    this.slice = new StateSlice(NO_CABLE, changed);
  }

  /** Wires VM 1's card to VM 2's when both run; unwires when either end's machine is gone. */
  rewire(a: VirtualMachine | undefined, b: VirtualMachine | undefined, bothRunning: boolean): void {
    const step = cableStep(this.wired, a, b, bothRunning);
    if (step === "keep") return;
    this.unwire();
    if (step === "unlink" || !a || !b) return;
    const off = linkMachines(a, b, (from, frame) => this.trace(from, frame));
    this.wired = { a, b, off };
    this.slice.set({ linked: true });
  }

  unwire(): void {
    this.wired?.off();
    this.wired = undefined;
    if (this.slice.value.linked) this.slice.set({ linked: false });
  }

  /** Forgets the trace (VM 2 closed: its frames belonged to a machine that is gone). */
  clearTrace(): void {
    this.slice.set({ frames: [], framesTotal: 0 });
  }

  private trace(from: LinkEnd, frame: Uint8Array): void {
    const entry: TracedFrame = { from: from === "a" ? "vm1" : "vm2", summary: summarizeFrame(frame) };
    this.slice.set(withFrame(this.slice.value, entry));
  }
}
