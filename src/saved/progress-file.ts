// The course progress as a file a learner can take to another machine or hand in: readable JSON with
// a kind and a format number, so an import can tell it from any other file and say what is wrong.
// Importing merges (a step done in either copy stays done), so importing never loses work.
import { parseProgress, serializeProgress, type Progress } from "../course/progress.ts";
import { LabError } from "../shared/lab-error.ts";

export const PROGRESS_FILE_KIND = "isolation-lab-progress";

export interface ProgressFile {
  readonly kind: typeof PROGRESS_FILE_KIND;
  readonly format: 1;
  readonly exportedAt: string;
  /** progress.ts's stored form. */
  readonly progress: unknown;
  /** Who exported it, when known (the name and id the learner joined a class with): for the grader. */
  readonly learner?: Learner;
}

/** The learner an exported file belongs to. Self-declared, like the progress: a name to read, not a proof. */
export interface Learner {
  readonly name: string;
  readonly id?: string;
}

/** Why a progress file cannot be used: another kind of file, one from a newer lab, or damaged progress. */
export type ProgressFileProblem = "not-progress" | "unsupported-format" | "damaged";

export class ProgressFileError extends LabError<ProgressFileProblem> {
  override readonly name = "ProgressFileError";
}

export function encodeProgressFile(progress: Progress, exportedAt: Date, learner?: Learner): string {
  const file: ProgressFile = {
    kind: PROGRESS_FILE_KIND,
    format: 1,
    exportedAt: exportedAt.toISOString(),
    progress: JSON.parse(serializeProgress(progress)) as unknown,
    ...(learner ? { learner } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads an exported progress file; throws ProgressFileError saying why it cannot be used. */
export function parseProgressFile(text: string): Progress {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProgressFileError("not-progress", "the file is not an Isolation Lab progress file (it is not JSON)");
  }
  if (typeof json !== "object" || json === null || (json as { kind?: unknown }).kind !== PROGRESS_FILE_KIND) {
    throw new ProgressFileError("not-progress", "the file is not an Isolation Lab progress file");
  }
  const format = (json as { format?: unknown }).format;
  if (format !== 1) throw new ProgressFileError("unsupported-format", `the file has format ${String(format)}, which this version of the lab cannot read`);
  return progressFromStoredForm((json as { progress?: unknown }).progress);
}

/** Validates progress in its stored form (also carried inside an exported machine). */
export function progressFromStoredForm(stored: unknown): Progress {
  const parsed = parseProgress(JSON.stringify(stored ?? null));
  if (parsed.kind !== "ok") throw new ProgressFileError("damaged", `the progress in the file is damaged${parsed.kind === "corrupt" ? ` (${parsed.reason.split("\n")[0]})` : ""}`);
  return parsed.progress;
}
