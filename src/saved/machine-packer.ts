// Packing and unpacking a saved machine (machine-envelope.ts: gzip and sha256 over ~35 MB) away from the
// page's thread, so a save or a resume does not freeze the terminal: the page only asks v86 for its state
// (itself in the emulator's worker) and hands the buffer over. Buffers cross in both directions by
// transfer, never by copy: the state the page gives to pack() is no longer the page's afterwards.
// The same messages run over a MessageChannel in the unit tests (see serveMachinePacking).
import { LabError } from "../shared/lab-error.ts";
import { errorText } from "../shared/error-text.ts";
import { decodeMachine, encodeMachine, MachineFileError, type EncodeMachineInput, type MachineFileProblem, type SavedMachine } from "./machine-envelope.ts";

/** What SavedWork needs to turn a v86 state into a machine file and back. */
export interface MachinePacking {
  /** Packs `input.state`, which is transferred (detached in the caller) when packing runs elsewhere. */
  pack(input: EncodeMachineInput): Promise<Uint8Array>;
  /** Unpacks and verifies a machine file (the bytes stay the caller's); throws MachineFileError. */
  unpack(bytes: Uint8Array, maxStateBytes?: number): Promise<SavedMachine>;
}

/** Packing on the calling thread: Node's scripts and tests, and a page whose worker could not start. */
export const inPlacePacking: MachinePacking = {
  pack: (input) => encodeMachine(input),
  unpack: (bytes, maxStateBytes) => decodeMachine(bytes, maxStateBytes),
};

export type PackRequest =
  | { readonly type: "pack"; readonly id: number; readonly input: EncodeMachineInput }
  | { readonly type: "unpack"; readonly id: number; readonly bytes: Uint8Array; readonly maxStateBytes?: number };

export type PackReply =
  | { readonly type: "packed"; readonly id: number; readonly bytes: Uint8Array }
  | { readonly type: "unpacked"; readonly id: number; readonly machine: SavedMachine }
  /** `fileProblem`: the error was a MachineFileError of that kind (rebuilt on the page's side). */
  | { readonly type: "failed"; readonly id: number; readonly message: string; readonly fileProblem?: MachineFileProblem };

/** One end of a message channel: a Worker, a worker's own scope, a MessagePort. */
export interface PackPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** The worker's side: answers every request on `port` with the packed or unpacked machine. */
export function serveMachinePacking(port: PackPort): void {
  port.onmessage = (event: MessageEvent<PackRequest>) => void answer(port, event.data);
}

async function answer(port: PackPort, request: PackRequest): Promise<void> {
  try {
    if (request.type === "pack") {
      const bytes = await encodeMachine(request.input);
      port.postMessage({ type: "packed", id: request.id, bytes } satisfies PackReply, [bytes.buffer]);
    } else {
      const machine = await decodeMachine(request.bytes, request.maxStateBytes);
      port.postMessage({ type: "unpacked", id: request.id, machine } satisfies PackReply, [machine.state]);
    }
  } catch (error) {
    const message = errorText(error);
    const reply: PackReply =
      error instanceof MachineFileError ? { type: "failed", id: request.id, message, fileProblem: error.kind } : { type: "failed", id: request.id, message };
    port.postMessage(reply, []);
  }
}

/** Packing failed for a reason other than a damaged file (the worker died, ran out of memory). */
export class PackingError extends LabError<"failed"> {
  override readonly name = "PackingError";
}

/** The page's side: sends requests over `port` and resolves each with its reply. */
export class MachinePacker implements MachinePacking {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (reply: PackReply) => void; reject: (error: Error) => void }>();

  constructor(private readonly port: PackPort) {
    port.onmessage = (event: MessageEvent<PackReply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiting?.resolve(reply);
    };
  }

  async pack(input: EncodeMachineInput): Promise<Uint8Array> {
    const reply = await this.request((id) => ({ type: "pack", id, input }), [input.state]);
    if (reply.type !== "packed") throw new PackingError("failed", `unexpected reply ${reply.type}`);
    return reply.bytes;
  }

  async unpack(bytes: Uint8Array, maxStateBytes?: number): Promise<SavedMachine> {
    // The caller keeps its bytes (they may be stored after the resume), so they are copied, not transferred.
    const reply = await this.request((id) => ({ type: "unpack", id, bytes, ...(maxStateBytes === undefined ? {} : { maxStateBytes }) }), []);
    if (reply.type !== "unpacked") throw new PackingError("failed", `unexpected reply ${reply.type}`);
    return reply.machine;
  }

  /** Fails every request still waiting (the worker is gone): none of them will be answered. */
  failAll(message: string): void {
    for (const waiting of this.pending.values()) waiting.reject(new PackingError("failed", message));
    this.pending.clear();
  }

  private async request(make: (id: number) => PackRequest, transfer: Transferable[]): Promise<PackReply> {
    const id = this.nextId++;
    const reply = await new Promise<PackReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.postMessage(make(id), transfer);
    });
    if (reply.type === "failed") {
      throw reply.fileProblem ? new MachineFileError(reply.fileProblem, reply.message) : new PackingError("failed", reply.message);
    }
    return reply;
  }
}
