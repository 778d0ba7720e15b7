// The entry of a VM's Web Worker: one EmulatorCore (one v86 instance) per worker, driven by messages
// from the page's VirtualMachine (see worker-emulator.ts, which starts it).
/// <reference lib="webworker" />
import { EmulatorCore } from "./emulator-core.ts";
import type { HostMessage } from "./emulator-protocol.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const core = new EmulatorCore((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (event: MessageEvent<HostMessage>) => core.handle(event.data);
