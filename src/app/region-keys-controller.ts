// The page's own keys, listened for on the window: F6 and Shift+F6 move the keyboard focus to the next
// and previous region of the page (header, course, terminal, comparison), the way browsers, VS Code
// ("Focus Next Part", which its terminal lets through) and desktop applications cycle panes; it is the
// way out of the terminal, which keeps Tab for the shell. `?` outside the terminal and text fields asks
// for the shortcut list. The terminal lets F6 through (src/terminal/terminal-keys.ts).
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { isRegionKey } from "../terminal/terminal-keys.ts";

/** A region F6 can move to, with the element that takes the focus there. */
export interface FocusRegion {
  /** The region's element: the focus is inside the region when it is on this element or in it. */
  readonly element: HTMLElement;
  readonly focus: () => void;
}

export interface RegionKeysOptions {
  /** The regions in page order (those shown now). */
  readonly regions: () => readonly FocusRegion[];
  readonly onHelp: () => void;
}

/** Whether the key went to something that takes text (where `?` is a character, not a shortcut). */
function typingInto(path: readonly EventTarget[]): boolean {
  return path.some(
    (target) =>
      target instanceof HTMLElement &&
      (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable),
  );
}

/** The index of the region after (or before) the one the path is in; the first (last) when in none. */
export function nextRegion(count: number, current: number, backwards: boolean): number {
  if (current < 0) return backwards ? count - 1 : 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}

export class RegionKeysController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly options: RegionKeysOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener("keydown", this.onKey);
  }

  hostDisconnected(): void {
    window.removeEventListener("keydown", this.onKey);
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    const path = event.composedPath();
    if (isRegionKey(event)) {
      const regions = this.options.regions();
      if (regions.length === 0) return;
      event.preventDefault();
      const current = regions.findIndex((region) => path.includes(region.element));
      regions[nextRegion(regions.length, current, event.shiftKey)]!.focus();
      return;
    }
    if (event.key === "?" && !typingInto(path)) {
      event.preventDefault();
      this.options.onHelp();
    }
  };
}
