// The course in the learner's language: every exercise localized once per language, for the course
// element and the progress report (which lists the same lessons and steps).
import { EXERCISES } from "../exercises/bundled.ts";
import type { Locale } from "../exercises/locales.ts";
import { localize, type Lesson } from "../exercises/model.ts";

const lessonCache = new Map<Locale, readonly Lesson[]>();

/** Every exercise in one language (localized once per language). */
export function lessonsFor(locale: Locale): readonly Lesson[] {
  let lessons = lessonCache.get(locale);
  if (!lessons) {
    lessons = EXERCISES.map((exercise) => localize(exercise, locale));
    lessonCache.set(locale, lessons);
  }
  return lessons;
}
