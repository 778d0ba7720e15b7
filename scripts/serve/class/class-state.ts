// The class as the instructor sees it, rebuilt from the log's records: who joined, where each student
// is, how long they have been on their step, failed attempts and hints there, and every event for the
// timeline. Pure (no I/O): the server applies a record here only after the log has stored it, and a
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
        challengesPassed: 0,
        challengesTried: 0,
        lastSeen: record.at,
      };
      this.students.set(record.student, { row, keyHash: record.keyHash, lastSeq: 0, timeline: [], doneSteps: new Set() });
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
      return { ...row, exercise: undefined, step: undefined, since: at, failed: 0, hints: 0 };
    case "position":
      // Reopening the step they are on keeps its clock and counts.
      if (row.exercise === event.exercise && row.step === event.step) return row;
      return { ...row, exercise: event.exercise, step: event.step, since: at, failed: 0, hints: 0 };
    case "step-done": {
      student.doneSteps.add(`${event.exercise}/${event.step}`);
      return { ...row, done: student.doneSteps.size };
    }
    case "check-failed":
    case "answer-wrong":
      return onStep(row, event, at, (r) => ({ ...r, failed: r.failed + 1 }));
    case "hint-shown":
    case "solution-shown":
      return onStep(row, event, at, (r) => ({ ...r, hints: r.hints + 1 }));
    case "challenge":
      return {
        ...row,
        challengesTried: row.challengesTried + 1,
        challengesPassed: row.challengesPassed + (event.passed ? 1 : 0),
      };
  }
}

/** Counts on the current step; an event about another step first moves the student there. */
function onStep(row: StudentRow, where: { exercise: string; step: string }, at: string, change: (row: StudentRow) => StudentRow): StudentRow {
  const here = row.exercise === where.exercise && row.step === where.step;
  return change(here ? row : { ...row, exercise: where.exercise, step: where.step, since: at, failed: 0, hints: 0 });
}
