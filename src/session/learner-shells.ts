// The learner's shells of one session as terminal lines: the console (ttyS0, through the session) and
// the login shells on the other serial ports (ttyS2, ttyS3). Each line keeps what its shell printed on
// the current machine (so a terminal opened late shows it), takes input and a window size, and starts
// afresh with every new machine. One instance per session (see learnerShells()).
import { TypedEvents, type Unsubscribe } from "../shared/typed-events.ts";
import type { VirtualMachine } from "../vm/virtual-machine.ts";
import { CLEAR_TYPED_LINE, type VmSession } from "./vm-session.ts";

export interface TerminalLineEvents {
  /** Bytes the line's shell wrote. */
  output: Uint8Array;
  /** A new machine replaced the old one: the screen starts afresh. */
  restart: undefined;
}

/** One shell's serial line, as a terminal sees it. */
export interface TerminalLine {
  /** The serial port: 0 for the console, 2 and 3 for the other shells. */
  readonly port: number;
  readonly events: TypedEvents<TerminalLineEvents>;
  backlog(): readonly Uint8Array[];
  send(data: string | Uint8Array): void;
  resize(rows: number, cols: number): void;
}

/** Output kept per extra line for a terminal that opens late. */
const BACKLOG_LIMIT = 256 * 1024;
/** Ctrl+L: bash clears the screen and prints its prompt again (a restored shell printed it long ago). */
const REDRAW = "\x0c";

class ConsoleLine implements TerminalLine {
  readonly port = 0;
  readonly events = new TypedEvents<TerminalLineEvents>();

  constructor(private readonly session: VmSession) {
    session.events.on("console", (bytes) => this.events.emit("output", bytes));
    session.events.on("machine", () => this.events.emit("restart", undefined));
  }

  backlog(): readonly Uint8Array[] {
    return this.session.consoleBacklog();
  }

  send(data: string | Uint8Array): void {
    this.session.sendConsole(data);
  }

  resize(rows: number, cols: number): void {
    this.session.resizeConsole(rows, cols);
  }
}

class SerialShellLine implements TerminalLine {
  readonly events = new TypedEvents<TerminalLineEvents>();
  private chunks: Uint8Array[] = [];
  private bytes = 0;
  private size: { rows: number; cols: number } | undefined;

  constructor(
    readonly port: number,
    private readonly session: VmSession,
  ) {}

  backlog(): readonly Uint8Array[] {
    return this.chunks;
  }

  get empty(): boolean {
    return this.bytes === 0;
  }

  /** The learner's typing: it changes their work (the autosave counts it like the console's). */
  send(data: string | Uint8Array): void {
    this.session.sendShellLine(this.port, data);
  }

  /**
   * A new machine's shell, seen for the first time: drops a line a resumed machine's learner had half
   * typed (as the console does, see CLEAR_TYPED_LINE) and has bash print its prompt again. Not the
   * learner's input; on a fresh machine the line is empty and Ctrl-U changes nothing.
   */
  redraw(): void {
    this.session.vm?.sendLine(this.port, CLEAR_TYPED_LINE + REDRAW);
  }

  resize(rows: number, cols: number): void {
    if (rows < 1 || cols < 1 || (this.size?.rows === rows && this.size.cols === cols)) return;
    this.size = { rows, cols };
    this.applySize();
  }

  /** Tells the guest the terminal's size: the kernel signals the line's foreground programs. */
  applySize(): void {
    const machine = this.session.vm;
    if (!this.size || !machine || machine.state.phase !== "ready") return;
    const { rows, cols } = this.size;
    machine.agent.run(`stty -F /dev/ttyS${this.port} rows ${rows} cols ${cols}`, { timeoutMs: 5000 }).catch(() => {
      // A resize lost while the guest is busy is harmless: the next one wins.
    });
  }

  receive(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.bytes += bytes.length;
    while (this.bytes > BACKLOG_LIMIT && this.chunks.length > 1) this.bytes -= this.chunks.shift()!.length;
    this.events.emit("output", bytes);
  }

  restart(): void {
    this.chunks = [];
    this.bytes = 0;
    this.events.emit("restart", undefined);
  }
}

export class LearnerShells {
  readonly console: TerminalLine;
  private readonly extra = new Map<number, SerialShellLine>();
  private watched: VirtualMachine | undefined;
  private machineSubscription: Unsubscribe | undefined;

  constructor(private readonly session: VmSession) {
    this.console = new ConsoleLine(session);
    session.events.on("machine", () => {
      for (const line of this.extra.values()) line.restart();
    });
    session.events.on("state", (state) => {
      this.follow(session.vm);
      if (state.phase === "ready") this.machineReady();
    });
    this.follow(session.vm);
  }

  /** The serial ports with a learner shell on the current image: 0, then 2 and 3 when it has them. */
  get ports(): number[] {
    return [0, ...(this.session.vm?.shellPorts ?? [...this.extra.keys()])];
  }

  line(port: number): TerminalLine {
    if (port === 0) return this.console;
    let line = this.extra.get(port);
    if (!line) {
      line = new SerialShellLine(port, this.session);
      this.extra.set(port, line);
    }
    return line;
  }

  /** Follows the session's machine: its extra lines' output goes to their terminals. */
  private follow(machine: VirtualMachine | undefined): void {
    if (machine === this.watched) return;
    this.machineSubscription?.();
    this.watched = machine;
    this.machineSubscription = machine?.events.on("line", ({ port, bytes }) => {
      const line = this.line(port) as SerialShellLine;
      line.receive(bytes);
    });
  }

  private machineReady(): void {
    for (const port of this.session.vm?.shellPorts ?? []) {
      const line = this.line(port) as SerialShellLine;
      line.applySize();
      if (line.empty) line.redraw();
    }
  }
}

const instances = new WeakMap<VmSession, LearnerShells>();

/** The learner shells of a session, made on first use. */
export function learnerShells(session: VmSession): LearnerShells {
  let shells = instances.get(session);
  if (!shells) {
    shells = new LearnerShells(session);
    instances.set(session, shells);
  }
  return shells;
}
