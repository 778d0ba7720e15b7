// The class as the instructor sees it, rebuilt from the log's records: who joined, where each student
// is (a step or a challenge), how long they have been there, failed attempts and hints there, solutions
// revealed and challenges tried and solved, and every event for the timeline. Pure (no I/O): the server applies a record here only after the log has stored it, and a
// restart replays the log through the same code.
import type { StudentRow, TimelineEntry } from "../../../src/classroom/class-protocol.ts";
import type { ClassRecord } from "./class-records.ts";

interface Student {
  row: StudentRow;
  keyHash: string;
  /** Highest seq stored: a resent event with a seq up to here is acknowledged and not stored again. */
  lastSeq: number;
  timeline: TimelineEntry[];
  /** Steps done, as exercise/step, so a step done twice counts once. */
  doneSteps: Set<string>;
  /** Challenges tried and solved, by id, so a challenge counts once however many events it brings. */
  triedChallenges: Set<string>;
  solvedChallenges: Set<string>;
}

export class ClassState {
  private readonly students = new Map<string, Student>();

  /** Applies one stored record; returns the student's row after it (undefined for an unknown student). */
  apply(record: ClassRecord): StudentRow | undefined {
    if (record.type === "join") {
      const row: StudentRow = {
        student: record.student,
        name: record.name,
        joinedAt: record.at,
        left: false,
        since: record.at,
        failed: 0,
        hints: 0,
        done: 0,
        solutions: 0,
        challengesPassed: 0,
        challengesTried: 0,
        lastSeen: record.at,
      };
      this.students.set(record.student, {
        row,
        keyHash: record.keyHash,
        lastSeq: 0,
        timeline: [],
        doneSteps: new Set(),
        triedChallenges: new Set(),
        solvedChallenges: new Set(),
      });
      return row;
    }
    const student = this.students.get(record.student);
    if (!student) return undefined;
    if (record.type === "leave") {
      student.row = { ...student.row, left: true, lastSeen: record.at };
      return student.row;
    }
    if (record.seq <= student.lastSeq) return student.row;
    student.lastSeq = record.seq;
    student.timeline.push({ seq: record.seq, at: record.at, receivedAt: record.receivedAt, event: record.event });
    student.row = nextRow(student, record.event, record.receivedAt);
    return student.row;
  }

  has(student: string): boolean {
    return this.students.has(student);
  }

  keyHash(student: string): string | undefined {
    return this.students.get(student)?.keyHash;
  }

  lastSeq(student: string): number {
    return this.students.get(student)?.lastSeq ?? 0;
  }

  rows(): StudentRow[] {
    return [...this.students.values()].map((s) => s.row);
  }

  timeline(student: string): readonly TimelineEntry[] | undefined {
    return this.students.get(student)?.timeline;
  }

  /** Events stored, over every student (the load test counts them). */
  eventCount(): number {
    let count = 0;
    for (const s of this.students.values()) count += s.timeline.length;
    return count;
  }
}

function nextRow(student: Student, event: TimelineEntry["event"], at: string): StudentRow {
  const row = { ...student.row, lastSeen: at, left: false };
  switch (event.type) {
    case "overview":
      return { ...row, exercise: undefined, step: undefined, challenge: undefined, since: at, failed: 0, hints: 0 };
    case "position":
      // Reopening the step they are on keeps its clock and counts.
      if (row.exercise === event.exercise && row.step === event.step) return row;
      return { ...row, exercise: event.exercise, step: event.step, challenge: undefined, since: at, failed: 0, hints: 0 };
    case "challenge-open":
      return onChallenge(row, event.challenge, at, (r) => r);
    case "step-done": {
      student.doneSteps.add(`${event.exercise}/${event.step}`);
      return { ...row, done: student.doneSteps.size };
    }
    case "check-failed":
    case "answer-wrong":
      return onStep(row, event, at, (r) => ({ ...r, failed: r.failed + 1 }));
    case "hint-shown":
      return onStep(row, event, at, (r) => ({ ...r, hints: r.hints + 1 }));
    case "challenge-failed":
    case "challenge-hint":
    case "solution-shown":
    case "challenge-solved": {
      student.triedChallenges.add(event.challenge);
      if (event.type === "challenge-solved") student.solvedChallenges.add(event.challenge);
      const counted = { ...row, challengesTried: student.triedChallenges.size, challengesPassed: student.solvedChallenges.size };
      return onChallenge(counted, event.challenge, at, (r) => {
        if (event.type === "challenge-failed") return { ...r, failed: r.failed + 1 };
        if (event.type === "challenge-hint") return { ...r, hints: r.hints + 1 };
        if (event.type === "solution-shown") return { ...r, solutions: r.solutions + 1 };
        return r;
      });
    }
  }
}

/** Counts on the current challenge; an event about another challenge (or reopening it) first moves the student there. */
function onChallenge(row: StudentRow, challenge: string, at: string, change: (row: StudentRow) => StudentRow): StudentRow {
  if (row.challenge === challenge) return change(row);
  return change({ ...row, exercise: undefined, step: undefined, challenge, since: at, failed: 0, hints: 0 });
}

/** Counts on the current step; an event about another step first moves the student there. */
function onStep(row: StudentRow, where: { exercise: string; step: string }, at: string, change: (row: StudentRow) => StudentRow): StudentRow {
  const here = row.exercise === where.exercise && row.step === where.step;
  return change(here ? row : { ...row, exercise: where.exercise, step: where.step, challenge: undefined, since: at, failed: 0, hints: 0 });
}
