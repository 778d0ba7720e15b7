// The course's exercises and challenges in one language, localized once per language and shared by the
// course panel's elements and the progress report.
import { CHALLENGES, EXERCISES } from "../exercises/bundled.ts";
import { localizeChallenge, type ChallengeLesson } from "../exercises/challenge-model.ts";
import type { Locale } from "../exercises/locales.ts";
import { localize, type Lesson } from "../exercises/model.ts";

const lessonCache = new Map<Locale, readonly Lesson[]>();
const challengeCache = new Map<Locale, readonly ChallengeLesson[]>();

/** Every exercise in one language. */
export function lessonsFor(locale: Locale): readonly Lesson[] {
  let lessons = lessonCache.get(locale);
  if (!lessons) {
    lessons = EXERCISES.map((exercise) => localize(exercise, locale));
    lessonCache.set(locale, lessons);
  }
  return lessons;
}

/** Every challenge in one language. */
export function challengesFor(locale: Locale): readonly ChallengeLesson[] {
  let challenges = challengeCache.get(locale);
  if (!challenges) {
    challenges = CHALLENGES.map((challenge) => localizeChallenge(challenge, locale));
    challengeCache.set(locale, challenges);
  }
  return challenges;
}
