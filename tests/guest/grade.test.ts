// `npm run grade` against the real guest: a handed-in machine is resumed and re-checked, so a step counts
// as proven only if the machine still shows it; a done step the machine does not show, and every step
// of a JSON-only hand-in (anyone can edit one: "done on 2020-01-01"), is self-reported, never proven.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { V86_VERSION } from "../../images/node-asset-source.ts";
import { gradesCsv, lessonsInScope } from "../../scripts/grade/class-grades.ts";
import { gradeHandIn } from "../../scripts/grade/grade-hand-in.ts";
import { readHandIn } from "../../scripts/grade/hand-in.ts";
import { serializeProgress, type Progress } from "../../src/course/progress.ts";
import { loadExercisesFromDir } from "../../src/exercises/node-loader.ts";
import { encodeMachine } from "../../src/saved/machine-envelope.ts";
import { encodeProgressFile } from "../../src/saved/progress-file.ts";
import { runningOrigin } from "../../src/vm/virtual-machine.ts";
import { loadManifest, shOk, startVm } from "./helpers.ts";

const dir = mkdtempSync(path.join(tmpdir(), "lab-grade-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { exercises } = loadExercisesFromDir();
const lessons = lessonsInScope(exercises, [], { exercise: "01-inside-a-vm" });

it("proves what the handed-in machine shows and calls the rest self-reported", { timeout: 600_000 }, async () => {
  // A learner saved the boot log (boot-log), and claims own-kernel too with a wrong answer.
  const vm = await startVm();
  await shOk(vm, "dmesg > /root/boot.log");
  const state = await vm.saveState();
  await vm.dispose();
  const claimed: Progress = {
    position: { view: "overview" },
    done: { "inside-a-vm": ["boot-log", "own-kernel"] },
    answers: { "inside-a-vm/own-kernel": "not-the-kernel-release" },
    doneAt: { "inside-a-vm/boot-log": "2020-01-01T00:00:00.000Z", "inside-a-vm/own-kernel": "2020-01-01T00:00:00.000Z" },
  };
  const machineFile = path.join(dir, "ada.islab");
  const stored = JSON.parse(serializeProgress(claimed)) as Record<string, unknown>;
  writeFileSync(
    machineFile,
    await encodeMachine({
      state,
      origin: runningOrigin(await loadManifest(), V86_VERSION),
      savedAt: new Date(),
      console: "",
      progress: { ...stored, learner: { name: "Ada", id: "s-17" } },
    }),
  );
  // Another learner hands in only an edited JSON claiming the same steps.
  const jsonFile = path.join(dir, "mallory.json");
  writeFileSync(jsonFile, encodeProgressFile(claimed, new Date()));

  const ada = await gradeHandIn(await readHandIn(machineFile), lessons);
  expect(ada.learner).toBe("Ada (s-17)");
  expect(ada.steps.get("inside-a-vm/boot-log")).toBe("proven");
  expect(ada.steps.get("inside-a-vm/own-kernel")).toBe("self-reported");
  expect(ada.steps.get("inside-a-vm/emulated-cpu")).toBe("missing");

  const mallory = await gradeHandIn(await readHandIn(jsonFile), lessons);
  expect(mallory.learner).toBe("mallory");
  expect(mallory.steps.get("inside-a-vm/boot-log")).toBe("self-reported");
  expect(mallory.steps.get("inside-a-vm/own-kernel")).toBe("self-reported");
  expect([...mallory.steps.values()].includes("proven")).toBe(false);
  expect(mallory.note).toMatch(/progress only/);

  const csv = gradesCsv([ada, mallory], lessons).split("\r\n");
  expect(csv[0]).toContain('"learner","file","proven","self_reported","missing","inside-a-vm/own-kernel","inside-a-vm/boot-log"');
  expect(csv[1]).toMatch(/^"Ada \(s-17\)",".*ada\.islab","1","1","4","self-reported","proven","missing"/);
  expect(csv[2]).toMatch(/^"mallory",".*mallory\.json","0","2","4",/);
});
