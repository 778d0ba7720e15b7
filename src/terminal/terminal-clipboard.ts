// Copy and paste the way Linux terminals do it: Ctrl+Shift+C copies the selection, Ctrl+Shift+V
// pastes (Ctrl+C and Ctrl+V stay the shell's interrupt and literal-next keys). Pasting itself is the
// browser's: the key is left to it, the paste event reaches xterm's textarea, and xterm hands the text
// (bracketed when the shell asks for it) to onData like typed keys.
import type { Terminal } from "@xterm/xterm";

function isShortcut(event: KeyboardEvent, key: "c" | "v"): boolean {
  return event.ctrlKey && event.shiftKey && !event.altKey && !event.metaKey && event.key.toLowerCase() === key;
}

/** Installs the shortcuts on a terminal; returns what removes them. */
export function installClipboardShortcuts(terminal: Terminal): () => void {
  terminal.attachCustomKeyEventHandler((event) => {
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
