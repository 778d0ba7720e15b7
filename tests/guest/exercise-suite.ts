// Every exercise against the real guest (the tests are defined here; exercises-N.test.ts run a part each).
// For each exercise, on a freshly restored VM:
//   1. no step's checks pass yet, and running them (hintchecks included) changes nothing;
//   2. step by step, the checks still fail, then the step's reference solution is typed into the
//      learner's console (as a learner would), and the checks pass within a timeout;
//   3. running the checks (and the question's answer script) leaves the guest exactly as it was:
//      processes, namespaces, cgroups, mounts, network, hostname and files (their contents) are
//      compared between a fingerprint taken before the checks first run and one after;
//   4. a question's expected answer can be computed, is accepted, and a wrong answer is refused;
//   5. every mistake of a step, typed into a machine resumed from the state the previous steps'
//      solutions left (saved once, not retyped), leaves the step's checks failing, and brings up the
//      targeted hint it names.
// The proofs themselves (scripts/prove/guest-proofs.ts) are shared with `npm run prove`, which proves
// content packs the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VirtualMachine } from "../../src/vm/virtual-machine.ts";
import { formatProblem } from "../../src/exercises/loader.ts";
import { localize } from "../../src/exercises/model.ts";
import { loadExercisesFromDir } from "../../src/exercises/node-loader.ts";
import { fingerprint } from "../../scripts/prove/guest-fingerprint.ts";
import { proveFresh, proveMistake, proveSolution } from "../../scripts/prove/guest-proofs.ts";
import { TypedTerminals } from "../../scripts/prove/typed-terminals.ts";
import { startVm } from "./helpers.ts";

const { exercises, problems } = loadExercisesFromDir();
// EXERCISE=03-chroot (or a comma-separated list) runs only those folders.
const only = process.env.EXERCISE ? new Set(process.env.EXERCISE.split(",")) : undefined;

/**
 * A step types its solution, polls its checks, takes three fingerprints and saves the machine; a
 * mistake resumes a machine, types and checks. minidock's steps need more than the tier's default
 * when the host is busy.
 */
const STEP_TEST_TIMEOUT_MS = 300_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Defines the tests of every `parts`-th exercise, starting at `part` (1-based): the guest tier runs the
 * parts as files of their own (exercises-1.test.ts, ...), side by side on the machine's cores.
 */
export function exerciseSuite(part: number, parts: number): void {
  // Checks of the content and of the fingerprint itself run once, in the first part.
  if (part === 1) {
    it("the content is valid", () => {
      expect(problems.map(formatProblem)).toEqual([]);
    });

    // A filter that matches nothing must not pass with nothing tested.
    it.runIf(only)("EXERCISE names existing exercise folders", () => {
      const unknown = [...(only ?? [])].filter((folder) => !exercises.some((e) => e.folder === folder));
      expect(unknown, `EXERCISE=${process.env.EXERCISE}: no such exercise folder in src/content (e.g. 05-uts-ipc)`).toEqual([]);
    });

    describe.runIf(!only)("the guest fingerprint", () => {
      let vm: VirtualMachine;
      beforeAll(async () => {
        vm = await startVm();
      });
      afterAll(async () => {
        await vm?.dispose();
      });

      it("notices what a careless check could change", async () => {
        const before = await fingerprint(vm);
        expect(await fingerprint(vm)).toBe(before); // stable by itself
        const netIds = (text: string): Set<string> => new Set(text.match(/net:\[\d+\]/g));
        const probes: [change: string, undo: string, visible: (changed: string) => boolean][] = [
          ["mkdir /tmp/probe", "rmdir /tmp/probe", (t) => /^\/tmp\/probe$/m.test(t)],
          ["cp /etc/hostname /tmp/probe-file", "rm /tmp/probe-file", (t) => / \/tmp\/probe-file$/m.test(t)],
          ["cp /etc/hostname /tmp/hostname-copy && echo changed >> /etc/hostname", "cat /tmp/hostname-copy > /etc/hostname && rm /tmp/hostname-copy", (t) => !t.includes(before.match(/^\w+ {2}\/etc\/hostname$/m)![0])],
          ["hostname probe", "hostname lab", (t) => /^probe$/m.test(t)],
          ["echo 33 > /proc/sys/vm/swappiness", "echo 60 > /proc/sys/vm/swappiness", (t) => /^\/proc\/sys\/vm\/swappiness:33$/m.test(t)],
          ["busybox mount -t tmpfs probe /mnt", "busybox umount /mnt", (t) => / \/mnt .* - tmpfs probe /.test(t)],
          ["setsid sleep 600 </dev/null >/dev/null 2>&1 &", "kill $(pidof sleep)", (t) => /^proc \d+ 1 sleep$/m.test(t)],
          [
            "unshare --net --fork sleep 600 </dev/null >/dev/null 2>&1 &",
            "kill $(pidof sleep)",
            (t) => [...netIds(t)].some((id) => !netIds(before).has(id)),
          ],
        ];
        for (const [change, undo, visible] of probes) {
          await vm.agent.run(change);
          await sleep(300);
          const changed = await fingerprint(vm);
          expect(changed, change).not.toBe(before);
          expect(visible(changed), change).toBe(true);
          await vm.agent.run(undo);
          await sleep(300);
          expect(await fingerprint(vm), undo).toBe(before);
        }
        // Two fingerprints per probe, and a loaded machine can take several seconds for each.
      }, 600_000);
    });
  }

  if (part === 1) it("every step of the course lists at least one mistake", () => {
    const missing = exercises.flatMap((exercise) =>
      (only && !only.has(exercise.folder) ? [] : exercise.steps)
        .filter((step) => step.mistakes.length === 0 && (step.question?.mistakes.length ?? 0) === 0)
        .map((step) => `${exercise.folder} step ${step.id}`),
    );
    expect(missing, "steps without a mistake").toEqual([]);
  });

  let defined = 0;
  for (const [index, exercise] of exercises.entries()) {
    if (only && !only.has(exercise.folder)) continue;
    // Exercises alternate between the parts, so each part gets early (short) and late (long) ones.
    if (index % parts !== part - 1) continue;
    defined++;
    const lesson = localize(exercise, "en");

    describe.sequential(`exercise ${exercise.folder}`, () => {
      let vm: VirtualMachine | undefined;
      let learner: TypedTerminals;
      /** Per step id: the guest as the previous steps' solutions left it, for that step's mistakes. */
      const before = new Map<string, ArrayBuffer>();

      beforeAll(async () => {
        vm = await startVm();
        learner = new TypedTerminals(vm);
      });

      afterAll(async () => {
        await vm?.dispose();
      });

      it("no step's checks pass on a fresh VM, and running them changes nothing", async () => {
        expect(await proveFresh(vm!, lesson.steps)).toEqual([]);
      }, STEP_TEST_TIMEOUT_MS);

      for (const step of lesson.steps) {
        it(`step ${step.id}: fails, passes after the typed solution, and checking changes nothing`, async () => {
          if (step.mistakes.length > 0) before.set(step.id, await vm!.saveState());
          expect(await proveSolution(vm!, learner, step), `${exercise.folder} step ${step.id}`).toEqual([]);
        }, STEP_TEST_TIMEOUT_MS);
      }

      for (const step of lesson.steps) {
        for (const [index, mistake] of step.mistakes.entries()) {
          it(`step ${step.id}: mistake ${index + 1} (${mistake.why}) does not pass`, async () => {
            // The steps ran on the first machine; mistakes each get a machine resumed from the saved
            // state, so one machine emulates at a time.
            if (vm) {
              await vm.dispose();
              vm = undefined;
            }
            const state = before.get(step.id);
            expect(state, `the state before step ${step.id} was not saved (did its test fail?)`).toBeDefined();
            expect(await proveMistake(step.checks, mistake, index, state), `${exercise.folder} step ${step.id}`).toEqual([]);
          }, STEP_TEST_TIMEOUT_MS);
        }
      }

      afterAll(() => before.clear());
    });
  }

  // EXERCISE may select only exercises of another part: say so rather than leave this file empty.
  if (defined === 0 && part !== 1) it.skip(`no exercise of part ${part} is selected by EXERCISE=${process.env.EXERCISE ?? ""}`, () => {});
}
