// What exercises and challenges share as content; loader.ts and challenge-loader.ts load their own kind
// on top of it. One folder `<NN>-<slug>/` per item, holding a language-neutral file and one file per
// locale; front matter checked against a schema, each problem at its file, line and field; and, across
// the folders, orders and ids that are unique.
import type { z } from "zod";
import { parseFrontMatter, type FrontMatterFile } from "./front-matter.ts";
import type { ContentFile, ContentProblem, LoadOptions } from "./loader.ts";
import { LOCALES, isLocale, type Locale } from "./locales.ts";
import { CHECK_KINDS } from "./schema.ts";
import { ID_PATTERN } from "./sections.ts";

export const FOLDER_PATTERN = /^(\d+)-(.+)$/;

/** How problems name one kind of content. */
export interface ContentKind {
  /** "exercise", "challenge". */
  readonly noun: string;
  /** "an exercise", "a challenge". */
  readonly withArticle: string;
  /** The language-neutral file of every folder, e.g. `exercise.md`. */
  readonly sharedFile: string;
  /** Why a folder without its shared file is wrong: what the file would have held. */
  readonly missingShared: string;
  /** A folder name to show as an example. */
  readonly exampleFolder: string;
}

/** What every item loaded from a folder has. */
export interface FolderItem {
  readonly id: string;
  readonly order: number;
  readonly folder: string;
}

type Path = readonly PropertyKey[];

export function fieldName(path: Path): string {
  return path
    .map((segment, index) => (typeof segment === "number" ? `[${segment}]` : index === 0 ? String(segment) : `.${String(segment)}`))
    .join("");
}

/** zod issues as messages an author understands; `path` is where the line is looked up. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): { path: Path; message: string }[] {
  const out: { path: Path; message: string }[] = [];
  for (const issue of issues) {
    const path = issue.path as Path;
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case "invalid_type":
        out.push({ path, message: input === undefined ? "missing field" : `expected ${issue.expected}, found ${describeValue(input)}` });
        break;
      case "unrecognized_keys":
        for (const key of issue.keys) out.push({ path: [...path, key], message: "unknown field" });
        break;
      case "invalid_key": {
        const inner = issue.issues[0]?.message ?? issue.message;
        out.push({ path, message: `${describeValue(input ?? path.at(-1))} is not a valid id: ${inner}` });
        break;
      }
      case "invalid_union": {
        if ((issue as { discriminator?: string }).discriminator === "kind") {
          const kind = (input as { kind?: unknown } | undefined)?.kind;
          out.push({
            path,
            message:
              kind === undefined
                ? `missing check kind (one of: ${CHECK_KINDS.join(", ")})`
                : `unknown check kind ${describeValue(kind)} (expected one of: ${CHECK_KINDS.join(", ")})`,
          });
        } else out.push({ path, message: issue.message });
        break;
      }
      case "invalid_value":
        out.push({ path, message: `${describeValue(input)} is not allowed (expected one of: ${issue.values.map(String).join(", ")})` });
        break;
      default:
        out.push({ path, message: issue.message });
    }
  }
  return out;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value;
}

/** Loads one folder; its problems are read after load(). */
export interface FolderLoader<T> {
  readonly problems: readonly ContentProblem[];
  load(): T | undefined;
}

/**
 * Loads every folder of `files` with the loader `loaderFor` makes, then checks that no two items share
 * an order or an id. Items come sorted by order; problems folder by folder, file by file, top to bottom.
 */
export function loadFolders<T extends FolderItem>(
  files: readonly ContentFile[],
  options: LoadOptions,
  kind: ContentKind,
  loaderFor: (folder: string, files: Map<string, string>, root: string) => FolderLoader<T>,
): { items: T[]; problems: ContentProblem[] } {
  const root = options.displayRoot ?? "";
  const problems: ContentProblem[] = [];
  const folders = new Map<string, Map<string, string>>();
  for (const file of files) {
    const parts = file.path.replace(/\\/g, "/").replace(/^\.?\//, "").split("/");
    if (parts.length !== 2) {
      problems.push({ file: root + file.path, message: `${kind.noun} files belong directly in a folder \`<NN>-<slug>/\`` });
      continue;
    }
    const [folder, name] = parts as [string, string];
    if (!folders.has(folder)) folders.set(folder, new Map());
    folders.get(folder)!.set(name, file.text);
  }
  const items: T[] = [];
  for (const [folder, folderFiles] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    const loader = loaderFor(folder, folderFiles, root);
    const item = loader.load();
    problems.push(...loader.problems);
    if (item) items.push(item);
  }
  const seen = new Map<string, string>();
  for (const item of items) {
    for (const key of [`order ${item.order}`, `id "${item.id}"`]) {
      const other = seen.get(key);
      if (other) problems.push({ file: `${root}${item.folder}/`, message: `has the same ${key} as ${other}/` });
      else seen.set(key, item.folder);
    }
  }
  items.sort((a, b) => a.order - b.order);
  // Folder by folder, file by file, top to bottom (sort is stable: same-line problems keep their order).
  problems.sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
  return { items, problems };
}

/**
 * One folder of content: checks its name and file names, loads the shared file and each locale's file
 * (the subclass says how), and builds the item only when no file had a problem.
 */
export abstract class ContentFolderLoader<Item, Shared, Text> implements FolderLoader<Item> {
  readonly problems: ContentProblem[] = [];
  protected readonly order: number;
  protected readonly id: string;

  /** How problems name this kind of content. */
  protected abstract readonly kind: ContentKind;

  constructor(
    protected readonly folder: string,
    private readonly files: Map<string, string>,
    private readonly root: string,
  ) {
    const match = FOLDER_PATTERN.exec(folder);
    this.order = match ? Number(match[1]) : NaN;
    this.id = match?.[2] ?? folder;
  }

  protected abstract loadShared(text: string): Shared | undefined;
  protected abstract loadLocale(locale: Locale, text: string, shared: Shared | undefined): Text | undefined;
  protected abstract build(shared: Shared, texts: Record<Locale, Text>): Item;

  load(): Item | undefined {
    const { kind } = this;
    if (!FOLDER_PATTERN.test(this.folder) || !ID_PATTERN.test(this.id)) {
      this.problems.push({
        file: `${this.root}${this.folder}/`,
        message: `${kind.withArticle} folder is named \`<number>-<slug>\`, e.g. \`${kind.exampleFolder}\` (lowercase words joined by hyphens)`,
      });
    }
    for (const name of this.files.keys()) {
      const base = name.replace(/\.md$/, "");
      if (name !== kind.sharedFile && !isLocale(base)) {
        this.problem(name, 1, `unsupported locale "${base}": the files of ${kind.withArticle} are ${kind.sharedFile}, ${LOCALES.map((l) => `${l}.md`).join(", ")}`);
      }
    }
    const sharedText = this.files.get(kind.sharedFile);
    if (sharedText === undefined) this.problem(kind.sharedFile, undefined, kind.missingShared);
    const shared = sharedText === undefined ? undefined : this.loadShared(sharedText);
    const texts: Partial<Record<Locale, Text>> = {};
    for (const locale of LOCALES) {
      const text = this.files.get(`${locale}.md`);
      if (text === undefined) {
        this.problem(`${locale}.md`, undefined, `missing locale: every ${kind.noun} is written in ${LOCALES.join(" and ")}`);
        continue;
      }
      const localized = this.loadLocale(locale, text, shared);
      if (localized) texts[locale] = localized;
    }
    if (this.problems.length > 0 || shared === undefined) return undefined;
    return this.build(shared, texts as Record<Locale, Text>);
  }

  protected problem(name: string, line: number | undefined, message: string, field?: string): void {
    this.problems.push({
      file: `${this.root}${this.folder}/${name}`,
      ...(line !== undefined ? { line } : {}),
      ...(field ? { field } : {}),
      message,
    });
  }

  /** A file's front matter, checked against `schema`; every problem is reported at its line and field. */
  protected parse<T>(name: string, text: string, schema: z.ZodType<T>): { file: FrontMatterFile; data: T | undefined } {
    const file = parseFrontMatter(text);
    for (const error of file.errors) this.problem(name, error.line, error.message);
    if (file.errors.length > 0) return { file, data: undefined };
    const result = schema.safeParse(file.data ?? {}, { reportInput: true });
    if (result.success) return { file, data: result.data };
    for (const { path, message } of describeIssues(result.error.issues)) {
      this.problem(name, file.lineOf(path), message, fieldName(path) || undefined);
    }
    return { file, data: undefined };
  }
}
