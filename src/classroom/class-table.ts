// The instructor's class table, pure: rows ordered by exercise and step, who counts as stuck, durations
// as people read them, and the table as CSV. Used by the instructor's page and the server's CSV export.
import type { StudentRow } from "./class-protocol.ts";
import { toCsv } from "./csv.ts";

/** Minutes on one step after which a student stands out as stuck (the instructor's page can change it). */
export const DEFAULT_STUCK_MINUTES = 10;
/** Failed attempts on one step after which a student stands out as stuck whatever the time. */
export const STUCK_FAILED_ATTEMPTS = 5;

/** Seconds a student has been on their current step (or challenge) at `now`. */
export function secondsOnStep(row: StudentRow, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(row.since)) / 1000));
}

export function isStuck(row: StudentRow, now: number, stuckMinutes = DEFAULT_STUCK_MINUTES): boolean {
  if (row.left || !(row.step || row.challenge)) return false;
  return secondsOnStep(row, now) >= stuckMinutes * 60 || row.failed >= STUCK_FAILED_ATTEMPTS;
}

/** "1:05:09", "12:03", "0:07": hours only when needed. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** By exercise (the course's order is the ids' order of appearance in `exerciseOrder`), then step, then name. */
export function sortRows(rows: readonly StudentRow[], exerciseOrder: readonly string[] = []): StudentRow[] {
  const rank = (exercise: string | undefined): number => {
    if (!exercise) return Number.MAX_SAFE_INTEGER;
    const index = exerciseOrder.indexOf(exercise);
    return index < 0 ? exerciseOrder.length : index;
  };
  return [...rows].sort(
    (a, b) =>
      rank(a.exercise) - rank(b.exercise) ||
      (a.exercise ?? "").localeCompare(b.exercise ?? "") ||
      (a.step ?? "").localeCompare(b.step ?? "") ||
      a.name.localeCompare(b.name),
  );
}

export const CSV_HEADER = [
  "student",
  "name",
  "exercise",
  "step",
  "challenge",
  "seconds_on_step",
  "failed_attempts",
  "hints",
  "steps_done",
  "solutions_shown",
  "challenges_passed",
  "challenges_tried",
  "stuck",
  "left",
  "joined_at",
  "last_seen",
] as const;

export function classCsv(rows: readonly StudentRow[], now: number, stuckMinutes = DEFAULT_STUCK_MINUTES): string {
  return toCsv([
    CSV_HEADER,
    ...sortRows(rows).map((r) => [
      r.student,
      r.name,
      r.exercise ?? "",
      r.step ?? "",
      r.challenge ?? "",
      secondsOnStep(r, now),
      r.failed,
      r.hints,
      r.done,
      r.solutions,
      r.challengesPassed,
      r.challengesTried,
      isStuck(r, now, stuckMinutes),
      r.left,
      r.joinedAt,
      r.lastSeen,
    ]),
  ]);
}
