// The one shape of every error this code throws on purpose: a class per source (the agent, a saved
// machine file, the browser's storage, ...) and a `kind` that says what happened. Callers branch on
// `instanceof` and `kind`, never on `name` strings or on the English of a message, so rewording a
// message cannot change what the page does; the message is for people (logs, a "details" line).

export abstract class LabError<K extends string> extends Error {
  constructor(
    /** What happened, as a value to switch on. */
    readonly kind: K,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
