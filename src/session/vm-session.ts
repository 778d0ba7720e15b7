// The learner's machine as the page sees it: owns the current VirtualMachine, replaces it on reset or
// cold boot, and turns its lifecycle into one SessionState the UI renders. It also keeps the console
// output of the current machine (so a terminal attached late shows everything) and watches the
// guest's liveness while it is ready. Not a Lit element: elements get it through @lit/context.
import type { AssetSource } from "../vm/asset-source.ts";
import { parseManifest, type GuestManifest, type StateOrigin } from "../vm/manifest.ts";
import { TypedEvents, type Unsubscribe } from "../shared/typed-events.ts";
import { VirtualMachine, VmError, runningOrigin, type ResumeState, type VirtualMachineOptions } from "../vm/virtual-machine.ts";
import type { BootMode, VmFailure, VmNotice, VmState } from "../vm/vm-state.ts";
import { failureOf } from "../vm/vm-failure.ts";
import { maxStateBytes } from "../vm/state-size.ts";
import { LivenessWatchdog } from "./liveness-watchdog.ts";
import { CommandSettle } from "./command-settle.ts";

export type SessionState =
  /** Fetching the guest manifest before a machine exists. */
  | { readonly phase: "starting"; readonly mode: BootMode }
  | { readonly phase: "loading"; readonly mode: BootMode; readonly loadedBytes: number; readonly totalBytes: number }
  | { readonly phase: "booting"; readonly mode: BootMode }
  | { readonly phase: "ready"; readonly mode: BootMode; readonly bootMs: number; readonly bootId: string }
  /** The machine runs but its guest stopped answering the liveness probe. */
  | { readonly phase: "unresponsive"; readonly mode: BootMode; readonly bootMs: number; readonly bootId: string }
  | { readonly phase: "error"; readonly failure: VmFailure };

export type SessionPhase = SessionState["phase"];

/** A machine exists and runs (it may not be answering right now): the one test for "is running". */
export function isRunning(state: SessionState | undefined): boolean {
  return state?.phase === "ready" || state?.phase === "unresponsive";
}

/** A new machine replaced the previous one: whatever showed the old console starts afresh. */
export interface MachineChange {
  readonly generation: number;
  readonly mode: BootMode;
}

export interface VmSessionEvents {
  state: SessionState;
  /** Bytes the current machine wrote to the learner's console. */
  console: Uint8Array;
  /** Something the learner should know that is not an error (e.g. the snapshot was refused). */
  notice: VmNotice;
  machine: MachineChange;
  /** The learner typed (or pasted) into one of the machine's shells (what changes their work); what it
   * echoes back arrives as `console` or on that shell's line. */
  input: undefined;
  /** The learner pressed Enter in a shell and the shells have been quiet since (command-settle.ts). */
  settled: undefined;
}

export interface VmSessionOptions {
  readonly assets: AssetSource;
  readonly wasmPath: string;
  readonly v86Version: string;
  /** Creates the machine (tests pass a fake); defaults to `new VirtualMachine(options)`. */
  readonly createMachine?: (options: VirtualMachineOptions) => VirtualMachine;
  /** Liveness probe pacing (see LivenessWatchdog); the probe is an agent ping. */
  readonly liveness?: {
    readonly intervalMs?: number;
    readonly pingTimeoutMs?: number;
    readonly maxMisses?: number;
    readonly isPaused?: () => boolean;
  };
}

interface Launch {
  readonly mode: BootMode;
  readonly verboseBoot: boolean;
  /** A saved machine to resume instead of the pristine snapshot. */
  readonly resume?: ResumeState;
}

/**
 * Sent to a resumed machine's console: Ctrl-U, which empties the line being typed (the shell's line
 * editor and the terminal's line discipline both honour it). A machine saved mid-command otherwise keeps
 * the half-typed text, invisible after the replay, and the next command runs with it in front.
 */
export const CLEAR_TYPED_LINE = "\x15";

/** Console output kept for a terminal that attaches late (the cold-boot log is ~40 kB). */
const BACKLOG_LIMIT = 1024 * 1024;

export class VmSession {
  readonly events = new TypedEvents<VmSessionEvents>();
  private current: SessionState = { phase: "starting", mode: "restore" };
  private machine: VirtualMachine | undefined;
  private machineSubscriptions: Unsubscribe[] = [];
  private generationCounter = 0;
  private started = false;
  private disposed = false;
  private lastLaunch: Launch = { mode: "restore", verboseBoot: false };
  private backlog: Uint8Array[] = [];
  private backlogBytes = 0;
  private consoleSize: { rows: number; cols: number } | undefined;
  private watchdog: LivenessWatchdog | undefined;
  private manifest: Promise<GuestManifest> | undefined;
  private readonly settle = new CommandSettle(() => this.events.emit("settled", undefined));

  constructor(private readonly options: VmSessionOptions) {}

  get state(): SessionState {
    return this.current;
  }

  /** Counts machines: 1 for the first one, +1 for every reset, cold boot or retry. */
  get generation(): number {
    return this.generationCounter;
  }

  /** The running machine, e.g. for checks that talk to its agent; undefined between machines. */
  get vm(): VirtualMachine | undefined {
    return this.machine;
  }

  /** Everything the current machine has written to its console so far, oldest first. */
  consoleBacklog(): readonly Uint8Array[] {
    return this.backlog;
  }

  /** Starts the first machine from the pristine snapshot; later calls do nothing. */
  start(): Promise<void> {
    if (this.started) return Promise.resolve();
    this.started = true;
    return this.launch({ mode: "restore", verboseBoot: false });
  }

  /** Starts (or replaces the current machine with) a saved machine's state. */
  resume(state: ResumeState): Promise<void> {
    this.started = true;
    return this.launch({ mode: "restore", verboseBoot: false, resume: state });
  }

  /** What a state saved by this page is tied to (the v86 build, the hardware, the guest image). */
  async origin(): Promise<Required<StateOrigin>> {
    return runningOrigin(await this.loadManifest(), this.options.v86Version);
  }

  /** The largest v86 state this page's guest image can save (to bound an imported machine file). */
  async maxStateBytes(): Promise<number> {
    return maxStateBytes((await this.loadManifest()).vm);
  }

  /** The running machine's v86 state; throws when no machine is ready. */
  async saveState(): Promise<ArrayBuffer> {
    const machine = this.machine;
    if (!machine || (this.current.phase !== "ready" && this.current.phase !== "unresponsive")) {
      throw new Error("there is no running machine to save");
    }
    return machine.saveState();
  }

  /** The current machine's console output kept so far, as text. */
  consoleText(): string {
    const decoder = new TextDecoder();
    return this.backlog.map((chunk) => decoder.decode(chunk, { stream: true })).join("") + decoder.decode();
  }

  /** Throws the current machine away and restores the pristine snapshot. */
  reset(): Promise<void> {
    this.started = true;
    return this.launch({ mode: "restore", verboseBoot: false });
  }

  /** Throws the current machine away and boots the kernel from scratch, showing its boot log. */
  coldBoot(): Promise<void> {
    this.started = true;
    return this.launch({ mode: "cold", verboseBoot: true });
  }

  /** Repeats the last attempt (after a failed download, or once the missing image was built). */
  retry(): Promise<void> {
    this.started = true;
    return this.launch(this.lastLaunch);
  }

  /** Keyboard input for the console; ignored unless a machine is running. */
  sendConsole(data: string | Uint8Array): void {
    if (this.current.phase !== "ready" && this.current.phase !== "unresponsive") return;
    this.machine?.sendConsole(data);
    this.settle.noteInput(data);
    this.events.emit("input", undefined);
  }

  /** Keyboard input for the learner shell on serial port `port` (2 or 3); ignored unless a machine is running. */
  sendShellLine(port: number, data: string | Uint8Array): void {
    if (!isRunning(this.current)) return;
    this.machine?.sendLine(port, data);
    this.settle.noteInput(data);
    this.events.emit("input", undefined);
  }

  /** The terminal's size; remembered and given to every machine once it is ready. */
  resizeConsole(rows: number, cols: number): void {
    if (rows < 1 || cols < 1) return;
    if (this.consoleSize?.rows === rows && this.consoleSize.cols === cols) return;
    this.consoleSize = { rows, cols };
    if (isRunning(this.current)) this.machine?.resizeConsole(rows, cols);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.generationCounter++;
    this.watchdog?.stop();
    this.settle.stop();
    const machine = this.detachMachine();
    this.events.clear();
    await machine?.dispose();
  }

  private async launch(launch: Launch): Promise<void> {
    if (this.disposed) return;
    const generation = ++this.generationCounter;
    const stale = (): boolean => generation !== this.generationCounter;
    this.lastLaunch = launch;
    this.watchdog?.stop();
    const previous = this.detachMachine();
    this.backlog = [];
    this.backlogBytes = 0;
    this.events.emit("machine", { generation, mode: launch.mode });
    this.setState({ phase: "starting", mode: launch.mode });
    try {
      // Free the old guest's memory before the next one allocates its own.
      await previous?.dispose();
      if (stale()) return;
      // Every launch reads the manifest afresh: the image may have been rebuilt since the last one.
      this.manifest = undefined;
      const manifest = await this.loadManifest();
      if (stale()) return;
      const create = this.options.createMachine ?? ((options) => new VirtualMachine(options));
      const machine = create({
        manifest,
        assets: this.options.assets,
        wasmPath: this.options.wasmPath,
        v86Version: this.options.v86Version,
        mode: launch.mode,
        verboseBoot: launch.verboseBoot,
        ...(launch.resume ? { resume: launch.resume } : {}),
      });
      this.machine = machine;
      this.machineSubscriptions = [
        machine.events.on("state", (state) => this.onMachineState(machine, state)),
        machine.events.on("console", (chunk) => this.onConsole(chunk)),
        // The other shells' output goes to their terminals straight from the machine (learner-shells.ts).
        machine.events.on("line", () => this.settle.noteOutput()),
        machine.events.on("notice", (notice) => this.events.emit("notice", notice)),
      ];
      await machine.start();
    } catch (error) {
      if (stale() || error instanceof VmError) return; // a machine's own failure arrived as its state
      this.setState({ phase: "error", failure: failureOf(error) });
    }
  }

  private loadManifest(): Promise<GuestManifest> {
    if (!this.manifest) {
      const loading = this.options.assets.loadManifest().then((json) => parseManifest(json));
      this.manifest = loading;
      loading.catch(() => {
        if (this.manifest === loading) this.manifest = undefined;
      });
    }
    return this.manifest;
  }

  private detachMachine(): VirtualMachine | undefined {
    this.settle.stop();
    for (const unsubscribe of this.machineSubscriptions) unsubscribe();
    this.machineSubscriptions = [];
    const machine = this.machine;
    this.machine = undefined;
    return machine;
  }

  private onMachineState(machine: VirtualMachine, state: VmState): void {
    if (machine !== this.machine) return;
    switch (state.phase) {
      case "idle":
      case "disposed":
        return;
      case "ready":
        this.setState(state);
        if (this.lastLaunch.resume) machine.sendConsole(CLEAR_TYPED_LINE);
        if (this.consoleSize) machine.resizeConsole(this.consoleSize.rows, this.consoleSize.cols);
        this.watch(machine);
        return;
      case "error":
        this.watchdog?.stop();
        this.setState(state);
        return;
      default:
        this.setState(state);
    }
  }

  private watch(machine: VirtualMachine): void {
    const liveness = this.options.liveness ?? {};
    this.watchdog?.stop();
    this.watchdog = new LivenessWatchdog({
      probe: () => machine.agent.ping({ timeoutMs: liveness.pingTimeoutMs ?? 3000 }),
      intervalMs: liveness.intervalMs ?? 5000,
      maxMisses: liveness.maxMisses ?? 2,
      isPaused: liveness.isPaused ?? documentHidden,
      onChange: (responsive) => {
        const state = this.current;
        if (machine !== this.machine) return;
        if (!responsive && state.phase === "ready") this.setState({ ...state, phase: "unresponsive" });
        if (responsive && state.phase === "unresponsive") this.setState({ ...state, phase: "ready" });
      },
    });
    this.watchdog.start();
  }

  private onConsole(chunk: Uint8Array): void {
    this.settle.noteOutput();
    this.backlog.push(chunk);
    this.backlogBytes += chunk.length;
    while (this.backlogBytes > BACKLOG_LIMIT && this.backlog.length > 1) {
      this.backlogBytes -= this.backlog.shift()!.length;
    }
    this.events.emit("console", chunk);
  }

  private setState(state: SessionState): void {
    this.current = state;
    this.events.emit("state", state);
  }
}

function documentHidden(): boolean {
  return typeof document !== "undefined" && document.visibilityState === "hidden";
}

