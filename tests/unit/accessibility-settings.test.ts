// The learner's accessibility settings: off until chosen, kept in storage, announced to subscribers,
// and a storage that refuses writes loses nothing but the keeping. F6's order over the page's regions.
import { describe, expect, it } from "vitest";
import { nextRegion } from "../../src/app/region-keys-controller.ts";
import { AccessibilitySettings, SCREEN_READER_STORAGE_KEY } from "../../src/ui/accessibility-settings.ts";

function memoryStorage(): Pick<Storage, "getItem" | "setItem"> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe("AccessibilitySettings", () => {
  it("starts with the screen reader mode off, and keeps the learner's choice for the next page", () => {
    const storage = memoryStorage();
    const settings = new AccessibilitySettings(storage);
    expect(settings.screenReaderMode).toBe(false);
    const seen: boolean[] = [];
    settings.events.on("change", (s) => seen.push(s.screenReaderMode));
    settings.setScreenReaderMode(true);
    settings.setScreenReaderMode(true);
    expect(seen).toEqual([true]);
    expect(storage.getItem(SCREEN_READER_STORAGE_KEY)).toBe("on");
    expect(new AccessibilitySettings(storage).screenReaderMode).toBe(true);
  });

  it("holds the setting for the page when storage refuses it", () => {
    const refusing = {
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("full");
      },
    };
    const settings = new AccessibilitySettings(refusing);
    expect(settings.screenReaderMode).toBe(false);
    settings.setScreenReaderMode(true);
    expect(settings.screenReaderMode).toBe(true);
  });
});

describe("nextRegion", () => {
  it("goes round the regions both ways, from the first or last when the focus is in none", () => {
    expect(nextRegion(3, 2, false)).toBe(0);
    expect(nextRegion(3, 0, true)).toBe(2);
    expect(nextRegion(3, 1, false)).toBe(2);
    expect(nextRegion(3, -1, false)).toBe(0);
    expect(nextRegion(3, -1, true)).toBe(2);
  });
});
