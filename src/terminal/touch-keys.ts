// The keys a touch keyboard lacks, as the on-screen key bar offers them, and what they send to the
// shell: the bytes a real keyboard's key would make xterm.js send, so bash's readline sees no
// difference. Ctrl and Alt are sticky: the learner taps one, then the next key (on the bar or on the
// touch keyboard) is sent with it, e.g. Ctrl then `c` is the interrupt (^C), Alt then `b` a word back.

export type BarKey = "Escape" | "Tab" | "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "|" | "~" | "/" | "-";
export type Modifier = "ctrl" | "alt";

export interface Modifiers {
  readonly ctrl: boolean;
  readonly alt: boolean;
}

export const NO_MODIFIERS: Modifiers = { ctrl: false, alt: false };

/** The bar's keys in the order shown (the modifiers come first, then these). */
export const BAR_KEYS: readonly BarKey[] = ["Escape", "Tab", "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "|", "~", "/", "-"];

const ARROW_LETTER: Partial<Record<BarKey, string>> = { ArrowUp: "A", ArrowDown: "B", ArrowRight: "C", ArrowLeft: "D" };

/**
 * What a key sends without modifiers. Arrows follow the terminal's cursor key mode, as xterm.js does:
 * `ESC [ A` normally, `ESC O A` when a full-screen program switched the application mode on.
 */
export function keySequence(key: BarKey, applicationCursor: boolean): string {
  const arrow = ARROW_LETTER[key];
  if (arrow) return `\x1b${applicationCursor ? "O" : "["}${arrow}`;
  if (key === "Escape") return "\x1b";
  if (key === "Tab") return "\t";
  return key;
}

/** An arrow's letter when the text is its sequence (`ESC [ A` or `ESC O A`): modifiers go into it as a parameter, not in front. */
function arrowLetter(text: string): string | undefined {
  const [esc, kind, letter] = text;
  return text.length === 3 && esc === "\x1b" && (kind === "[" || kind === "O") && letter !== undefined && "ABCD".includes(letter) ? letter : undefined;
}

/**
 * The text typed (one key's worth) with the sticky modifiers applied, as xterm.js encodes the same
 * keys held down: Ctrl turns a letter (and `@[\]^_`, and space) into its control character; Alt puts
 * ESC in front; on an arrow both become the xterm parameter (`ESC [ 1 ; 5 A` for Ctrl+Up). Text a key
 * cannot combine with (a paste, a word from the keyboard's suggestions) goes through unchanged.
 */
export function applyModifiers(text: string, modifiers: Modifiers): string {
  if (!modifiers.ctrl && !modifiers.alt) return text;
  const arrow = arrowLetter(text);
  if (arrow) return `\x1b[1;${1 + (modifiers.alt ? 2 : 0) + (modifiers.ctrl ? 4 : 0)}${arrow}`;
  if ([...text].length !== 1) return text;
  let typed = text;
  if (modifiers.ctrl) {
    if (/^[A-Za-z@[\\\]^_]$/.test(text)) typed = String.fromCharCode(text.toUpperCase().charCodeAt(0) - 0x40);
    else if (text === " ") typed = "\x00";
    else if (text === "?") typed = "\x7f";
  }
  return modifiers.alt ? `\x1b${typed}` : typed;
}

/** Whether the text is something the modifiers were meant for (so they are used up by it). */
export function takesModifiers(text: string): boolean {
  return arrowLetter(text) !== undefined || [...text].length === 1;
}
