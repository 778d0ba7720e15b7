// The records of the class log (event-log.ts), one JSON object per line, checked when read back.
import { z } from "zod";
import { classEventSchema } from "./class-schemas.ts";

const student = z.string().regex(/^s-[0-9a-f]{16}$/);
const at = z.string().datetime();

export const classRecordSchema = z.discriminatedUnion("type", [
  /** A student joined; only the sha256 of their key is kept, so the log cannot be used to send as them. */
  z.object({ type: z.literal("join"), student, name: z.string(), keyHash: z.string().regex(/^[0-9a-f]{64}$/), at }),
  z.object({ type: z.literal("event"), student, seq: z.number().int().min(1), at, receivedAt: at, event: classEventSchema }),
  z.object({ type: z.literal("leave"), student, at }),
]);

export type ClassRecord = z.infer<typeof classRecordSchema>;
export type JoinRecord = Extract<ClassRecord, { type: "join" }>;
export type EventRecord = Extract<ClassRecord, { type: "event" }>;

export function parseClassRecord(value: unknown): ClassRecord {
  return classRecordSchema.parse(value);
}
