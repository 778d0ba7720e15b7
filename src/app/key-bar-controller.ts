// The key bar's state for the terminals' card: the sticky modifiers (on until a terminal used them, or
// tapped again), the font size (kept across reloads; a pinch steps it too), and the bar's keys typed into the terminal in
// front. Listens on the card for the bar's requests and the terminals' "modifiers used".
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { KeyBarEvent, ModifiersUsedEvent, type KeyBarRequest } from "../terminal/terminal-events.ts";
import { clampFontSize, readFontSize, saveFontSize } from "../terminal/terminal-font-size.ts";
import { NO_MODIFIERS, type BarKey, type Modifiers } from "../terminal/touch-keys.ts";

export class KeyBarController implements ReactiveController {
  modifiers: Modifiers = NO_MODIFIERS;
  fontSize: number;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Types a key into the terminal in front (and gives it the keyboard). */
    private readonly press: (key: BarKey) => void,
    private readonly storage: Pick<Storage, "getItem" | "setItem"> | undefined = typeof localStorage === "undefined" ? undefined : localStorage,
  ) {
    host.addController(this);
    this.fontSize = readFontSize(storage);
  }

  hostConnected(): void {
    this.host.addEventListener(KeyBarEvent.type, this.onRequest);
    this.host.addEventListener(ModifiersUsedEvent.type, this.onUsed);
  }

  hostDisconnected(): void {
    this.host.removeEventListener(KeyBarEvent.type, this.onRequest);
    this.host.removeEventListener(ModifiersUsedEvent.type, this.onUsed);
  }

  private readonly onRequest = (event: KeyBarEvent): void => this.handle(event.request);

  private readonly onUsed = (): void => {
    this.modifiers = NO_MODIFIERS;
    this.host.requestUpdate();
  };

  private handle(request: KeyBarRequest): void {
    switch (request.kind) {
      case "key":
        this.press(request.key);
        return;
      case "modifier":
        this.modifiers = { ...this.modifiers, [request.modifier]: !this.modifiers[request.modifier] };
        break;
      case "font-size":
        this.stepFontSize(request.step);
        return;
    }
    this.host.requestUpdate();
  }

  /** One pixel larger or smaller (the bar's buttons, or a pinch), kept for the next visit. */
  stepFontSize(step: 1 | -1): void {
    const size = clampFontSize(this.fontSize + step);
    if (size === this.fontSize) return;
    this.fontSize = size;
    saveFontSize(this.storage, size);
    this.host.requestUpdate();
  }
}
