// A shell line's output into the terminal, batched: chunks that arrive within one frame are
// written with one terminal.write. A new machine (reset, cold boot) clears the screen first; a terminal
// attached late replays what the machine has printed so far. The screen starts with the page's greeting,
// in the page's language (the guest itself prints none, as it cannot know that language).
import type { Terminal } from "@xterm/xterm";
import type { ReactiveControllerHost } from "lit";
import { SourceBoundController } from "../ui/source-bound-controller.ts";
import type { TerminalLine } from "../session/learner-shells.ts";
import { concatBytes } from "../shared/bytes.ts";
import type { Unsubscribe } from "../shared/typed-events.ts";
import { FrameTask } from "./frame-task.ts";
import type { XtermController } from "./xterm-controller.ts";

export class TerminalOutputController extends SourceBoundController<TerminalLine> {
  private terminal: Terminal | undefined;
  private pending: Uint8Array[] = [];
  private readonly frame = new FrameTask(() => this.flush());

  constructor(
    host: ReactiveControllerHost,
    source: () => TerminalLine | undefined,
    xterm: XtermController,
    private readonly greeting: () => readonly string[],
  ) {
    super(host, source);
    xterm.onAttach((terminal) => {
      this.terminal = terminal;
      this.replay();
      return () => {
        this.terminal = undefined;
        this.discard();
      };
    });
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    this.discard();
  }

  protected subscribe(line: TerminalLine): Unsubscribe[] {
    return [
      line.events.on("output", (chunk) => this.enqueue(chunk)),
      line.events.on("restart", () => this.replay()),
    ];
  }

  protected sourceChanged(): void {
    this.replay();
  }

  /** Starts the screen afresh: the greeting, then everything the current machine printed. */
  replay(): void {
    this.discard();
    if (!this.terminal) return;
    this.terminal.reset();
    const greeting = this.greeting();
    if (greeting.length > 0) this.terminal.write(`\r\n${greeting.map((line) => `  ${line}\r\n`).join("")}\r\n`);
    this.pending = [...(this.current?.backlog() ?? [])];
    if (this.pending.length > 0) this.frame.schedule();
  }

  private enqueue(chunk: Uint8Array): void {
    if (!this.terminal) return; // the backlog is replayed once a terminal attaches
    this.pending.push(chunk);
    this.frame.schedule();
  }

  private discard(): void {
    this.pending = [];
    this.frame.cancel();
  }

  private flush(): void {
    const chunks = this.pending;
    this.pending = [];
    if (!this.terminal || chunks.length === 0) return;
    this.terminal.write(chunks.length === 1 ? chunks[0]! : concatBytes(chunks));
  }
}
