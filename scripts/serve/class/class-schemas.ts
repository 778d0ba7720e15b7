// The class server's checks of what a page sends (see src/classroom/class-protocol.ts for the types and
// limits both sides share). Server-side only, so the page ships no schema validator; each schema is typed
// against the shared type, so the two cannot drift apart.
import { z } from "zod";
import { MAX_EVENTS_PER_REQUEST, type ClassEvent, type SentEvent } from "../../../src/classroom/class-protocol.ts";

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/);

const where = { exercise: id, step: id };
const onChallenge = { challenge: id };

/** One progress fact, as the page sends it (the type is ClassEvent in src/classroom/class-protocol.ts). */
export const classEventSchema: z.ZodType<ClassEvent> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("position"), ...where }),
  z.object({ type: z.literal("overview") }),
  z.object({ type: z.literal("step-done"), ...where }),
  z.object({ type: z.literal("check-failed"), ...where }),
  z.object({ type: z.literal("answer-wrong"), ...where }),
  z.object({ type: z.literal("hint-shown"), ...where, check: id }),
  z.object({ type: z.literal("challenge-open"), ...onChallenge }),
  z.object({ type: z.literal("challenge-failed"), ...onChallenge }),
  z.object({ type: z.literal("challenge-hint"), ...onChallenge, hint: z.number().int().min(1).max(20) }),
  z.object({ type: z.literal("solution-shown"), ...onChallenge }),
  z.object({ type: z.literal("challenge-solved"), ...onChallenge }),
]);

export const sentEventSchema: z.ZodType<SentEvent> = z.object({
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** When it happened in the page (ISO 8601); the server keeps its own receipt time too. */
  at: z.string().datetime(),
  event: classEventSchema,
});

const credentials = { student: z.string().regex(/^s-[0-9a-f]{16}$/), key: z.string().regex(/^[0-9a-f]{32}$/) };

export const joinRequestSchema = z.object({ name: z.string().max(200) }).strict();
export const eventsRequestSchema = z
  .object({ ...credentials, events: z.array(sentEventSchema).min(1).max(MAX_EVENTS_PER_REQUEST) })
  .strict();
export const leaveRequestSchema = z.object(credentials).strict();
