// The learner's terminal layout for an element: loaded from localStorage, changed by the learner's
// requests, saved after every change, and kept to the serial lines the running image has.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { TerminalRequest } from "../terminal/terminal-events.ts";
import {
  STORAGE_KEY,
  activate,
  closeTab,
  freePort,
  openTab,
  parseLayout,
  serializeLayout,
  setRatio,
  toggleSplit,
  type TerminalLayout,
} from "../terminal/terminal-layout.ts";
import type { VmSession } from "../session/vm-session.ts";

/** Every line a learner terminal can use (an image with fewer serial ports offers fewer). */
const ALL_PORTS = [0, 2, 3];

export type LayoutChange = Exclude<TerminalRequest, { kind: "container" | "restart" }> | { readonly kind: "activate-new"; readonly port: number };

export class TerminalLayoutController implements ReactiveController {
  private layout: TerminalLayout;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: () => VmSession | undefined,
    private readonly storage: Pick<Storage, "getItem" | "setItem"> | undefined = typeof localStorage === "undefined" ? undefined : localStorage,
  ) {
    host.addController(this);
    this.layout = parseLayout(this.read(), ALL_PORTS);
  }

  hostConnected(): void {}

  get current(): TerminalLayout {
    const ports = this.ports();
    // Before a machine runs every line counts; an older image without ttyS2/ttyS3 shows terminal 1 only.
    return ports === ALL_PORTS ? this.layout : parseLayout(serializeLayout(this.layout), ports);
  }

  /** The open terminals to render (kept alive while hidden, so each keeps its screen). */
  shown(): readonly number[] {
    return this.current.tabs;
  }

  free(): number | undefined {
    return freePort(this.current, this.ports());
  }

  update(change: LayoutChange): void {
    const layout = this.current;
    switch (change.kind) {
      case "activate":
        return this.set(activate(layout, change.port));
      case "activate-new":
        return this.set(openTab(layout, change.port));
      case "open": {
        const port = freePort(layout, this.ports());
        if (port !== undefined) this.set(openTab(layout, port));
        return;
      }
      case "close":
        return this.set(closeTab(layout, change.port));
      case "split":
        return this.set(toggleSplit(layout, this.ports()));
    }
  }

  setRatio(ratio: number): void {
    this.set(setRatio(this.current, ratio));
  }

  /** The split's separator with the keyboard: the arrow keys move it by a twentieth. */
  readonly onSeparatorKey = (event: KeyboardEvent): void => {
    const step = event.key === "ArrowLeft" ? -0.05 : event.key === "ArrowRight" ? 0.05 : 0;
    if (step === 0) return;
    event.preventDefault();
    this.setRatio(this.current.ratio + step);
  };

  /** The split's separator dragged (mouse, pen or finger): the ratio follows the pointer until released. */
  readonly onSeparatorPointer = (event: PointerEvent): void => {
    const separator = event.currentTarget as HTMLElement;
    const screens = separator.parentElement!;
    separator.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent): void => {
      const box = screens.getBoundingClientRect();
      this.setRatio((e.clientX - box.left) / box.width);
    };
    const up = (): void => {
      separator.removeEventListener("pointermove", move);
      separator.removeEventListener("pointerup", up);
    };
    separator.addEventListener("pointermove", move);
    separator.addEventListener("pointerup", up);
  };

  private ports(): readonly number[] {
    const machine = this.session()?.vm;
    return machine ? [0, ...machine.shellPorts] : ALL_PORTS;
  }

  private set(layout: TerminalLayout): void {
    this.layout = layout;
    try {
      this.storage?.setItem(STORAGE_KEY, serializeLayout(layout));
    } catch {
      // Storage full or refused (private mode): the layout lasts until the page closes.
    }
    this.host.requestUpdate();
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }
}
