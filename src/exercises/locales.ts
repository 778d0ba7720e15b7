// The languages every exercise is written in. Each exercise folder has one markdown file per locale
// (en.md, ko.md); adding a locale here makes the validator require that file in every folder.
export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];

/** The locale used when a requested one is missing (and for messages meant for authors). */
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
