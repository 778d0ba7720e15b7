// A student's hand-in as the grader reads it: an exported machine (`.islab`: the saved guest with the
// progress inside) or an exported progress (`.json`, which anyone can edit). The learner is named by
// the file's `learner` field when it has one, else by the file's name.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Progress } from "../../src/course/progress.ts";
import { decodeMachine, type SavedMachine } from "../../src/saved/machine-envelope.ts";
import { parseProgressFile, progressFromStoredForm } from "../../src/saved/progress-file.ts";

export interface HandIn {
  readonly file: string;
  readonly learner: string;
  /** What the learner's page recorded as done (self-reported: a JSON file is easy to edit). */
  readonly progress: Progress;
  /** The saved machine, for an .islab: the grader re-runs the checks in it. */
  readonly machine?: SavedMachine;
}

const MAGIC = "ISOLAB-VM\n";

function learnerOf(json: unknown, file: string): string {
  const learner = (json as { learner?: { name?: unknown; id?: unknown } } | null)?.learner;
  const name = typeof learner?.name === "string" && learner.name.trim() ? learner.name.trim() : undefined;
  const id = typeof learner?.id === "string" && learner.id.trim() ? learner.id.trim() : undefined;
  return [name, id && `(${id})`].filter(Boolean).join(" ") || path.basename(file).replace(/\.(islab|json)$/i, "");
}

/** Reads one hand-in; throws with a message saying what is wrong with the file. */
export async function readHandIn(file: string): Promise<HandIn> {
  const bytes = readFileSync(file);
  if (bytes.subarray(0, MAGIC.length).toString("latin1") === MAGIC) {
    const machine = await decodeMachine(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (machine.header.progress === undefined) throw new Error("the saved machine carries no progress (it was not exported from the lab)");
    const progress = progressFromStoredForm(machine.header.progress);
    return { file, learner: learnerOf(machine.header.progress, file), progress, machine };
  }
  const text = bytes.toString("utf8");
  const progress = parseProgressFile(text);
  return { file, learner: learnerOf(JSON.parse(text), file), progress };
}
