/**
 * Facts go stale: AKS changes every few weeks, so a fact nobody has compared with its sources for longer than
 * `STALE_AFTER_DAYS` is flagged (recheck it against its sources, then update its `checked` date). A check date
 * after `today` is a typo.
 */
import type { Fact } from "../catalog.js";
import { daysBetween, isDate } from "./dates.js";

/** How long a fact stays trusted without being checked again: about six months of AKS releases. */
export const STALE_AFTER_DAYS = 180;

/** The facts checked more than `maxAgeDays` before `today`, or after it (`today`: YYYY-MM-DD). */
export function factsFresh(facts: readonly Fact[], today: string, maxAgeDays: number = STALE_AFTER_DAYS): string[] {
  const problems: string[] = [];
  for (const { path, fact } of facts) {
    if (!isDate(fact.checked)) continue; // everyFactSourced reports it
    const age = daysBetween(fact.checked, today);
    if (age > maxAgeDays)
      problems.push(
        `${path}: last checked ${fact.checked}, ${age} days ago (more than ${maxAgeDays}); recheck its sources and ` +
          `update the date`,
      );
    else if (age < 0) problems.push(`${path}: check date ${fact.checked} is after today (${today})`);
  }
  return problems;
}
