// Deep links into the course: `#/EXERCISE/STEP` (STEP counted from 1, as the page shows it) opens that
// step, so an instructor can link to one; `#/challenge/ID` opens a challenge; `#/` opens the overview.
// The address follows the learner.
import type { Position } from "../course/progress.ts";

/** What a link may name: each exercise's id and number of steps. */
export interface LinkTarget {
  readonly id: string;
  readonly steps: readonly unknown[];
}

/** The position a hash names, or undefined when it names nothing the course has. */
export function parseDeepLink(hash: string, exercises: readonly LinkTarget[], challenges: readonly { readonly id: string }[] = []): Position | undefined {
  const challenge = /^#\/challenge\/([^/]+)\/?$/.exec(hash);
  if (challenge) {
    const id = decodeURIComponent(challenge[1]!);
    return challenges.some((c) => c.id === id) ? { view: "challenge", challenge: id } : undefined;
  }
  const match = /^#\/([^/]*)(?:\/(\d+))?\/?$/.exec(hash);
  if (!match) return undefined;
  const [, id, step] = match;
  if (!id) return { view: "overview" };
  const exercise = exercises.find((e) => e.id === decodeURIComponent(id));
  if (!exercise) return undefined;
  const index = step === undefined ? 0 : Number(step) - 1;
  if (index < 0 || index >= exercise.steps.length) return undefined;
  return { view: "step", exercise: exercise.id, step: index };
}

export function formatDeepLink(position: Position): string {
  if (position.view === "overview") return "#/";
  if (position.view === "challenge") return `#/challenge/${encodeURIComponent(position.challenge)}`;
  return `#/${encodeURIComponent(position.exercise)}/${position.step + 1}`;
}
