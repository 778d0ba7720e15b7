// The emulator's side of a VirtualMachine: owns one v86 instance and speaks emulator-protocol.ts. In the
// browser it runs in its own Web Worker (emulator-worker.ts), so each guest computes on its own core and
// never blocks the page; in Node it runs in the caller's thread (in-process-emulator.ts). Everything that
// must be synchronous with the emulator lives here: serial flow control (it reads the UART's queue),
// batching of output bytes, and the network cable (a MessagePort straight to the other machine's core).
import { V86, type V86Options } from "v86";
import type { CoreMessage, CoreStart, HostMessage, SerialPort } from "./emulator-protocol.ts";
import { LazyDisk } from "./lazy-disk.ts";
import { SerialWriter } from "./serial-writer.ts";
import { FreshMemoryZeroing } from "./fresh-memory-zeroing.ts";
import { errorText } from "../shared/error-text.ts";

export type CorePost = (message: CoreMessage, transfer?: Transferable[]) => void;

/** The console and the agent's port, plus the learner shells' ports the machine has UARTs for. */
function serialPorts(options: Partial<V86Options>): SerialPort[] {
  return [0, 1, ...(options.uart2 ? [2 as const] : []), ...(options.uart3 ? [3 as const] : [])];
}

export class EmulatorCore {
  private emulator: V86 | undefined;
  private disk: LazyDisk | undefined;
  private readonly writers = new Map<SerialPort, SerialWriter>();
  private readonly outputs = new Map<SerialPort, number[]>();
  private flushScheduled = false;
  private cable: MessagePort | null = null;
  private reportFrames = false;
  private stopped = false;
  private wasm: Promise<WebAssembly.Module | undefined> | undefined;
  private readonly zeroing = new FreshMemoryZeroing();

  constructor(private readonly post: CorePost) {}

  handle(message: HostMessage): void {
    switch (message.type) {
      case "prepare":
        this.prepare(message.wasmPath);
        return;
      case "start":
        this.start(message.start);
        return;
      case "serial":
        this.writers.get(message.port)?.write(message.bytes);
        return;
      case "frame":
        if (this.emulator) deliverFrame(this.emulator, message.frame);
        return;
      case "disk-part":
        this.disk?.receive(message.index, message.data);
        return;
      case "cable":
        this.plugCable(message.port, message.report);
        return;
      case "halt":
        void this.emulator?.stop();
        return;
      case "save":
        void this.reply(message.id, async () => {
          const state = await this.running().save_state();
          this.post({ type: "saved", id: message.id, state }, [state]);
        });
        return;
      case "put-file":
        void this.reply(message.id, async () => {
          await this.running().create_file(message.path, message.data);
          this.post({ type: "done", id: message.id });
        });
        return;
      case "take-file":
        void this.reply(message.id, async () => {
          // A copy: v86's file system may hand out a view of the buffer it keeps.
          const data = (await this.running().read_file(message.path)).slice();
          this.post({ type: "file", id: message.id, data }, [data.buffer]);
        });
        return;
      case "stop":
        void this.stop();
        return;
    }
  }

  /**
   * Starts compiling v86's wasm so the module is ready when the files arrive (v86 would fetch and compile
   * it only once it is created). A browser streams it from its URL (cached compiled by the browser); Node
   * reads the file, through process.getBuiltinModule so this module stays loadable in a worker.
   */
  private prepare(wasmPath: string): void {
    if (this.wasm) return;
    if (/^https?:/.test(wasmPath) && typeof WebAssembly.compileStreaming === "function") {
      this.wasm = WebAssembly.compileStreaming(fetch(wasmPath)).catch(() => undefined);
      return;
    }
    const fs = nodeFs();
    if (fs) this.wasm = WebAssembly.compile(fs.readFileSync(wasmPath)).catch(() => undefined);
  }

  /** v86's wasm_fn: instantiates the prepared module, whose memory zeroing spares fresh RAM. */
  private wasmInstantiator(): Pick<V86Options, "wasm_fn"> {
    const prepared = this.wasm;
    if (!prepared) return {};
    return {
      wasm_fn: async (imports) => {
        const module = await prepared;
        if (module) return this.zeroing.wrap((await WebAssembly.instantiate(module, imports)).exports);
        throw new Error("v86's WebAssembly module could not be loaded");
      },
    };
  }

  private start(start: CoreStart): void {
    if (this.emulator || this.stopped) return;
    const { files } = start;
    this.prepare(start.wasmPath);
    if (start.disk) this.disk = new LazyDisk(start.disk, (index) => this.post({ type: "disk-need", index }));
    const settings: V86Options = {
      wasm_path: start.wasmPath,
      bios: { buffer: files.bios },
      autostart: true,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
      ...(files.state
        ? { initial_state: { buffer: files.state } }
        : { bzimage: { buffer: files.kernel! }, initrd: { buffer: files.initrd! }, cmdline: files.cmdline ?? "" }),
      ...this.wasmInstantiator(),
      ...start.options,
      // v86 takes any object with load/get/set as a disk (its typings know only URLs and buffers).
      ...(this.disk ? { hda: this.disk as unknown as V86Options["hda"] } : {}),
    };
    let emulator: V86;
    try {
      emulator = new V86(settings);
    } catch (error) {
      this.post({ type: "error", message: errorText(error) });
      return;
    }
    this.emulator = emulator;
    for (const port of serialPorts(start.options)) {
      this.writers.set(port, new SerialWriter((bytes) => emulator.serial_send_bytes(port, bytes), () => uartQueueLength(emulator, port)));
      emulator.add_listener(`serial${port}-output-byte`, (byte: number) => this.onOutputByte(port, byte));
    }
    emulator.add_listener("net0-send", (frame: Uint8Array) => this.onFrameSent(frame));
    emulator.add_listener("emulator-started", () => {
      // v86 has copied the kernel and initrd into guest memory, or restored the state, by now: let the
      // downloaded files go rather than keep megabytes the running guest never reads again.
      settings.initial_state = undefined;
      settings.bzimage = undefined;
      settings.initrd = undefined;
      this.zeroing.ran();
      this.post({ type: "started" });
    });
  }

  private running(): V86 {
    if (!this.emulator || this.stopped) throw new Error("the machine is not running");
    return this.emulator;
  }

  private async reply(id: number, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.post({ type: "failed", id, message: errorText(error) });
    }
  }

  private plugCable(port: MessagePort | null, report: boolean): void {
    if (this.cable) {
      this.cable.onmessage = null;
      this.cable.close();
    }
    this.cable = port;
    this.reportFrames = report && port !== null;
    if (port) {
      // Setting onmessage starts the port: frames from the other machine go straight into this card.
      port.onmessage = (event: MessageEvent<Uint8Array>) => {
        if (this.emulator && !this.stopped) deliverFrame(this.emulator, event.data);
      };
    }
  }

  private onFrameSent(frame: Uint8Array): void {
    // v86 may hand out a view of a buffer it keeps using: copy before transferring.
    if (this.cable) {
      const copy = frame.slice();
      this.cable.postMessage(copy, [copy.buffer]);
    }
    if (this.reportFrames) {
      const copy = frame.slice();
      this.post({ type: "frame", frame: copy }, [copy.buffer]);
    }
  }

  private onOutputByte(port: SerialPort, byte: number): void {
    let batch = this.outputs.get(port);
    if (!batch) this.outputs.set(port, (batch = []));
    batch.push(byte);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // v86 reports one byte per event; send them as one message per task.
    queueMicrotask(() => this.flushOutput());
  }

  private flushOutput(): void {
    this.flushScheduled = false;
    for (const [port, batch] of this.outputs) {
      if (batch.length === 0) continue;
      const bytes = Uint8Array.from(batch);
      batch.length = 0;
      this.post({ type: "serial", port, bytes }, [bytes.buffer]);
    }
  }

  private async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const writer of this.writers.values()) writer.dispose();
    this.writers.clear();
    this.plugCable(null, false);
    this.disk = undefined;
    const emulator = this.emulator;
    this.emulator = undefined;
    try {
      if (emulator) await emulator.destroy();
    } finally {
      this.post({ type: "stopped" });
    }
  }
}

/** Node's fs where this runs in Node (the guest tests, the snapshot builder); undefined in a browser. */
function nodeFs(): NodeFs | undefined {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  return runtime?.getBuiltinModule?.("node:fs") as NodeFs | undefined;
}
/** The one part of Node's fs the core uses. */
interface NodeFs {
  readFileSync(path: string): Uint8Array<ArrayBuffer>;
}

/**
 * How many received bytes the guest has not read from serial port `port` yet. This reads v86 internals
 * (not in its typed API, but stable across its builds); undefined makes SerialWriter fall back to pacing.
 */
function uartQueueLength(emulator: V86, port: number): number | undefined {
  const internals = emulator as unknown as {
    v86?: { cpu?: { devices?: Record<string, { input?: { length?: unknown } } | undefined> } };
  };
  const length = internals.v86?.cpu?.devices?.[`uart${port}`]?.input?.length;
  return typeof length === "number" ? length : undefined;
}

/**
 * Puts a frame into the card's receive path. v86's bus is not in its typed API (it is what its own
 * network backends use, stable across its builds); without it the frame is dropped, like on a wire.
 */
function deliverFrame(emulator: V86, frame: Uint8Array): void {
  const internals = emulator as unknown as { bus?: { send?: (name: string, value: unknown) => void } };
  internals.bus?.send?.("net0-receive", frame);
}
