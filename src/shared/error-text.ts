// What a thrown value says, for messages and logs: anything can be thrown, only Errors carry a message.

/** The message of an Error, or the thrown value as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
