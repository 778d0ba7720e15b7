// What a learner's page and the class server (scripts/serve/class/) say to each other: the URLs, the
// progress events and their limits. No DOM, no Node: both sides import it. Events are small facts about
// the course (a step done, a failed check, a hint shown, where the learner is), never what the terminal
// shows or what was typed. Plain types and constants: the server validates requests with the zod schemas in
// scripts/serve/class/class-schemas.ts, so the page ships no schema validator.

export const CLASS_API = {
  /** GET: answers only when the page was served by `npm run serve -- --class` (feature detection). */
  hello: "class/api/hello",
  /** POST { name } -> { student, key } */
  join: "class/api/join",
  /** POST { student, key, events } -> { stored, acked } */
  events: "class/api/events",
  /** POST { student, key } */
  leave: "class/api/leave",
  /** GET (instructor): server-sent events, a snapshot and then one row per change. */
  stream: "class/api/instructor/stream",
  /** GET (instructor): the class table as CSV. */
  csv: "class/api/instructor/class.csv",
  /** GET (instructor): one student's events, `?student=<id>`. */
  timeline: "class/api/instructor/timeline",
} as const;

/** Largest request body the server reads (bytes); a batch of events fits many times over. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Most events in one request; the page sends its queue in batches of this size. */
export const MAX_EVENTS_PER_REQUEST = 50;
/** Longest learner name kept, in characters, after cleaning. */
export const MAX_NAME_LENGTH = 40;

type Where = { readonly exercise: string; readonly step: string };
type OnChallenge = { readonly challenge: string };

/** One progress fact, as the page sends it (the server checks it against scripts/serve/class/class-schemas.ts). */
export type ClassEvent =
  | ({ readonly type: "position" } & Where)
  | { readonly type: "overview" }
  | ({ readonly type: "step-done" } & Where)
  | ({ readonly type: "check-failed" } & Where)
  | ({ readonly type: "answer-wrong" } & Where)
  | ({ readonly type: "hint-shown"; readonly check: string } & Where)
  /** The learner opened a challenge: where they are now. */
  | ({ readonly type: "challenge-open" } & OnChallenge)
  /** The learner asked for the challenge's checks and they failed: an attempt that failed. */
  | ({ readonly type: "challenge-failed" } & OnChallenge)
  /** The learner unlocked the challenge's hint number `hint` (from 1). */
  | ({ readonly type: "challenge-hint"; readonly hint: number } & OnChallenge)
  /** The learner revealed the challenge's reference solution before solving it. */
  | ({ readonly type: "solution-shown" } & OnChallenge)
  | ({ readonly type: "challenge-solved" } & OnChallenge);
export type ClassEventType = ClassEvent["type"];

/** An event with its number: `seq` numbers a student's events from 1, so a resend is stored once. */
export interface SentEvent {
  readonly seq: number;
  /** When it happened in the page (ISO 8601); the server keeps its own receipt time too. */
  readonly at: string;
  readonly event: ClassEvent;
}

export interface JoinReply {
  readonly student: string;
  readonly key: string;
  readonly name: string;
}

export interface EventsReply {
  /** How many of the request's events were new (a resent event is acknowledged, not stored again). */
  readonly stored: number;
  /** The highest seq the server holds for this student: the page drops everything up to it from its queue. */
  readonly acked: number;
}

/** One student as the instructor's table shows them. */
export interface StudentRow {
  readonly student: string;
  readonly name: string;
  readonly joinedAt: string;
  readonly left: boolean;
  /** Where they are: a step, or a challenge; neither on the overview or before the first event. */
  readonly exercise?: string;
  readonly step?: string;
  readonly challenge?: string;
  /** Since when they are on this step or challenge (ISO 8601). */
  readonly since: string;
  /** Failed check attempts and wrong answers on the current step or challenge. */
  readonly failed: number;
  /** Hints shown on the current step or challenge. */
  readonly hints: number;
  /** Steps done, in all. */
  readonly done: number;
  /** Reference solutions revealed, in all. */
  readonly solutions: number;
  /** Challenges solved, and tried (an attempt, a hint or the solution), in all. */
  readonly challengesPassed: number;
  readonly challengesTried: number;
  /** Last time the server heard from them (ISO 8601). */
  readonly lastSeen: string;
}

/** A stored event of one student, for the timeline. */
export interface TimelineEntry {
  readonly seq: number;
  readonly at: string;
  readonly receivedAt: string;
  readonly event: ClassEvent;
}

/** What the instructor's live stream sends. */
export type StreamMessage =
  | { readonly kind: "snapshot"; readonly rows: readonly StudentRow[] }
  /** A student's row after a change; `seq` names the event that changed it (absent for joins and leaves). */
  | { readonly kind: "row"; readonly row: StudentRow; readonly seq?: number };
