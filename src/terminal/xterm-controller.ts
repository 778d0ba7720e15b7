// Owns the xterm.js Terminal of a Lit element: creates and opens it once the element has rendered its
// container, disposes it when the element leaves the page. Other controllers attach to the terminal
// with onAttach and get called again for a new terminal after the element was moved.
import { FitAddon } from "@xterm/addon-fit";
import { Terminal, type ITerminalOptions } from "@xterm/xterm";
import type { ReactiveController, ReactiveControllerHost } from "lit";

/** Sets something up on a fresh terminal; returns what undoes it (run before the terminal is disposed). */
export type TerminalAttachment = (terminal: Terminal, fit: FitAddon) => (() => void) | void;

export class XtermController implements ReactiveController {
  private current: { terminal: Terminal; fit: FitAddon } | undefined;
  private readonly attachments: TerminalAttachment[] = [];
  private cleanups: (() => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly container: () => HTMLElement | null | undefined,
    private readonly options: ITerminalOptions,
  ) {
    host.addController(this);
  }

  get terminal(): Terminal | undefined {
    return this.current?.terminal;
  }

  /** Fits the terminal's rows and columns to its element (after a change of font size, say). */
  get fit(): FitAddon | undefined {
    return this.current?.fit;
  }

  onAttach(attachment: TerminalAttachment): void {
    this.attachments.push(attachment);
    if (this.current) this.attach(attachment);
  }

  hostConnected(): void {
    // After a move the element does not re-render by itself; the terminal is created after an update.
    if (!this.current) this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (this.current) return;
    const element = this.container();
    if (!element?.isConnected) return;
    const terminal = new Terminal(this.options);
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(element);
    this.current = { terminal, fit };
    for (const attachment of this.attachments) this.attach(attachment);
  }

  hostDisconnected(): void {
    const current = this.current;
    if (!current) return;
    for (const cleanup of this.cleanups.reverse()) cleanup();
    this.cleanups = [];
    this.current = undefined;
    current.terminal.dispose();
  }

  private attach(attachment: TerminalAttachment): void {
    if (!this.current) return;
    const cleanup = attachment(this.current.terminal, this.current.fit);
    if (cleanup) this.cleanups.push(cleanup);
  }
}
