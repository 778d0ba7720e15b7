// The page's message catalog: every locale says everything English says, nothing is left empty, and
// the browser's language picks the default locale.
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/exercises/locales.ts";
import { ACCESS_MESSAGES } from "../../src/i18n/access-messages.ts";
import { UI_MESSAGES, preferredLocale } from "../../src/i18n/ui-messages.ts";

/** Every message as a path and a sample text (functions are called with sample arguments). */
function flatten(value: unknown, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(path, value);
  else if (typeof value === "function") {
    const sample = (value as (...args: unknown[]) => unknown)(...Array.from({ length: value.length }, (_, i) => (i === 1 ? true : 3)));
    out.set(`${path}()`, String(sample));
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) for (const [p, t] of flatten(child, path ? `${path}.${key}` : key)) out.set(p, t);
  }
  return out;
}

describe("UI_MESSAGES", () => {
  const english = flatten(UI_MESSAGES.en);

  it.each(LOCALES.filter((l) => l !== "en"))("%s has exactly the messages English has", (locale) => {
    expect([...flatten(UI_MESSAGES[locale]).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES)("%s has no empty message", (locale) => {
    for (const [path, text] of flatten(UI_MESSAGES[locale])) expect(text.trim(), path).not.toBe("");
  });

  it("Korean is actually translated (beyond names and symbols)", () => {
    const korean = flatten(UI_MESSAGES.ko);
    const same = [...english].filter(([path, text]) => korean.get(path) === text && /[a-z]{3}/i.test(text));
    expect(same).toEqual([]);
  });

  it("formats numbers into the text", () => {
    expect(UI_MESSAGES.en.stepsDone(2, 5)).toBe("2/5 steps");
    expect(UI_MESSAGES.ko.stepOf(1, 3)).toBe("3단계 중 1단계");
    expect(UI_MESSAGES.en.ready("1.2 s", true)).toBe("Ready in 1.2 s (restored snapshot)");
  });
});

describe("ACCESS_MESSAGES", () => {
  it("Korean says everything English says, translated, with the same shortcut keys", () => {
    const english = flatten(ACCESS_MESSAGES.en);
    const korean = flatten(ACCESS_MESSAGES.ko);
    expect([...korean.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, text] of korean) expect(text.trim(), path).not.toBe("");
    const untranslated = [...english].filter(([path, text]) => korean.get(path) === text && /[a-z]{3}/i.test(text) && !path.includes(".keys."));
    expect(untranslated).toEqual([]);
  });
});

describe("preferredLocale", () => {
  it.each([
    [["ko-KR", "en-US"], "ko"],
    [["ko"], "ko"],
    [["en-US", "ko-KR"], "en"],
    [["de-DE", "ko-KR"], "ko"],
    [["de-DE", "fr"], "en"],
    [[], "en"],
  ])("%j -> %s", (languages, locale) => {
    expect(preferredLocale(languages)).toBe(locale);
  });
});
