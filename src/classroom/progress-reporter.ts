// Turns what happens in the course into the class's progress events: where the learner is and the steps
// they finish (from the progress store), failed attempts and hints (from the course panel's activity
// events). Only while the learner has joined (ClassClient drops events otherwise).
import type { Progress } from "../course/progress.ts";
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
    before.view !== after.view || (before.view === "step" && after.view === "step" && (before.exercise !== after.exercise || before.step !== after.step));
  if (moved) {
    if (after.view === "overview") events.push({ type: "overview" });
    else if (after.view === "step") {
      const step = stepIds(after.exercise)?.[after.step];
      if (step) events.push({ type: "position", exercise: after.exercise, step });
    }
  }
  for (const [exercise, steps] of Object.entries(next.done)) {
    const was = previous.done[exercise] ?? [];
    for (const step of steps) if (!was.includes(step)) events.push({ type: "step-done", exercise, step });
  }
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
    for (const event of where.filter((e) => e.type === "position")) client.record(event);
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
