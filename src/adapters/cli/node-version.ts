/**
 * Commands (or modes of a command) whose dependency needs a newer Node.js than the
 * package's: one sentence, the same everywhere, instead of the dependency's failure.
 * A whole command declares it in commands.ts (`node: { major, because }`); a mode of
 * a command calls `assertNode` before loading what needs it.
 */
import { UsageError } from "./errors.js";
import type { Io } from "./io.js";

export interface NodeRequirement {
  /** The oldest Node.js major version that works. */
  readonly major: number;
  /** Why, in a few words: "the Azure SDK for JavaScript needs it". */
  readonly because: string;
}

/** The sentence for a Node.js `version` older than `need`, or undefined when it is new enough. */
export function nodeTooOld(need: NodeRequirement | undefined, version: string | undefined): string | undefined {
  if (!need || version === undefined) return undefined;
  const major = Number(/^v?(\d+)/.exec(version)?.[1] ?? "0");
  if (major >= need.major) return undefined;
  return (
    `needs Node.js ${need.major} or later (${need.because}), and this is Node.js ${version.replace(/^v/, "")}; ` +
    `install Node.js ${need.major} or 24 and run it again.`
  );
}

/** Throws a `UsageError` (exit 2, one sentence) when the running Node.js is older than `need`. */
export function assertNode(io: Io, need: NodeRequirement, what?: string): void {
  const problem = nodeTooOld(need, io.nodeVersion);
  if (problem) throw new UsageError(what ? `${what} ${problem}` : problem);
}
