/** JSON output: two-space indentation, a trailing newline, bigint as decimal strings. */
export function renderJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2) + "\n";
}
