// A cable between two machines' network cards, run by the page: every frame one card sends is handed
// to the other. v86's "inbrowser" backend would do this over a BroadcastChannel, but in 0.5.462 every
// card sends on channel net0, so every machine of the same origin (every tab) would share one network.
// Wiring by hand keeps the network to exactly these two machines, and lets the page see each frame.
import type { Unsubscribe } from "../shared/typed-events.ts";
import type { VirtualMachine } from "./virtual-machine.ts";

export type LinkEnd = "a" | "b";

/** Called for every frame that crossed the cable, with the end it came from. */
export type FrameObserver = (from: LinkEnd, frame: Uint8Array) => void;

/** Connects the cards of `a` and `b`; the returned function pulls the cable out. */
export function linkMachines(a: VirtualMachine, b: VirtualMachine, observe?: FrameObserver): Unsubscribe {
  const offA = a.events.on("frame", (frame) => {
    observe?.("a", frame);
    b.receiveFrame(frame);
  });
  const offB = b.events.on("frame", (frame) => {
    observe?.("b", frame);
    a.receiveFrame(frame);
  });
  return () => {
    offA();
    offB();
  };
}
