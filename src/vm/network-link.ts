// A cable between two machines' network cards: a MessageChannel whose two ends go to the two emulators,
// so every frame one card sends reaches the other emulator directly (worker to worker in the browser,
// never through the page's thread). v86's "inbrowser" backend would use a BroadcastChannel, but in
// 0.5.462 every card sends on channel net0, so every machine of the same origin (every tab) would share
// one network. A cable of our own keeps the network to exactly these two machines.
import type { Unsubscribe } from "../shared/typed-events.ts";
import type { VirtualMachine } from "./virtual-machine.ts";

export type LinkEnd = "a" | "b";

/** Called for every frame that crossed the cable, with the end it came from (a copy, for display). */
export type FrameObserver = (from: LinkEnd, frame: Uint8Array) => void;

/** Connects the cards of `a` and `b`; the returned function pulls the cable out. */
export function linkMachines(a: VirtualMachine, b: VirtualMachine, observe?: FrameObserver): Unsubscribe {
  const cable = new MessageChannel();
  const report = observe !== undefined;
  const offA = a.events.on("frame", (frame) => observe?.("a", frame));
  const offB = b.events.on("frame", (frame) => observe?.("b", frame));
  a.plugCable(cable.port1, report);
  b.plugCable(cable.port2, report);
  return () => {
    offA();
    offB();
    a.plugCable(null, false);
    b.plugCable(null, false);
  };
}
