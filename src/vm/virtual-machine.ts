// One emulated PC: v86 with the lab's guest image, the learner's console on ttyS0 and the guest agent
// on ttyS1. This is the only module that touches v86. It runs unchanged in the browser and in Node.
import { V86, type V86Options } from "v86";
import { AgentClient, type AgentTransport } from "./agent-client.ts";
import { LineSplitter } from "./agent-protocol.ts";
import { AgentError } from "./agent-errors.ts";
import { AssetDownloadError, AssetsMissingError, type AssetSource } from "./asset-source.ts";
import { randomHex } from "./bytes.ts";
import { machineFingerprint, machineOptions } from "./machine-options.ts";
import { snapshotIncompatibility, type GuestManifest, type ManifestFile, type StateOrigin } from "./manifest.ts";
import { sharePath } from "./file-share.ts";
import { SerialWriter } from "./serial-writer.ts";
import { SerialLines, extraShellPorts, type SerialLineOutput } from "./serial-lines.ts";
import { TypedEvents, type Unsubscribe } from "./typed-events.ts";
import { withTimeout } from "./with-timeout.ts";
import { transition, type BootMode, type VmFailure, type VmFailureKind, type VmNotice, type VmState } from "./vm-state.ts";

export interface VirtualMachineOptions {
  readonly manifest: GuestManifest;
  readonly assets: AssetSource;
  /** v86.wasm: a URL in the browser, a file path in Node. */
  readonly wasmPath: string;
  /** The version of the v86 build this code runs with (a snapshot from another one is refused). */
  readonly v86Version: string;
  /** "restore" resumes the build-time snapshot (falls back to a cold boot when it is incompatible). */
  readonly mode: BootMode;
  /** Cold boot only: show every kernel message on the console instead of booting quietly. */
  readonly verboseBoot?: boolean;
  /** How long the guest may take to answer its agent after boot (default 60 s, 20 s for a restore). */
  readonly bootTimeoutMs?: number;
  /** Extra v86 options (e.g. a network device) merged over the lab's defaults. */
  readonly v86Options?: Partial<V86Options>;
  /**
   * Resume this state (from saveState(), e.g. the learner's saved machine) instead of the build-time
   * snapshot; needs mode "restore". The caller checks its origin against runningOrigin() first: a state
   * from another v86 build or machine would crash the guest.
   */
  readonly resume?: ResumeState;
}

export interface ResumeState {
  /** v86's serialized state, as saveState() returned it. */
  readonly state: ArrayBuffer;
  /** What the console showed when it was saved, replayed into the terminal. */
  readonly console: string;
}

/** What a state saved by this page is tied to: the v86 build, the emulated hardware and the image. */
export function runningOrigin(manifest: GuestManifest, v86Version: string): Required<StateOrigin> {
  return { v86Version, machine: machineFingerprint(manifest), inputsKey: manifest.inputsKey };
}

export interface VmEvents {
  state: VmState;
  /** Bytes the guest wrote to the learner's console (ttyS0), batched per task. */
  console: Uint8Array;
  /** Something the learner should know that is not an error (e.g. a refused snapshot). */
  notice: VmNotice;
  /** An Ethernet frame the guest's network card put on the wire (see network-link.ts). */
  frame: Uint8Array;
  /** Bytes a learner shell on another serial port (ttyS2, ttyS3) wrote, batched per task. */
  line: SerialLineOutput;
}

export class VmError extends Error {
  override readonly name = "VmError";
  constructor(readonly failure: VmFailure) {
    super(failure.message);
  }
}

const PANIC_MARKER = "Kernel panic - not syncing";
const CONSOLE_TRANSCRIPT_LIMIT = 256 * 1024;
const encoder = new TextEncoder();

/** Serial port transport for the agent: bytes from ttyS1 become lines, text goes back as bytes. */
class SerialTransport implements AgentTransport {
  private readonly splitter = new LineSplitter();
  private readonly listeners = new Set<(line: string) => void>();
  writer: SerialWriter | undefined;

  receive(byte: number): void {
    const line = this.splitter.pushByte(byte);
    if (line !== undefined) for (const listener of this.listeners) listener(line);
  }

  send(text: string): void {
    this.writer?.write(encoder.encode(text));
  }

  onLine(listener: (line: string) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export class VirtualMachine {
  readonly events = new TypedEvents<VmEvents>();
  readonly agent: AgentClient;
  private current: VmState = { phase: "idle" };
  private emulator: V86 | undefined;
  private consoleWriter: SerialWriter | undefined;
  private lines: SerialLines | undefined;
  private readonly transport = new SerialTransport();
  private readonly abort = new AbortController();
  private consoleBatch: number[] = [];
  private consoleTail = "";
  private transcript: number[] = [];
  private consoleFlushScheduled = false;
  private bootStarted = 0;

  constructor(private readonly options: VirtualMachineOptions) {
    this.agent = new AgentClient(this.transport);
  }

  get state(): VmState {
    return this.current;
  }

  /** Everything the console showed since this VM started (the boot log after a cold boot). */
  consoleTranscript(): string {
    return new TextDecoder().decode(new Uint8Array(this.transcript));
  }

  /** Loads the files, starts the emulator and resolves once the guest agent answers. */
  async start(): Promise<void> {
    if (this.current.phase !== "idle") throw new Error(`start() called on a VM that is ${this.current.phase}`);
    try {
      let mode = this.options.mode;
      const incompatible = snapshotIncompatibility(this.options.manifest, {
        v86Version: this.options.v86Version,
        machine: machineFingerprint(this.options.manifest),
      });
      if (mode === "restore" && incompatible && !this.options.resume) {
        mode = "cold";
        this.events.emit("notice", { kind: "snapshot-refused", detail: incompatible });
      }
      const buffers = await this.loadFiles(mode);
      this.setState({ phase: "booting", mode });
      await this.boot(mode, buffers);
    } catch (error) {
      // dispose() may have run while start() awaited; TypeScript still narrows `this.current.phase` to
      // "idle" from the check above, so compare through a method (a direct comparison fails tsc).
      if (this.isDisposed()) return;
      const failure = toFailure(error);
      this.fail(failure);
      throw new VmError(failure);
    }
  }

  /** Types into the learner's console, as if from a keyboard on the serial line. */
  sendConsole(data: string | Uint8Array): void {
    if (this.current.phase !== "ready") return;
    this.consoleWriter?.write(typeof data === "string" ? encoder.encode(data) : data);
  }

  /** The serial ports with a learner shell besides the console (see serial-lines.ts). */
  get shellPorts(): number[] {
    return extraShellPorts(this.options.manifest.vm.uarts);
  }

  /** Types into the learner shell on serial port `port` (one of shellPorts). */
  sendLine(port: number, data: string | Uint8Array): void {
    if (this.current.phase !== "ready") return;
    this.lines?.send(port, typeof data === "string" ? encoder.encode(data) : data);
  }

  /** Hands an Ethernet frame to the guest's network card, as if it arrived on its cable. */
  receiveFrame(frame: Uint8Array): void {
    if (this.current.phase !== "ready" && this.current.phase !== "booting") return;
    if (this.emulator) deliverFrame(this.emulator, frame);
  }

  /** Tells the guest the terminal's size so full-screen programs and line wrapping fit. */
  resizeConsole(rows: number, cols: number): void {
    if (this.current.phase !== "ready") return;
    this.agent.setWindowSize(rows, cols, { timeoutMs: 5000 }).catch(() => {
      // A resize lost while the guest is busy is harmless: the next one wins.
    });
  }

  /** Puts a file into the file-exchange share (see file-share.ts). */
  async putSharedFile(name: string, data: Uint8Array): Promise<void> {
    await this.runningEmulator().create_file(sharePath(name), data);
  }

  /** Reads a file the guest put into the file-exchange share. */
  async takeSharedFile(name: string): Promise<Uint8Array> {
    return this.runningEmulator().read_file(sharePath(name));
  }

  /** The emulator's complete state, as v86 serializes it (restore it with the same build and options). */
  async saveState(): Promise<ArrayBuffer> {
    if (!this.emulator || this.current.phase !== "ready") throw new Error("saveState() needs a running VM");
    return this.emulator.save_state();
  }

  /** Stops the emulator and releases its memory; safe to call in any state, more than once. */
  async dispose(): Promise<void> {
    if (this.current.phase === "disposed") return;
    this.setState({ phase: "disposed" });
    this.abort.abort();
    this.agent.dispose();
    const emulator = this.emulator;
    this.emulator = undefined;
    this.consoleWriter?.dispose();
    this.transport.writer?.dispose();
    this.lines?.dispose();
    this.lines = undefined;
    // The writers' closures hold the emulator: drop them, or a disposed VM that is still referenced
    // (a test, the bench) keeps its guest's RAM alive.
    this.consoleWriter = undefined;
    this.transport.writer = undefined;
    this.events.clear();
    if (emulator) await emulator.destroy();
  }

  private runningEmulator(): V86 {
    if (!this.emulator || this.current.phase !== "ready") throw new Error("the machine is not running");
    return this.emulator;
  }

  private isDisposed(): boolean {
    return this.current.phase === "disposed";
  }

  private setState(next: VmState): void {
    this.current = transition(this.current, next);
    this.events.emit("state", this.current);
  }

  private fail(failure: VmFailure): void {
    if (this.current.phase === "error" || this.current.phase === "disposed") return;
    this.setState({ phase: "error", failure });
    void this.emulator?.stop();
  }

  private async loadFiles(mode: BootMode): Promise<Map<string, ArrayBuffer>> {
    const { files } = this.options.manifest;
    const wanted: [string, ManifestFile][] =
      mode === "restore"
        ? this.options.resume
          ? [["bios", files.bios]]
          : [["bios", files.bios], ["state", files.state]]
        : [["bios", files.bios], ["kernel", files.kernel], ["initrd", files.initrd]];
    const totalBytes = wanted.reduce((n, [, f]) => n + f.size, 0);
    const loaded = new Map<string, number>();
    const report = (): void => {
      if (this.current.phase !== "idle" && this.current.phase !== "loading") return;
      const loadedBytes = [...loaded.values()].reduce((a, b) => a + b, 0);
      this.setState({ phase: "loading", mode, loadedBytes, totalBytes });
    };
    report();
    const buffers = await Promise.all(
      wanted.map(async ([name, file]) => {
        const buffer = await this.options.assets.load(
          file,
          (bytes) => {
            loaded.set(name, bytes);
            report();
          },
          this.abort.signal,
        );
        loaded.set(name, file.size);
        return [name, buffer] as const;
      }),
    );
    report();
    return new Map(buffers);
  }

  private async boot(mode: BootMode, buffers: Map<string, ArrayBuffer>): Promise<void> {
    const { manifest } = this.options;
    const file = (name: string): { buffer: ArrayBuffer } => ({ buffer: buffers.get(name)! });
    const cmdline = this.options.verboseBoot
      ? manifest.vm.cmdline.replace(/\bquiet\b/, "loglevel=7").trim()
      : manifest.vm.cmdline;
    const settings: V86Options = {
      wasm_path: this.options.wasmPath,
      bios: file("bios"),
      autostart: true,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
      ...machineOptions(manifest),
      ...(mode === "restore"
        ? { initial_state: this.options.resume ? { buffer: this.options.resume.state } : file("state") }
        : { bzimage: file("kernel"), initrd: file("initrd"), cmdline }),
      ...this.options.v86Options,
    };

    this.bootStarted = performance.now();
    const emulator = new V86(settings);
    this.emulator = emulator;
    this.consoleWriter = new SerialWriter((bytes) => emulator.serial_send_bytes(0, bytes), () => uartQueueLength(emulator, 0));
    this.transport.writer = new SerialWriter((bytes) => emulator.serial_send_bytes(1, bytes), () => uartQueueLength(emulator, 1));
    emulator.add_listener("serial0-output-byte", (byte) => this.onConsoleByte(byte));
    emulator.add_listener("serial1-output-byte", (byte) => this.transport.receive(byte));
    this.lines = new SerialLines(
      this.shellPorts,
      {
        send: (port, bytes) => emulator.serial_send_bytes(port, bytes),
        onByte: (port, listener) => emulator.add_listener(port === 2 ? "serial2-output-byte" : "serial3-output-byte", listener),
        queueLength: (port) => uartQueueLength(emulator, port),
      },
      (output) => this.events.emit("line", output),
    );
    // The card has no backend of its own (machine-options.ts): whoever listens decides where frames go.
    emulator.add_listener("net0-send", (frame: Uint8Array) => this.events.emit("frame", frame));

    const timeoutMs = this.options.bootTimeoutMs ?? (mode === "restore" ? 20_000 : 60_000);
    const bootId = await withTimeout(
      mode === "restore" ? this.resumeAgent(emulator) : this.waitForAgentReady(),
      timeoutMs,
      () => new BootTimeoutError(`The guest did not answer within ${Math.round(timeoutMs / 1000)} s of starting.`),
    );
    if (this.current.phase !== "booting") return;
    if (mode === "restore") {
      // The snapshot's clock stopped when it was saved; the learner expects today's date.
      await this.agent.setClock(Date.now(), { timeoutMs: 5000 }).catch(() => undefined);
    }
    this.setState({ phase: "ready", mode, bootMs: performance.now() - this.bootStarted, bootId });
  }

  private waitForAgentReady(): Promise<string> {
    return new Promise((resolve) => {
      const off = this.agent.events.on("ready", ({ bootId }) => {
        off();
        resolve(bootId);
      });
    });
  }

  /** After a restore the agent is already running: it does not announce itself, so ask it. */
  private async resumeAgent(emulator: V86): Promise<string> {
    await new Promise<void>((resolve) => {
      // Serial input sent before the emulator runs is lost.
      if (emulator.is_running()) resolve();
      else emulator.add_listener("emulator-started", () => resolve());
    });
    this.replaySnapshotConsole();
    this.transport.send("\n"); // ends any half-received line in the agent
    for (;;) {
      if (this.current.phase !== "booting") return "";
      try {
        await this.agent.ping({ timeoutMs: 1000, signal: this.abort.signal });
        // One script (each costs a shell start in the guest): every restore resumes the same random
        // pool, so mix in fresh host entropy (two machines restored from one snapshot must not produce
        // the same mktemp names or keys), and read the boot id.
        const result = await this.agent.run(
          `echo ${randomHex(64)} > /dev/urandom; cat /proc/sys/kernel/random/boot_id`,
          { timeoutMs: 5000 },
        );
        return new TextDecoder().decode(result.stdout).trim();
      } catch (error) {
        if (!(error instanceof AgentError) || this.abort.signal.aborted) throw error;
      }
    }
  }

  /** The terminal shows what the machine's console showed when the snapshot was saved. */
  private replaySnapshotConsole(): void {
    const text = this.options.resume ? this.options.resume.console : this.options.manifest.snapshot.console;
    if (text) this.events.emit("console", encoder.encode(text));
  }

  private onConsoleByte(byte: number): void {
    this.consoleBatch.push(byte);
    if (this.transcript.length < CONSOLE_TRANSCRIPT_LIMIT) this.transcript.push(byte);
    if (this.consoleFlushScheduled) return;
    this.consoleFlushScheduled = true;
    // v86 reports one byte per event; deliver them as one chunk per task.
    queueMicrotask(() => this.flushConsole());
  }

  private flushConsole(): void {
    this.consoleFlushScheduled = false;
    const chunk = Uint8Array.from(this.consoleBatch);
    this.consoleBatch = [];
    this.events.emit("console", chunk);
    // Only the end of a chunk can complete the marker; spreading a whole large chunk would overflow
    // the engine's argument limit.
    this.consoleTail = (this.consoleTail + String.fromCharCode(...chunk.subarray(-256))).slice(-256);
    if (this.consoleTail.includes(PANIC_MARKER)) {
      this.consoleTail = "";
      this.fail({ kind: "kernel-panic", message: "The guest kernel panicked. Reset the machine to continue." });
    }
  }
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

function toFailure(error: unknown): VmFailure {
  const message = error instanceof Error ? error.message : String(error);
  let kind: VmFailureKind = "emulator-error";
  if (error instanceof AssetsMissingError) kind = "assets-missing";
  else if (error instanceof AssetDownloadError) kind = "download-failed";
  else if (error instanceof BootTimeoutError) kind = "boot-timeout";
  return { kind, message };
}

class BootTimeoutError extends Error {
  override readonly name = "BootTimeoutError";
}
