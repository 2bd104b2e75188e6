/**
 * `check --as-of DAY`: the day the Kubernetes support calendar is read on. The engines never read the clock; `today`
 * is turned into a date here, at the CLI edge (UTC).
 */
import { isDay } from "../../../engines/validate/index.js";
import { UsageError } from "../errors.js";

/** The option's value as YYYY-MM-DD; `today` is the UTC day of `now`. */
export function parseAsOf(text: string, now: Date = new Date()): string {
  if (text === "today") return now.toISOString().slice(0, 10);
  if (isDay(text)) return text;
  throw new UsageError(`--as-of '${text}' is not a day; give one as YYYY-MM-DD (e.g. 2026-12-07) or today.`);
}
