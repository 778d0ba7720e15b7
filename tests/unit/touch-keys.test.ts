import { describe, expect, it } from "vitest";
import { applyModifiers, keySequence, takesModifiers } from "../../src/terminal/touch-keys.ts";
import { DEFAULT_FONT_SIZE, FONT_SIZE_STORAGE_KEY, MAX_FONT_SIZE, MIN_FONT_SIZE, clampFontSize, readFontSize, saveFontSize } from "../../src/terminal/terminal-font-size.ts";

const ctrl = { ctrl: true, alt: false };
const alt = { ctrl: false, alt: true };
const both = { ctrl: true, alt: true };
const none = { ctrl: false, alt: false };

describe("the key bar's keys", () => {
  it("sends what a keyboard's key sends", () => {
    expect(keySequence("Escape", false)).toBe("\x1b");
    expect(keySequence("Tab", false)).toBe("\t");
    expect(keySequence("|", false)).toBe("|");
    expect(keySequence("ArrowUp", false)).toBe("\x1b[A");
    expect(keySequence("ArrowLeft", false)).toBe("\x1b[D");
  });

  it("sends arrows in the application cursor mode a full-screen program asked for", () => {
    expect(keySequence("ArrowDown", true)).toBe("\x1bOB");
    expect(keySequence("ArrowRight", true)).toBe("\x1bOC");
  });
});

describe("sticky modifiers", () => {
  it("turn a letter into its control character, either case", () => {
    expect(applyModifiers("c", ctrl)).toBe("\x03");
    expect(applyModifiers("C", ctrl)).toBe("\x03");
    expect(applyModifiers("a", ctrl)).toBe("\x01");
    expect(applyModifiers("[", ctrl)).toBe("\x1b");
    expect(applyModifiers(" ", ctrl)).toBe("\x00");
  });

  it("put ESC in front with Alt, after Ctrl's change", () => {
    expect(applyModifiers("b", alt)).toBe("\x1bb");
    expect(applyModifiers("x", both)).toBe("\x1b\x18");
  });

  it("go into an arrow's sequence as xterm's parameter", () => {
    expect(applyModifiers("\x1b[A", ctrl)).toBe("\x1b[1;5A");
    expect(applyModifiers("\x1bOD", alt)).toBe("\x1b[1;3D");
    expect(applyModifiers("\x1b[C", both)).toBe("\x1b[1;7C");
  });

  it("leave alone what they cannot combine with, and everything when off", () => {
    expect(applyModifiers("ls -l", ctrl)).toBe("ls -l");
    expect(applyModifiers("1", ctrl)).toBe("1");
    expect(applyModifiers("c", none)).toBe("c");
    expect(takesModifiers("ls")).toBe(false);
    expect(takesModifiers("\x1b[B")).toBe(true);
    expect(takesModifiers("한")).toBe(true);
  });
});

describe("the terminals' font size", () => {
  it("is kept within readable bounds", () => {
    expect(clampFontSize(3)).toBe(MIN_FONT_SIZE);
    expect(clampFontSize(100)).toBe(MAX_FONT_SIZE);
    expect(clampFontSize(Number.NaN)).toBe(DEFAULT_FONT_SIZE);
    expect(clampFontSize(15.4)).toBe(15);
  });

  it("is read back as saved, and the default when nothing usable is", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(readFontSize(storage)).toBe(DEFAULT_FONT_SIZE);
    saveFontSize(storage, 18);
    expect(readFontSize(storage)).toBe(18);
    store.set(FONT_SIZE_STORAGE_KEY, "huge");
    expect(readFontSize(storage)).toBe(DEFAULT_FONT_SIZE);
    const refusing = { getItem: () => { throw new Error("blocked"); }, setItem: () => { throw new Error("blocked"); } };
    expect(readFontSize(refusing)).toBe(DEFAULT_FONT_SIZE);
    expect(() => saveFontSize(refusing, 16)).not.toThrow();
  });
});
