// The course progress as a file a learner can take to another machine or hand in: readable JSON with
// a kind and a format number, so an import can tell it from any other file and say what is wrong.
// Importing merges (a step done in either copy stays done), so importing never loses work.
import { parseProgress, serializeProgress, type ChallengeProgress, type Progress } from "../course/progress.ts";

export const PROGRESS_FILE_KIND = "isolation-lab-progress";

export interface ProgressFile {
  readonly kind: typeof PROGRESS_FILE_KIND;
  readonly format: 1;
  readonly exportedAt: string;
  /** progress.ts's stored form. */
  readonly progress: unknown;
}

export class ProgressFileError extends Error {
  override readonly name = "ProgressFileError";
}

export function encodeProgressFile(progress: Progress, exportedAt: Date): string {
  const file: ProgressFile = {
    kind: PROGRESS_FILE_KIND,
    format: 1,
    exportedAt: exportedAt.toISOString(),
    progress: JSON.parse(serializeProgress(progress)) as unknown,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads an exported progress file; throws ProgressFileError saying why it cannot be used. */
export function parseProgressFile(text: string): Progress {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProgressFileError("the file is not an Isolation Lab progress file (it is not JSON)");
  }
  if (typeof json !== "object" || json === null || (json as { kind?: unknown }).kind !== PROGRESS_FILE_KIND) {
    throw new ProgressFileError("the file is not an Isolation Lab progress file");
  }
  const format = (json as { format?: unknown }).format;
  if (format !== 1) throw new ProgressFileError(`the file has format ${String(format)}, which this version of the lab cannot read`);
  return progressFromStoredForm((json as { progress?: unknown }).progress);
}

/** Validates progress in its stored form (also carried inside an exported machine). */
export function progressFromStoredForm(stored: unknown): Progress {
  const parsed = parseProgress(JSON.stringify(stored ?? null));
  if (parsed.kind !== "ok") throw new ProgressFileError(`the progress in the file is damaged${parsed.kind === "corrupt" ? ` (${parsed.reason.split("\n")[0]})` : ""}`);
  return parsed.progress;
}

/**
 * Combines two copies of the progress: every step done in either is done (at the earlier time), every
 * answer kept (the imported one wins when both answered), and the imported position is where to continue.
 * A challenge solved in either is solved (at the earlier time), with the larger count of hints used.
 */
export function mergeProgress(current: Progress, imported: Progress): Progress {
  const done: Record<string, string[]> = {};
  for (const source of [current.done, imported.done]) {
    for (const [exercise, steps] of Object.entries(source)) {
      const merged = (done[exercise] ??= []);
      for (const step of steps) if (!merged.includes(step)) merged.push(step);
    }
  }
  const doneAt: Record<string, string> = { ...current.doneAt };
  for (const [key, at] of Object.entries(imported.doneAt ?? {})) {
    const known = doneAt[key];
    if (!known || Date.parse(at) < Date.parse(known)) doneAt[key] = at;
  }
  const locale = current.locale ?? imported.locale;
  const challenges = mergeChallenges(current.challenges ?? {}, imported.challenges ?? {});
  return {
    ...(locale ? { locale } : {}),
    position: imported.position,
    done,
    answers: { ...current.answers, ...imported.answers },
    ...(Object.keys(doneAt).length > 0 ? { doneAt } : {}),
    ...(Object.keys(challenges).length > 0 ? { challenges } : {}),
  };
}

function mergeChallenges(
  current: Readonly<Record<string, ChallengeProgress>>,
  imported: Readonly<Record<string, ChallengeProgress>>,
): Record<string, ChallengeProgress> {
  const merged: Record<string, ChallengeProgress> = { ...current };
  for (const [id, theirs] of Object.entries(imported)) {
    const ours = merged[id];
    if (!ours) {
      merged[id] = theirs;
      continue;
    }
    const times = [ours.solvedAt, theirs.solvedAt].filter((t): t is string => t !== undefined);
    const solvedAt = times.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
    merged[id] = {
      hintsUsed: Math.max(ours.hintsUsed, theirs.hintsUsed),
      solutionRequests: Math.max(ours.solutionRequests, theirs.solutionRequests),
      ...(solvedAt ? { solvedAt } : {}),
    };
  }
  return merged;
}

/** How many steps a progress has done in all (for "imported 12 steps"). */
export function countDone(progress: Progress): number {
  return Object.values(progress.done).reduce((n, steps) => n + steps.length, 0);
}
