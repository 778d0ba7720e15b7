// Splits a markdown file into its YAML front matter and body, and maps a path inside the front matter
// (e.g. ["steps", 0, "checks", "found", "kind"]) back to the line of the file it was written on, so
// validation errors can point authors at the exact key.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLError } from "yaml";

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
  /**
   * The file line of line `line` (1-based) of the text value at `path`: for a block scalar (`|`) the
   * lines after its header, for a value on the key's line that line onwards.
   */
  lineOfValueLine(path: readonly PropertyKey[], line: number): number;
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
      lineOfValueLine: () => 1,
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
      lineOfValueLine: () => 1,
    };
  }
  // File line of front-matter line n (1-based) is n + 1: the opening `---` is line 1.
  const yamlText = lines.slice(1, end).join("\n");
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const toFileLine = (offset: number): number => lineCounter.linePos(offset).line + 1;
  const errors = doc.errors.map((error) => ({
    line: toFileLine(error.pos[0]),
    message: plainYamlError(error.code, error.message.split("\n")[0]!),
  }));
  return {
    data: errors.length === 0 ? doc.toJS() : undefined,
    body: lines.slice(end + 1).join("\n"),
    bodyLine: end + 2,
    errors,
    lineOf: (path) => lineOfPath(doc, path, toFileLine),
    lineOfValueLine: (path, line) => {
      const node = nodeAt(doc, path);
      if (!isScalar(node) || !node.range) return lineOfPath(doc, path, toFileLine);
      const header = toFileLine(node.range[0]);
      const block = node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
      return header + (block ? line : line - 1);
    },
  };
}

function nodeAt(doc: Document, path: readonly PropertyKey[]): unknown {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isMap(node)) node = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment))?.value;
    else if (isSeq(node) && typeof segment === "number") node = node.items[segment];
    else return undefined;
  }
  return node;
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

/** What each YAML syntax error means for an author, in plain words (the parser's own words after it). */
const PLAIN_YAML_ERRORS: Partial<Record<YAMLError["code"], string>> = {
  BAD_INDENT: "this line is indented differently from the lines it belongs with: align it with its siblings, using spaces",
  TAB_AS_INDENT: "this line is indented with a tab: YAML indents with spaces only",
  DUPLICATE_KEY: "this key appears twice in the same mapping: each key may appear once",
  BLOCK_AS_IMPLICIT_KEY:
    "a value on this line contains `: `, which YAML reads as a nested mapping: quote the value or write it as a block (`|`) on the lines below",
  MULTILINE_IMPLICIT_KEY: "a key must fit on one line: is a `:` missing after it, or does a value above need quotes?",
  MISSING_CHAR: "something is not closed here: a quote, a bracket or a brace, or a key without its `:`",
  BAD_SCALAR_START: "a plain value cannot start with this character: put the value in quotes or write it as a block (`|`)",
  BAD_DQ_ESCAPE: "a backslash in a double-quoted value starts an escape YAML does not know: use single quotes, or write `\\\\`",
  UNEXPECTED_TOKEN: "this line does not fit the structure around it: check its indentation and the line above",
  BLOCK_IN_FLOW: "a block (`|` or a `- ` list) cannot sit inside `[...]` or `{...}`",
  MULTIPLE_DOCS: "the front matter holds more than one YAML document: is there a stray `---` or `...`?",
};

function plainYamlError(code: YAMLError["code"], parserMessage: string): string {
  const plain = PLAIN_YAML_ERRORS[code];
  return plain ? `YAML: ${plain} (the parser says: ${parserMessage})` : `YAML: ${parserMessage}`;
}
