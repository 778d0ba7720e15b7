// The exercise format, loader and check runner in one import, for Node code and tools. The page imports
// model.ts and check-runner.ts directly and gets the course compiled at build time
// (virtual:isolation-lab/course), so the loader's YAML parser and schema validator stay out of it.
export { LOCALES, DEFAULT_LOCALE, isLocale, type Locale } from "./locales.ts";
export * from "./model.ts";
export {
  loadExercises,
  loadExercisesOrThrow,
  formatProblem,
  ExerciseContentError,
  type ContentFile,
  type ContentProblem,
  type LoadResult,
} from "./loader.ts";
export {
  runChecks,
  runCheck,
  checkAnswer,
  judgeAnswer,
  ChecksAbortedError,
  type CheckResult,
  type CheckStatus,
  type StepReport,
  type AnswerResult,
  type AnswerStatus,
  type RunnableCheck,
  type RunChecksOptions,
} from "./check-runner.ts";
export * from "./challenge-model.ts";
export { CHALLENGE_TOPICS, type ChallengeTopic } from "./challenge-schema.ts";
export { loadChallenges, type ChallengeLoadResult } from "./challenge-loader.ts";
export type { Mistake } from "./mistakes.ts";
