// A course in the learner's language: every exercise localized once per course and language, for the
// course element and the progress report (which lists the same lessons and steps).
import type { Locale } from "../exercises/locales.ts";
import { localize, type Exercise, type Lesson } from "../exercises/model.ts";

const cache = new WeakMap<readonly Exercise[], Map<Locale, readonly Lesson[]>>();

/** Every exercise of `course` in one language (localized once per course and language). */
export function lessonsFor(course: readonly Exercise[], locale: Locale): readonly Lesson[] {
  let byLocale = cache.get(course);
  if (!byLocale) cache.set(course, (byLocale = new Map<Locale, readonly Lesson[]>()));
  let lessons = byLocale.get(locale);
  if (!lessons) {
    lessons = course.map((exercise) => localize(exercise, locale));
    byLocale.set(locale, lessons);
  }
  return lessons;
}
