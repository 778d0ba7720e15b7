// The course-all e2e spec completes a covering few exercises: they must show every kind of step the
// course has, so a new kind (a third terminal, a new check kind) pulls an exercise that shows it in.
import { describe, expect, it } from "vitest";
import { coveringExercises, selectedExercises, stepKinds } from "../../e2e/course-coverage.ts";
import { loadExercisesFromDir } from "../../src/exercises/node-loader.ts";

const { exercises } = loadExercisesFromDir();
const kindsOf = (list: readonly (typeof exercises)[number][]): string[] => [...new Set(list.flatMap((e) => [...stepKinds(e)]))].sort();

describe("the exercises the course-all e2e spec completes", () => {
  it("show every kind of step the course has, with fewer exercises than the course", () => {
    const chosen = coveringExercises(exercises);
    expect(kindsOf(chosen)).toEqual(kindsOf(exercises));
    expect(chosen.length).toBeLessThan(exercises.length);
    expect(chosen.map((e) => e.order)).toEqual([...chosen.map((e) => e.order)].sort((a, b) => a - b));
  });

  it("include one whose steps use a second terminal, and one that runs minidock", () => {
    const kinds = kindsOf(coveringExercises(exercises));
    expect(kinds).toContain("typed in terminal 2");
    expect(kinds).toContain("minidock");
  });

  it("pull in an exercise for a kind of step only it shows", () => {
    const [first, ...rest] = exercises;
    const odd = { ...first!, folder: "99-odd", steps: [{ ...first!.steps[0]!, solution: "# terminal 3\ntrue\n" }] };
    expect(coveringExercises([...rest, odd]).map((e) => e.folder)).toContain("99-odd");
  });

  it("are all of them with E2E_COURSE=all, the named ones with a list, and an unknown name is refused", () => {
    expect(selectedExercises(exercises, "all")).toHaveLength(exercises.length);
    expect(selectedExercises(exercises, "05-uts-ipc,03-chroot").map((e) => e.folder)).toEqual(["03-chroot", "05-uts-ipc"]);
    expect(() => selectedExercises(exercises, "03-chrot")).toThrow(/03-chrot/);
  });
});
