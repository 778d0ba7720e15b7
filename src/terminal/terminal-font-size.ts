// The terminals' font size, the learner's choice: bigger on a phone to read, smaller on a tablet to fit
// more columns. Kept in localStorage so it survives reloads; steps of one pixel within readable bounds.
import { terminalOptions } from "./terminal-theme.ts";

export const FONT_SIZE_STORAGE_KEY = "isolation-lab.terminal-font-size.v1";
export const MIN_FONT_SIZE = 9;
export const MAX_FONT_SIZE = 28;
export const DEFAULT_FONT_SIZE = terminalOptions.fontSize ?? 14;

export function clampFontSize(size: number): number {
  if (!Number.isFinite(size)) return DEFAULT_FONT_SIZE;
  return Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, Math.round(size)));
}

/** The size saved earlier, or the default when there is none (or it is not a number). */
export function readFontSize(storage: Pick<Storage, "getItem"> | undefined): number {
  try {
    const saved = storage?.getItem(FONT_SIZE_STORAGE_KEY);
    return saved ? clampFontSize(Number(saved)) : DEFAULT_FONT_SIZE;
  } catch {
    return DEFAULT_FONT_SIZE;
  }
}

export function saveFontSize(storage: Pick<Storage, "setItem"> | undefined, size: number): void {
  try {
    storage?.setItem(FONT_SIZE_STORAGE_KEY, String(size));
  } catch {
    // Storage refused (full, or blocked): the size holds for this page and is not kept.
  }
}
