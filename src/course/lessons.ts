// A course in the learner's language: every exercise and challenge localized once per course and
// language, for the course panel's elements and the progress report (which list the same lessons).
import { localizeChallenge, type Challenge, type ChallengeLesson } from "../exercises/challenge-model.ts";
import type { Locale } from "../exercises/locales.ts";
import { localize, type Exercise, type Lesson } from "../exercises/model.ts";

/** `items` localized with `localize`, once per array and language. */
function perLocale<T extends object, L>(localizeOne: (item: T, locale: Locale) => L) {
  const cache = new WeakMap<readonly T[], Map<Locale, readonly L[]>>();
  return (items: readonly T[], locale: Locale): readonly L[] => {
    let byLocale = cache.get(items);
    if (!byLocale) cache.set(items, (byLocale = new Map<Locale, readonly L[]>()));
    let localized = byLocale.get(locale);
    if (!localized) {
      localized = items.map((item) => localizeOne(item, locale));
      byLocale.set(locale, localized);
    }
    return localized;
  };
}

/** Every exercise of `course` in one language. */
export const lessonsFor: (course: readonly Exercise[], locale: Locale) => readonly Lesson[] = perLocale(localize);

/** Every challenge in one language. */
export const challengesFor: (challenges: readonly Challenge[], locale: Locale) => readonly ChallengeLesson[] =
  perLocale(localizeChallenge);
