// The learner's accessibility settings as a service: whether the terminals run in xterm.js's screen
// reader mode (a DOM copy of the rows a screen reader can read, and their output announced). Kept in
// localStorage, so the choice survives reloads; provided to the elements through @lit/context.
import { createContext } from "@lit/context";
import { TypedEvents } from "../shared/typed-events.ts";

export const SCREEN_READER_STORAGE_KEY = "isolation-lab.screen-reader.v1";

export class AccessibilitySettings {
  readonly events = new TypedEvents<{ change: AccessibilitySettings }>();
  private reader: boolean;

  constructor(private readonly storage: Pick<Storage, "getItem" | "setItem"> | undefined) {
    this.reader = read(storage) === "on";
  }

  get screenReaderMode(): boolean {
    return this.reader;
  }

  setScreenReaderMode(on: boolean): void {
    if (on === this.reader) return;
    this.reader = on;
    try {
      this.storage?.setItem(SCREEN_READER_STORAGE_KEY, on ? "on" : "off");
    } catch {
      // Storage refused (full, or blocked): the setting holds for this page and is not kept.
    }
    this.events.emit("change", this);
  }
}

function read(storage: Pick<Storage, "getItem"> | undefined): string | null {
  try {
    return storage?.getItem(SCREEN_READER_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export const accessibilitySettingsContext = createContext<AccessibilitySettings | undefined>(Symbol("isolation-lab.accessibility-settings"));
