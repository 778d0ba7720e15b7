// Keeps the terminal's rows and columns fitted to the element and tells the VM session, so the guest's
// shell wraps lines and full-screen programs draw at the size the learner sees.
import type { Terminal } from "@xterm/xterm";
import type { FitAddon } from "@xterm/addon-fit";
import type { ReactiveControllerHost } from "lit";
import { SessionBoundController } from "../session/session-controller.ts";
import type { VmSession } from "../session/vm-session.ts";
import type { Unsubscribe } from "../shared/typed-events.ts";
import { FrameTask } from "./frame-task.ts";
import type { XtermController } from "./xterm-controller.ts";

export class TerminalResizeController extends SessionBoundController {
  private terminal: Terminal | undefined;
  private fit: FitAddon | undefined;
  private readonly frame = new FrameTask(() => this.fit?.fit());

  constructor(
    host: ReactiveControllerHost,
    source: () => VmSession | undefined,
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
      const resized = terminal.onResize(({ rows, cols }) => this.session?.resizeConsole(rows, cols));
      fit.fit();
      this.session?.resizeConsole(terminal.rows, terminal.cols);
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

  protected sessionChanged(session: VmSession | undefined): void {
    if (session && this.terminal) session.resizeConsole(this.terminal.rows, this.terminal.cols);
  }
}
