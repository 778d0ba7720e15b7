// A learner's name as typed into "Join the class": anything a browser lets them type arrives here, so
// it is cleaned before it is stored or shown. Control and format characters (including bidi overrides
// that reorder what the instructor reads) go, markup characters go, runs of spaces shrink to one.
import { MAX_NAME_LENGTH } from "../../../src/classroom/class-protocol.ts";

/** The cleaned name, or undefined when nothing readable is left. */
export function cleanStudentName(raw: string): string | undefined {
  const cleaned = raw
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, " ")
    .replace(/[<>&"'`\\]/g, "")
    .replace(/\s+/gu, " ")
    .trim();
  const name = [...cleaned].slice(0, MAX_NAME_LENGTH).join("").trim();
  return /[\p{L}\p{N}]/u.test(name) ? name : undefined;
}
