// Keyboard input and pastes from the terminal to the VM. Typing goes straight through; a big paste is
// handed over in slices (16 KiB per animation frame) so a megabyte of text never blocks the page, and
// keys typed meanwhile queue up behind it in order. A new machine drops input meant for the old one.
// The VM paces what it feeds the emulated UART to what the guest reads (src/vm/serial-writer.ts: a
// backlog in v86's UART once stalled the console for good), so these slices need no pacing of their own.
import type { ReactiveControllerHost } from "lit";
import { SourceBoundController } from "../ui/source-bound-controller.ts";
import type { TerminalLine } from "../session/learner-shells.ts";
import type { Unsubscribe } from "../shared/typed-events.ts";
import { FrameTask } from "./frame-task.ts";
import type { XtermController } from "./xterm-controller.ts";

const encoder = new TextEncoder();

export class TerminalInputController extends SourceBoundController<TerminalLine> {
  private queue: Uint8Array[] = [];
  private readonly frame = new FrameTask(() => this.pump());

  constructor(
    host: ReactiveControllerHost,
    source: () => TerminalLine | undefined,
    xterm: XtermController,
    /** What typed text becomes before it goes out (the key bar's sticky modifiers apply here). */
    private readonly typed: (text: string) => string = (text) => text,
    private readonly bytesPerFrame = 16 * 1024,
  ) {
    super(host, source);
    xterm.onAttach((terminal) => {
      const data = terminal.onData((text) => this.enqueue(encoder.encode(this.typed(text))));
      // Mouse reports in X10 mode: one byte per character code.
      const binary = terminal.onBinary((text) => this.enqueue(Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff)));
      return () => {
        data.dispose();
        binary.dispose();
        this.clear();
      };
    });
  }

  /** Bytes accepted but not yet given to the VM. */
  get queuedBytes(): number {
    return this.queue.reduce((n, chunk) => n + chunk.length, 0);
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    this.clear();
  }

  protected subscribe(line: TerminalLine): Unsubscribe[] {
    return [line.events.on("restart", () => this.clear())];
  }

  protected sourceChanged(): void {
    this.clear();
  }

  private enqueue(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.queue.length === 0 && bytes.length <= this.bytesPerFrame) {
      this.current?.send(bytes);
      return;
    }
    this.queue.push(bytes);
    this.frame.schedule();
  }

  private pump(): void {
    let budget = this.bytesPerFrame;
    while (budget > 0 && this.queue.length > 0) {
      const head = this.queue[0]!;
      if (head.length <= budget) {
        this.queue.shift();
        this.current?.send(head);
        budget -= head.length;
      } else {
        this.current?.send(head.subarray(0, budget));
        this.queue[0] = head.subarray(budget);
        budget = 0;
      }
    }
    if (this.queue.length > 0) this.frame.schedule();
  }

  private clear(): void {
    this.queue = [];
    this.frame.cancel();
  }
}
