// One emulated PC: v86 with the lab's guest image, the learner's console on ttyS0 and the guest agent
// on ttyS1. This is the host's side of the machine: its lifecycle, files, console and agent. The emulator
// itself runs in an EmulatorCore reached by messages (emulator-protocol.ts): in its own Web Worker in the
// browser (worker-emulator.ts), in the same thread in Node (in-process-emulator.ts, the default).
import type { V86Options } from "v86";
import { AgentClient, type AgentTransport } from "./agent-client.ts";
import { LineSplitter } from "./agent-protocol.ts";
import { AgentError } from "./agent-errors.ts";
import type { AssetSource } from "./asset-source.ts";
import { randomHex } from "../shared/bytes.ts";
import { isShellPort, type CoreBootFiles, type CoreMessage, type EmulatorChannel, type EmulatorLauncher, type HostMessage, type ShellPort } from "./emulator-protocol.ts";
import { DiskFeeder } from "./disk-feeder.ts";
import { extraShellPorts, machineFingerprint, machineOptions } from "./machine-options.ts";
import { snapshotIncompatibility, type GuestManifest, type ManifestFile, type StateOrigin } from "./manifest.ts";
import { sharePath } from "./file-share.ts";
import { TypedEvents, type Unsubscribe } from "../shared/typed-events.ts";
import { withTimeout } from "../shared/with-timeout.ts";
import { transition, type BootMode, type VmFailure, type VmNotice, type VmState } from "./vm-state.ts";
import { BootTimeoutError, VmError, failureOf } from "./vm-failure.ts";

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
  /** Where the emulator runs: in this thread unless given (the page passes workerEmulator). */
  readonly launchEmulator?: EmulatorLauncher;
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

/** Bytes a learner shell on another serial port (ttyS2, ttyS3) wrote, batched per task. */
export interface SerialLineOutput {
  readonly port: ShellPort;
  readonly bytes: Uint8Array;
}

export interface VmEvents {
  state: VmState;
  /** Bytes the guest wrote to the learner's console (ttyS0), batched per task. */
  console: Uint8Array;
  /** Something the learner should know that is not an error (e.g. a refused snapshot). */
  notice: VmNotice;
  /** A copy of a frame the guest's card put on its cable, while one that reports is plugged (network-link.ts). */
  frame: Uint8Array;
  /** Bytes a learner shell on another serial port (ttyS2, ttyS3) wrote, batched per task. */
  line: SerialLineOutput;
}

export { VmError } from "./vm-failure.ts";

const PANIC_MARKER = "Kernel panic - not syncing";
const CONSOLE_TRANSCRIPT_LIMIT = 256 * 1024;
const encoder = new TextEncoder();

/** Serial port transport for the agent: bytes from ttyS1 become lines, text goes back as bytes. */
class SerialTransport implements AgentTransport {
  private readonly splitter = new LineSplitter();
  private readonly listeners = new Set<(line: string) => void>();
  write: ((bytes: Uint8Array) => void) | undefined;

  receive(bytes: Uint8Array): void {
    for (const byte of bytes) {
      const line = this.splitter.pushByte(byte);
      if (line !== undefined) for (const listener of this.listeners) listener(line);
    }
  }

  send(text: string): void {
    this.write?.(encoder.encode(text));
  }

  onLine(listener: (line: string) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

interface Request {
  readonly resolve: (message: CoreMessage) => void;
  readonly reject: (error: Error) => void;
}

/** How long a stopping emulator may take to release its memory before its thread is ended anyway. */
const STOP_TIMEOUT_MS = 5000;

export class VirtualMachine {
  readonly events = new TypedEvents<VmEvents>();
  readonly agent: AgentClient;
  private current: VmState = { phase: "idle" };
  private channel: EmulatorChannel | undefined;
  private readonly transport = new SerialTransport();
  private readonly abort = new AbortController();
  private consoleTail = "";
  private transcript: number[] = [];
  private bootStarted = 0;
  private started: Promise<void> | undefined;
  private markStarted: () => void = () => {};
  private stopped: (() => void) | undefined;
  private readonly requests = new Map<number, Request>();
  private nextRequestId = 1;
  /** Rejects when the machine fails while it boots, so start() does not wait for its timeout. */
  private readonly bootFailed: Promise<never>;
  private rejectBoot: (error: Error) => void = () => {};
  private readonly disk: DiskFeeder;

  constructor(private readonly options: VirtualMachineOptions) {
    this.agent = new AgentClient(this.transport);
    this.bootFailed = new Promise<never>((_, reject) => {
      this.rejectBoot = reject;
    });
    this.bootFailed.catch(() => undefined);
    this.disk = new DiskFeeder(options.manifest.disk, options.assets, (error) => this.fail(failureOf(error)), this.abort.signal);
  }

  /**
   * The /usr disk's parts the guest asked for and had not been sent ahead, in the order it asked: the
   * image build records a boot's and a resume's (manifest `disk.prefetch`), the bench counts them.
   */
  diskPartsAsked(): number[] {
    return [...this.disk.asked];
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
      mark("start");
      // The disk's parts this start reads first download beside its other files.
      this.disk.prefetch(mode === "restore" ? this.options.manifest.disk.prefetch.resume : this.options.manifest.disk.prefetch.boot);
      // The emulator's thread starts (and compiles v86's wasm) while the files download.
      const [channel, buffers] = await Promise.all([this.launch(), this.loadFiles(mode)]);
      mark("files-loaded");
      if (this.isDisposed()) return;
      this.setState({ phase: "booting", mode });
      await this.boot(mode, channel, buffers);
    } catch (error) {
      // dispose() may have run while start() awaited; TypeScript still narrows `this.current.phase` to
      // "idle" from the check above, so compare through a method (a direct comparison fails tsc).
      if (this.isDisposed()) return;
      if (error instanceof VmError) throw error;
      const failure = failureOf(error);
      this.fail(failure);
      throw new VmError(failure);
    }
  }

  /** Types into the learner's console, as if from a keyboard on the serial line. */
  sendConsole(data: string | Uint8Array): void {
    if (this.current.phase !== "ready") return;
    this.post({ type: "serial", port: 0, bytes: typeof data === "string" ? encoder.encode(data) : data });
  }

  /** The serial ports with a learner shell besides the console (ttyS2, ttyS3; see machine-options.ts). */
  get shellPorts(): ShellPort[] {
    return extraShellPorts(this.options.manifest.vm.uarts);
  }

  /** Types into the learner shell on serial port `port` (one of shellPorts). */
  sendLine(port: number, data: string | Uint8Array): void {
    if (this.current.phase !== "ready") return;
    if (!isShellPort(port) || !this.shellPorts.includes(port)) return;
    this.post({ type: "serial", port, bytes: typeof data === "string" ? encoder.encode(data) : data });
  }

  /** Hands an Ethernet frame to the guest's network card, as if it arrived on its cable. */
  receiveFrame(frame: Uint8Array): void {
    if (this.current.phase !== "ready" && this.current.phase !== "booting") return;
    this.post({ type: "frame", frame });
  }

  /**
   * Plugs the card's cable into `port` (network-link.ts gives the other end to another machine), so
   * frames go emulator to emulator without passing through this thread; null pulls it out. With
   * `report`, every frame the card sends is also announced as a "frame" event.
   */
  plugCable(port: MessagePort | null, report: boolean): void {
    if (!this.channel || this.isDisposed()) {
      port?.close();
      return;
    }
    this.post({ type: "cable", port, report }, port ? [port] : []);
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
    const path = sharePath(name);
    await this.request((id) => ({ type: "put-file", id, path, data }));
  }

  /** Reads a file the guest put into the file-exchange share. */
  async takeSharedFile(name: string): Promise<Uint8Array> {
    const path = sharePath(name);
    const reply = await this.request((id) => ({ type: "take-file", id, path }));
    if (reply.type !== "file") throw new Error(`unexpected reply ${reply.type}`);
    return reply.data;
  }

  /** The emulator's complete state, as v86 serializes it (restore it with the same build and options). */
  async saveState(): Promise<ArrayBuffer> {
    if (this.current.phase !== "ready") throw new Error("saveState() needs a running VM");
    const reply = await this.request((id) => ({ type: "save", id }));
    if (reply.type !== "saved") throw new Error(`unexpected reply ${reply.type}`);
    return reply.state;
  }

  /** Stops the emulator and releases its memory; safe to call in any state, more than once. */
  async dispose(): Promise<void> {
    if (this.current.phase === "disposed") return;
    this.setState({ phase: "disposed" });
    this.abort.abort();
    this.agent.dispose();
    this.transport.write = undefined;
    this.events.clear();
    this.failRequests(new Error("the machine was shut down"));
    const channel = this.channel;
    this.channel = undefined;
    if (!channel) return;
    // The core destroys v86 (its memory goes back at once), then the worker itself is ended.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, STOP_TIMEOUT_MS);
      this.stopped = () => {
        clearTimeout(timer);
        resolve();
      };
      channel.post({ type: "stop" });
    });
    channel.close();
  }

  private async launch(): Promise<EmulatorChannel> {
    const launcher = this.options.launchEmulator ?? (async () => (await import("./in-process-emulator.ts")).inProcessEmulator());
    const channel = await launcher();
    if (this.isDisposed()) {
      channel.close();
      return channel;
    }
    this.channel = channel;
    channel.onMessage((message) => this.onCoreMessage(message));
    channel.post({ type: "prepare", wasmPath: this.options.wasmPath });
    this.transport.write = (bytes) => this.post({ type: "serial", port: 1, bytes });
    return channel;
  }

  private post(message: HostMessage, transfer?: Transferable[]): void {
    this.channel?.post(message, transfer);
  }

  private request(make: (id: number) => HostMessage): Promise<CoreMessage> {
    if (!this.channel || this.current.phase !== "ready") return Promise.reject(new Error("the machine is not running"));
    const id = this.nextRequestId++;
    return new Promise<CoreMessage>((resolve, reject) => {
      this.requests.set(id, { resolve, reject });
      this.post(make(id));
    });
  }

  private failRequests(error: Error): void {
    for (const request of this.requests.values()) request.reject(error);
    this.requests.clear();
  }

  private onCoreMessage(message: CoreMessage): void {
    switch (message.type) {
      case "started":
        mark("emulator-started");
        this.markStarted();
        return;
      case "serial":
        if (message.port === 0) this.onConsole(message.bytes);
        else if (message.port === 1) this.transport.receive(message.bytes);
        else this.events.emit("line", { port: message.port, bytes: message.bytes });
        return;
      case "frame":
        this.events.emit("frame", message.frame);
        return;
      case "disk-need":
        this.disk.need(message.index);
        return;
      case "saved":
      case "file":
      case "done":
      case "failed": {
        const request = this.requests.get(message.id);
        this.requests.delete(message.id);
        if (message.type === "failed") request?.reject(new Error(message.message));
        else request?.resolve(message);
        return;
      }
      case "error":
        this.fail({ kind: "emulator-error", message: message.message });
        return;
      case "stopped":
        this.stopped?.();
        return;
    }
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
    this.failRequests(new Error(failure.message));
    this.markStarted();
    this.rejectBoot(new VmError(failure));
    // The CPU stops; its memory is released when the owner disposes the VM.
    this.post({ type: "halt" });
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

  private async boot(mode: BootMode, channel: EmulatorChannel, buffers: Map<string, ArrayBuffer>): Promise<void> {
    const { manifest } = this.options;
    const cmdline = this.options.verboseBoot
      ? manifest.vm.cmdline.replace(/\bquiet\b/, "loglevel=7").trim()
      : manifest.vm.cmdline;
    const bios = buffers.get("bios")!;
    const files: CoreBootFiles =
      mode === "restore"
        ? { bios, state: this.options.resume ? this.options.resume.state : buffers.get("state")! }
        : { bios, kernel: buffers.get("kernel")!, initrd: buffers.get("initrd")!, cmdline };
    // The downloaded files move to the emulator's thread (no copy); this side keeps none of them. A
    // learner's saved state is copied instead: its owner may still need it (a retry, an export).
    const transfer = [files.bios, files.kernel, files.initrd, this.options.resume ? undefined : files.state].filter(
      (b): b is ArrayBuffer => b !== undefined,
    );
    buffers.clear();
    this.started = new Promise<void>((resolve) => {
      this.markStarted = resolve;
    });
    this.bootStarted = performance.now();
    channel.post(
      {
        type: "start",
        start: {
          wasmPath: this.options.wasmPath,
          options: { ...machineOptions(manifest), ...this.options.v86Options },
          files,
          disk: { size: manifest.disk.size, chunkSize: manifest.disk.chunkSize },
        },
      },
      transfer,
    );
    this.disk.attach((index, data) => this.post({ type: "disk-part", index, data }, [data]));

    const timeoutMs = this.options.bootTimeoutMs ?? (mode === "restore" ? 20_000 : 60_000);
    const bootId = await withTimeout(
      Promise.race([mode === "restore" ? this.resumeAgent() : this.waitForAgentReady(), this.bootFailed]),
      timeoutMs,
      () => new BootTimeoutError(`The guest did not answer within ${Math.round(timeoutMs / 1000)} s of starting.`),
    );
    if (this.current.phase !== "booting") return;
    mark("agent-answered");
    mark("ready");
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
  private async resumeAgent(): Promise<string> {
    // Serial input sent before the emulator runs is lost.
    await this.started;
    this.replaySnapshotConsole();
    this.transport.send("\n"); // ends any half-received line in the agent
    for (;;) {
      if (this.current.phase !== "booting") return "";
      try {
        await this.agent.ping({ timeoutMs: 1000, signal: this.abort.signal });
        // The snapshot's clock stopped when it was saved, and every restore resumes the same random
        // pool: the agent sets today's time and mixes in fresh host entropy, and reads the boot id.
        return await this.agent.resume(Date.now(), randomHex(64), { timeoutMs: 5000, signal: this.abort.signal });
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

  private onConsole(chunk: Uint8Array): void {
    const room = CONSOLE_TRANSCRIPT_LIMIT - this.transcript.length;
    if (room > 0) for (const byte of chunk.subarray(0, room)) this.transcript.push(byte);
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

/** A user-timing mark ("lab-vm:ready", ...): where a start spends its time shows in the bench and devtools. */
function mark(step: string): void {
  performance.mark(`lab-vm:${step}`);
}

