// The terminal's look: a dark theme close to the page's palette and the system's monospace font.
import type { ITerminalOptions } from "@xterm/xterm";

export const MONOSPACE_FONT =
  'ui-monospace, "SFMono-Regular", "Cascadia Mono", "Segoe UI Mono", "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace';

export const TERMINAL_BACKGROUND = "#0b0e14";

export const terminalOptions: ITerminalOptions = {
  fontFamily: MONOSPACE_FONT,
  fontSize: 14,
  lineHeight: 1.2,
  // Steady; it blinks for a few seconds after each key (cursor-blink.ts).
  cursorBlink: false,
  cursorStyle: "block",
  scrollback: 5000,
  // A DOM copy of the visible rows for screen readers, and their output announced: the learner's
  // setting switches it on (lab-terminal, from AccessibilitySettings).
  screenReaderMode: false,
  macOptionIsMeta: true,
  allowProposedApi: false,
  theme: {
    background: TERMINAL_BACKGROUND,
    foreground: "#d6deeb",
    cursor: "#7fdbca",
    cursorAccent: TERMINAL_BACKGROUND,
    selectionBackground: "#2d4f7c",
    selectionForeground: "#ffffff",
    black: "#1d2330",
    red: "#ef6b73",
    green: "#8bd49c",
    yellow: "#e6c07b",
    blue: "#6cb6ff",
    magenta: "#c792ea",
    cyan: "#5ccfe6",
    white: "#c5cdd9",
    brightBlack: "#5c6773",
    brightRed: "#ff8a91",
    brightGreen: "#a6e3b0",
    brightYellow: "#f2d58f",
    brightBlue: "#8cc8ff",
    brightMagenta: "#d7a9f5",
    brightCyan: "#7fe0f0",
    brightWhite: "#ffffff",
  },
};
