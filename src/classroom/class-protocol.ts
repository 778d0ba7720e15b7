// What a learner's page and the class server (scripts/serve/class/) say to each other: the URLs, the
// progress events and their limits. No DOM, no Node: both sides import it. Events are small facts about
// the course (a step done, a failed check, a hint shown, where the learner is), never what the terminal
// shows or what was typed.
import { z } from "zod";

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

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/);

const where = { exercise: id, step: id };

/** One progress fact, as the page sends it. `seq` numbers a student's events from 1, so a resend is stored once. */
export const classEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("position"), ...where }),
  z.object({ type: z.literal("overview") }),
  z.object({ type: z.literal("step-done"), ...where }),
  z.object({ type: z.literal("check-failed"), ...where }),
  z.object({ type: z.literal("answer-wrong"), ...where }),
  z.object({ type: z.literal("hint-shown"), ...where, check: id }),
  z.object({ type: z.literal("solution-shown"), ...where }),
  z.object({ type: z.literal("challenge"), ...where, passed: z.boolean() }),
]);

export type ClassEvent = z.infer<typeof classEventSchema>;
export type ClassEventType = ClassEvent["type"];

export const sentEventSchema = z.object({
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** When it happened in the page (ISO 8601); the server keeps its own receipt time too. */
  at: z.string().datetime(),
  event: classEventSchema,
});
export type SentEvent = z.infer<typeof sentEventSchema>;

const credentials = { student: z.string().regex(/^s-[0-9a-f]{16}$/), key: z.string().regex(/^[0-9a-f]{32}$/) };

export const joinRequestSchema = z.object({ name: z.string().max(200) }).strict();
export const eventsRequestSchema = z
  .object({ ...credentials, events: z.array(sentEventSchema).min(1).max(MAX_EVENTS_PER_REQUEST) })
  .strict();
export const leaveRequestSchema = z.object(credentials).strict();

export type JoinRequest = z.infer<typeof joinRequestSchema>;
export type EventsRequest = z.infer<typeof eventsRequestSchema>;

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
  /** Where they are; absent on the overview or before the first event. */
  readonly exercise?: string;
  readonly step?: string;
  /** Since when they are on this step (ISO 8601). */
  readonly since: string;
  /** Failed check attempts and wrong answers on the current step. */
  readonly failed: number;
  /** Hints and solutions shown on the current step. */
  readonly hints: number;
  /** Steps done, in all. */
  readonly done: number;
  /** Challenges passed and tried, in all. */
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
