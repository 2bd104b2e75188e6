/**
 * How the az script writes a command: one flag a line, `--flag=value` so a value
 * starting with `-` stays the flag's value, a list of CIDRs as separate words
 * (a parsed CIDR never starts with `-`). Values arrive already quoted
 * (`shellQuote`) or as the script's own `"$VARIABLE"`.
 */

/** A flag alone, with one value (`--flag=value`), or with a list of CIDRs (`--flag a b`). */
export type Arg = readonly [flag: string, value?: string | readonly string[]];

/** The command with its arguments, continued over lines with `\`, ending in a newline. */
export function command(words: string, args: readonly Arg[], indent = ""): string {
  const arg = ([f, v]: Arg) => {
    if (v === undefined) return f;
    if (typeof v === "string") return `${f}=${v}`;
    return v.length === 1 ? `${f}=${v[0] ?? ""}` : `${f} ${v.join(" ")}`;
  };
  const lines = [`${indent}${words}`, ...args.map((a) => `${indent}  ${arg(a)}`)];
  return lines.join(" \\\n") + "\n";
}
