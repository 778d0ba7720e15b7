// Turns what happens in the course into the class's progress events: where the learner is (a step or a
// challenge), the steps they finish, the challenge hints they unlock, the solutions they reveal and the
// challenges they solve (from the progress store), failed attempts and step hints (from the course
// panel's activity events). Only while the learner has joined (ClassClient drops events otherwise).
import { challengeProgress, type Progress } from "../course/progress.ts";
import type { ProgressStore } from "../course/progress-store.ts";
import { CourseActivityEvent } from "../course/course-events.ts";
import type { Unsubscribe } from "../shared/typed-events.ts";
import type { ClassEvent } from "./class-protocol.ts";
import type { ClassClient } from "./class-client.ts";

/** The events that tell the class how `next` differs from `previous`. */
export function progressEvents(previous: Progress, next: Progress, stepIds: (exercise: string) => readonly string[] | undefined): ClassEvent[] {
  const events: ClassEvent[] = [];
  const before = previous.position;
  const after = next.position;
  const moved =
    before.view !== after.view ||
    (before.view === "step" && after.view === "step" && (before.exercise !== after.exercise || before.step !== after.step)) ||
    (before.view === "challenge" && after.view === "challenge" && before.challenge !== after.challenge);
  if (moved) {
    if (after.view === "overview") events.push({ type: "overview" });
    else if (after.view === "challenge") events.push({ type: "challenge-open", challenge: after.challenge });
    else {
      const step = stepIds(after.exercise)?.[after.step];
      if (step) events.push({ type: "position", exercise: after.exercise, step });
    }
  }
  for (const [exercise, steps] of Object.entries(next.done)) {
    const was = previous.done[exercise] ?? [];
    for (const step of steps) if (!was.includes(step)) events.push({ type: "step-done", exercise, step });
  }
  for (const challenge of Object.keys(next.challenges ?? {})) events.push(...challengeEvents(challenge, previous, next));
  return events;
}

/** Hints unlocked, the solution revealed (asked for twice before solving) and the challenge solved. */
function challengeEvents(challenge: string, previous: Progress, next: Progress): ClassEvent[] {
  const was = challengeProgress(previous, challenge);
  const now = challengeProgress(next, challenge);
  const events: ClassEvent[] = [];
  for (let hint = was.hintsUsed + 1; hint <= now.hintsUsed; hint++) events.push({ type: "challenge-hint", challenge, hint });
  // The second request shows the solution (isSolutionUnlocked); once solved, it is shown anyway.
  if (now.solutionRequests >= 2 && was.solutionRequests < 2 && now.solvedAt === undefined) events.push({ type: "solution-shown", challenge });
  if (now.solvedAt !== undefined && was.solvedAt === undefined) events.push({ type: "challenge-solved", challenge });
  return events;
}

/** Reports progress changes and course activity to the class until the returned function is called. */
export function reportProgress(
  client: ClassClient,
  store: ProgressStore,
  course: ReadonlyMap<string, readonly string[]>,
  activity: EventTarget,
): Unsubscribe {
  let previous = store.progress;
  const stop = store.events.on("change", (next) => {
    for (const event of progressEvents(previous, next, (id) => course.get(id))) client.record(event);
    previous = next;
  });
  // Joining reports where the learner is right now, so the instructor's table starts filled in.
  let wasJoined = client.status.kind === "joined";
  const joined = client.events.on("change", (status) => {
    const isJoined = status.kind === "joined";
    const justJoined = isJoined && !wasJoined;
    wasJoined = isJoined;
    if (!justJoined) return;
    const where = progressEvents({ ...store.progress, position: { view: "overview" } }, store.progress, (id) => course.get(id));
    for (const event of where.filter((e) => e.type === "position" || e.type === "challenge-open")) client.record(event);
  });
  const onActivity = (event: Event) => {
    if (event instanceof CourseActivityEvent) client.record(event.activity);
  };
  activity.addEventListener(CourseActivityEvent.type, onActivity);
  return () => {
    stop();
    joined();
    activity.removeEventListener(CourseActivityEvent.type, onActivity);
  };
}
