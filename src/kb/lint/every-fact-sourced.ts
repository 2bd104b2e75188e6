/**
 * Every fact names at least one public source (an https URL or `owner/repo:path`; never a local path or an
 * internal reference such as "Reference X2") and carries its own real check date.
 */
import type { Fact } from "../catalog.js";
import { isDate } from "./dates.js";

const URL_OR_REPO_PATH = /^(https:\/\/\S+|[\w.-]+\/[\w.-]+:\S+)$/;

export function everyFactSourced(facts: readonly Fact[]): string[] {
  const problems: string[] = [];
  for (const { path, fact } of facts) {
    const all = [...fact.source, ...(fact.alternatives ?? []).flatMap((a) => a.source)];
    if (fact.source.length === 0) problems.push(`${path}: no source`);
    if (!isDate(fact.checked)) problems.push(`${path}: check date "${fact.checked}" is not a YYYY-MM-DD date`);
    for (const s of all) {
      if (!URL_OR_REPO_PATH.test(s.url))
        problems.push(`${path}: source "${s.url}" is neither an https URL nor owner/repo:path of a public repository`);
    }
    for (const a of fact.alternatives ?? []) {
      if (a.source.length === 0) problems.push(`${path}: alternative ${JSON.stringify(a.value)} has no source`);
      if (a.note.trim() === "")
        problems.push(`${path}: alternative ${JSON.stringify(a.value)} does not say what it means`);
    }
  }
  return problems;
}
