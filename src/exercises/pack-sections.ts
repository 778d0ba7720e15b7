// The course overview in sections: the course's own exercises first, then each content pack under its
// own heading with its own numbering (a pack's 01 is its first exercise, not a second 01 after the
// course's). An assignment (`#/pack/<name>` in the page's address) shows only that pack. Pure.
import type { Locale } from "./locales.ts";

/** A pack's heading per language, from its pack.md (parsed on the Node side by pack-title.ts). */
export type PackTitle = Readonly<Partial<Record<Locale, string>>>;

/** The title in `locale`, else in English, else the pack's folder name. */
export function packTitle(title: PackTitle | undefined, locale: Locale, folder: string): string {
  return title?.[locale] ?? title?.en ?? folder;
}

export interface PackIndexEntry {
  /** The pack's folder name: the id in `#/pack/<name>`. */
  readonly name: string;
  readonly title?: PackTitle;
  /** Its exercises' ids, in folder order. */
  readonly ids: readonly string[];
  /** Its challenges' ids (its `challenges/` folder), in folder order. */
  readonly challengeIds?: readonly string[];
}

export interface OverviewSection<T> {
  /** `course`, or the pack's folder name. */
  readonly id: string;
  /** The heading; undefined for the course (the overview's own heading names it). */
  readonly title?: string;
  readonly items: readonly T[];
}

/** `#/pack/<name>` -> the pack's name; anything else -> undefined (the whole course). */
export function assignmentFromHash(hash: string): string | undefined {
  const match = /^#\/pack\/([^/?#]+)\/?$/.exec(hash);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}

/**
 * The challenges an overview or a report lists: all of them for the whole course; for an assignment of
 * a known pack, that pack's own (the course's belong to the whole course).
 */
export function assignedChallenges<T extends { readonly id: string }>(
  challenges: readonly T[],
  packs: readonly PackIndexEntry[],
  assignment?: string,
): readonly T[] {
  const pack = assignment === undefined ? undefined : packs.find((p) => p.name === assignment);
  if (!pack) return challenges;
  return challenges.filter((c) => pack.challengeIds?.includes(c.id));
}

/**
 * Groups `items` (anything with an exercise id) into the course's section and one per pack. With an
 * assignment that names a known pack, only that pack's section is returned.
 */
export function overviewSections<T extends { readonly id: string }>(
  items: readonly T[],
  packs: readonly PackIndexEntry[],
  locale: Locale,
  assignment?: string,
): OverviewSection<T>[] {
  const owner = new Map<string, string>();
  for (const pack of packs) for (const id of pack.ids) owner.set(id, pack.name);
  const sections: OverviewSection<T>[] = [{ id: "course", items: items.filter((item) => !owner.has(item.id)) }];
  for (const pack of packs) {
    const own = items.filter((item) => owner.get(item.id) === pack.name);
    if (own.length > 0) sections.push({ id: pack.name, title: packTitle(pack.title, locale, pack.name), items: own });
  }
  const assigned = assignment === undefined ? undefined : sections.find((s) => s.id === assignment && s.id !== "course");
  return assigned ? [assigned] : sections.filter((s) => s.items.length > 0);
}
