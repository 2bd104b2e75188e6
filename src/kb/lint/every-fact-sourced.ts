/** Every fact names at least one source: an https URL or `owner/repo:path`, with a real check date. */
import type { Fact } from "../catalog.js";

const URL_OR_REPO_PATH = /^(https:\/\/\S+|[\w.-]+\/[\w.-]+:\S+)$/;

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

export function everyFactSourced(facts: readonly Fact[]): string[] {
  const problems: string[] = [];
  for (const { path, fact } of facts) {
    const all = [...fact.source, ...(fact.alternatives ?? []).flatMap((a) => a.source)];
    if (fact.source.length === 0) problems.push(`${path}: no source`);
    for (const s of all) {
      if (!URL_OR_REPO_PATH.test(s.url))
        problems.push(`${path}: source "${s.url}" is neither an https URL nor owner/repo:path`);
      if (!isDate(s.checked)) problems.push(`${path}: check date "${s.checked}" is not a YYYY-MM-DD date`);
    }
    for (const a of fact.alternatives ?? []) {
      if (a.source.length === 0) problems.push(`${path}: alternative ${JSON.stringify(a.value)} has no source`);
      if (a.note.trim() === "")
        problems.push(`${path}: alternative ${JSON.stringify(a.value)} does not say what it means`);
    }
  }
  return problems;
}
