// `npm run bench -- --readme`: the README's performance table is this run's, never typed by hand. The
// table sits between two HTML comments in README.md; everything else in the file is left as it is.
import { readFileSync, writeFileSync } from "node:fs";

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

export function writeReadmeTable(readmePath: string, heading: string, table: string): void {
  const text = readFileSync(readmePath, "utf8");
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${readmePath} has no ${START} … ${END} section for the bench's table`);
  writeFileSync(readmePath, `${text.slice(0, from + START.length)}\n${heading}\n\n${table}\n${text.slice(to)}`);
}
