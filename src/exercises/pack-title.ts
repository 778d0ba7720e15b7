// A content pack's own heading, from the optional `pack.md` at the pack's root: front matter with a
// title per language (`title: { en: ..., ko: ... }`, or one `title:` for every language). Pure: the
// Node side reads the file (pack-folders.ts), the page gets the result through the build (and reads it
// with packTitle in pack-sections.ts, which needs no YAML parser or zod).
import { z } from "zod";
import { parseFrontMatter } from "./front-matter.ts";
import { LOCALES } from "./locales.ts";
import type { PackTitle } from "./pack-sections.ts";

export const PACK_FILE = "pack.md";


const schema = z.object({
  title: z.union([z.string().min(1), z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().min(1).optional()])))]),
});

/** The title written in pack.md, or a problem message (with its line) when the file is malformed. */
export function parsePackTitle(text: string): { title: PackTitle } | { problem: string; line: number } {
  const file = parseFrontMatter(text);
  if (file.errors.length > 0) return { problem: file.errors[0]!.message, line: file.errors[0]!.line };
  const parsed = schema.safeParse(file.data);
  if (!parsed.success) return { problem: "pack.md needs `title:` (text, or one per language: en, ko)", line: file.lineOf(["title"]) };
  const title = parsed.data.title;
  return { title: typeof title === "string" ? Object.fromEntries(LOCALES.map((l) => [l, title])) : title };
}
