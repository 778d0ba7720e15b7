// One way to put text into a shell command line: the guest's checks, file transfers and the comparison
// view all build commands from names and paths the learner chose.

/** Single-quotes a string for sh and bash: it's -> 'it'\''s'. Nothing inside is expanded. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
