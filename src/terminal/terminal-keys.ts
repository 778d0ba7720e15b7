// The keys the terminal leaves to the page instead of sending them to the shell (xterm.js allows one
// key handler per terminal, so they are decided here together):
// - Copy and paste the way Linux terminals do it: Ctrl+Shift+C copies the selection, Ctrl+Shift+V
//   pastes (Ctrl+C and Ctrl+V stay the shell's interrupt and literal-next keys). Pasting itself is the
//   browser's: the key is left to it, the paste event reaches xterm's textarea, and xterm hands the text
//   (bracketed when the shell asks for it) to onData like typed keys.
// - F6 and Shift+F6 leave the terminal for the page's next or previous region (the page moves the focus,
//   src/app/region-keys-controller.ts): the terminal keeps Tab for the shell's completion, so this is its
//   documented way out. Bash binds nothing to F6.
import type { Terminal } from "@xterm/xterm";

function isShortcut(event: KeyboardEvent, key: "c" | "v"): boolean {
  return event.ctrlKey && event.shiftKey && !event.altKey && !event.metaKey && event.key.toLowerCase() === key;
}

/** The key that moves the focus out of the terminal (with Shift: backwards). */
export function isRegionKey(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "altKey" | "metaKey">): boolean {
  return event.key === "F6" && !event.ctrlKey && !event.altKey && !event.metaKey;
}

/** Installs the page's keys on a terminal; returns what removes them. */
export function installTerminalKeys(terminal: Terminal): () => void {
  terminal.attachCustomKeyEventHandler((event) => {
    // Not handled by xterm: the event goes on to the page, which moves the focus.
    if (isRegionKey(event)) return false;
    if (isShortcut(event, "c")) {
      // Also keeps the browser from opening its element inspector on Ctrl+Shift+C.
      event.preventDefault();
      if (event.type === "keydown" && terminal.hasSelection()) {
        void navigator.clipboard?.writeText(terminal.getSelection()).catch(() => {
          // No clipboard permission (e.g. an insecure origin): nothing to copy to.
        });
      }
      return false;
    }
    // Not handled by xterm (it would send ^V); the browser then pastes into xterm's textarea.
    if (isShortcut(event, "v")) return false;
    return true;
  });
  return () => terminal.attachCustomKeyEventHandler(() => true);
}
