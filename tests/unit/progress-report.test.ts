// The instructor's report model: every exercise and step in course order, done or not, with times.
import { describe, expect, it } from "vitest";
import { EMPTY_PROGRESS, type Progress } from "../../src/course/progress.ts";
import { buildReport, type ReportLesson } from "../../src/saved/progress-report.ts";

const lessons: ReportLesson[] = [
  { id: "vm", title: "Inside a VM", steps: [{ id: "a", title: "Look around" }, { id: "b", title: "Kernel" }] },
  { id: "chroot", title: "chroot", steps: [{ id: "build", title: "Build a root" }, { id: "enter", title: "Enter it" }] },
];

describe("buildReport", () => {
  it("lists every step as not done for a new learner", () => {
    const report = buildReport(lessons, EMPTY_PROGRESS);
    expect(report).toMatchObject({ doneCount: 0, stepCount: 4, completedExercises: 0 });
    expect(report.exercises.map((e) => e.steps.map((s) => s.done))).toEqual([
      [false, false],
      [false, false],
    ]);
  });

  it("shows done steps with their times, and when an exercise was completed", () => {
    const progress: Progress = {
      position: { view: "overview" },
      done: { vm: ["a", "b"], chroot: ["enter"], gone: ["x"] },
      answers: {},
      doneAt: { "vm/a": "2026-03-01T09:00:00.000Z", "vm/b": "2026-03-01T09:20:00.000Z" },
    };
    const report = buildReport(lessons, progress);
    expect(report).toMatchObject({ doneCount: 3, stepCount: 4, completedExercises: 1 });
    const [vm, chroot] = report.exercises;
    expect(vm).toMatchObject({ doneCount: 2, completedAt: new Date("2026-03-01T09:20:00Z") });
    expect(vm!.steps[0]).toEqual({ id: "a", title: "Look around", done: true, doneAt: new Date("2026-03-01T09:00:00Z") });
    // Done before times were recorded: done, without a time.
    expect(chroot!.steps[1]).toEqual({ id: "enter", title: "Enter it", done: true });
    expect(chroot!.completedAt).toBeUndefined();
  });
});
