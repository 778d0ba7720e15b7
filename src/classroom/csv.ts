// CSV (RFC 4180) for spreadsheets: every field quoted, quotes doubled, and a field that a spreadsheet
// would run as a formula (=, +, -, @, tab, CR at its start) prefixed with an apostrophe, so a learner
// who joins as "=HYPERLINK(...)" is shown as text.
export function csvField(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly (string | number | boolean)[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
