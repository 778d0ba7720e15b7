// An emulator in the caller's own thread: what Node (the guest tests, the snapshot builder, the bench)
// uses, with the same EmulatorCore and the same messages the browser's worker speaks. Messages are
// handed over directly (no copies); a core's replies arrive after the current task, as from a worker.
import { EmulatorCore } from "./emulator-core.ts";
import type { CoreMessage, EmulatorChannel } from "./emulator-protocol.ts";

export function inProcessEmulator(): Promise<EmulatorChannel> {
  let listener: ((message: CoreMessage) => void) | undefined;
  let closed = false;
  const core = new EmulatorCore((message) => {
    if (!closed) listener?.(message);
  });
  return Promise.resolve({
    post: (message) => core.handle(message),
    onMessage: (next) => {
      listener = next;
    },
    close: () => {
      closed = true;
    },
  });
}
