/**
 * Errors the CLI turns into exit code 2 with one sentence on standard error.
 * A `UsageError` is the user's to fix (bad flag, unreadable file, unparsable value);
 * its message names the input and says what to do. Anything else that escapes a
 * command is a bug and is reported as an internal error, never as a stack trace.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Exit codes: the public contract of every command. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
} as const;

/** A commander error as one sentence: its suggestion joined onto it (commander writes it on a line of its own). */
export function commanderSentence(s: string, invocation: string): string {
  const text = s
    .replace(/^error: /, "")
    .trim()
    .replace(/\s*\n\s*\(Did you mean/, " (did you mean")
    .replace(/\.$/, "");
  return `${invocation}: ${text}. Run '${invocation} --help' for usage.\n`;
}
