// Keeps the terminal's rows and columns fitted to the element and tells the shell's line, so the guest's
// shell wraps lines and full-screen programs draw at the size the learner sees.
import type { Terminal } from "@xterm/xterm";
import type { FitAddon } from "@xterm/addon-fit";
import type { ReactiveControllerHost } from "lit";
import { SourceBoundController } from "../ui/source-bound-controller.ts";
import type { TerminalLine } from "../session/learner-shells.ts";
import type { Unsubscribe } from "../shared/typed-events.ts";
import { FrameTask } from "./frame-task.ts";
import type { XtermController } from "./xterm-controller.ts";

export class TerminalResizeController extends SourceBoundController<TerminalLine> {
  private terminal: Terminal | undefined;
  private fit: FitAddon | undefined;
  private readonly frame = new FrameTask(() => this.fit?.fit());

  constructor(
    host: ReactiveControllerHost,
    source: () => TerminalLine | undefined,
    xterm: XtermController,
    observed: () => Element,
  ) {
    super(host, source);
    xterm.onAttach((terminal, fit) => {
      this.terminal = terminal;
      this.fit = fit;
      // Fitting in the observer callback itself could resize the element and loop; fit next frame.
      const observer = new ResizeObserver(() => this.frame.schedule());
      observer.observe(observed());
      const resized = terminal.onResize(({ rows, cols }) => this.current?.resize(rows, cols));
      fit.fit();
      this.current?.resize(terminal.rows, terminal.cols);
      return () => {
        observer.disconnect();
        resized.dispose();
        this.frame.cancel();
        this.terminal = undefined;
        this.fit = undefined;
      };
    });
  }

  protected subscribe(): Unsubscribe[] {
    return [];
  }

  protected sourceChanged(line: TerminalLine | undefined): void {
    if (line && this.terminal) line.resize(this.terminal.rows, this.terminal.cols);
  }
}
