// Splits a markdown file into its YAML front matter and body, and maps a path inside the front matter
// (e.g. ["steps", 0, "checks", "found", "kind"]) back to the line of the file it was written on, so
// validation errors can point authors at the exact key.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";

export interface FrontMatterFile {
  /** The parsed front matter (undefined when there is none or it does not parse). */
  readonly data: unknown;
  /** The markdown after the closing `---`. */
  readonly body: string;
  /** 1-based line of the file where the body starts. */
  readonly bodyLine: number;
  /** Problems found while splitting and parsing (no front matter, YAML syntax errors). */
  readonly errors: readonly { readonly line: number; readonly message: string }[];
  /** The file line of the deepest key of `path` that exists in the front matter. */
  lineOf(path: readonly PropertyKey[]): number;
}

const DELIMITER = /^---[ \t]*$/;

export function parseFrontMatter(text: string): FrontMatterFile {
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = normalized.split("\n");
  if (!DELIMITER.test(lines[0] ?? "")) {
    return {
      data: undefined,
      body: normalized,
      bodyLine: 1,
      errors: [{ line: 1, message: "the file must start with front matter: a line `---`, YAML, then another `---`" }],
      lineOf: () => 1,
    };
  }
  const end = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  if (end < 0) {
    return {
      data: undefined,
      body: "",
      bodyLine: lines.length + 1,
      errors: [{ line: 1, message: "the front matter is not closed: add a line `---` after it" }],
      lineOf: () => 1,
    };
  }
  // File line of front-matter line n (1-based) is n + 1: the opening `---` is line 1.
  const yamlText = lines.slice(1, end).join("\n");
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const toFileLine = (offset: number): number => lineCounter.linePos(offset).line + 1;
  const errors = doc.errors.map((error) => ({
    line: toFileLine(error.pos[0]),
    message: `YAML: ${error.message.split("\n")[0]}`,
  }));
  return {
    data: errors.length === 0 ? doc.toJS() : undefined,
    body: lines.slice(end + 1).join("\n"),
    bodyLine: end + 2,
    errors,
    lineOf: (path) => lineOfPath(doc, path, toFileLine),
  };
}

function lineOfPath(doc: Document, path: readonly PropertyKey[], toFileLine: (offset: number) => number): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair || !isScalar(pair.key)) break;
      offset = pair.key.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return toFileLine(offset);
}
