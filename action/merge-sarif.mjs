#!/usr/bin/env node
/**
 * Merges aksnet SARIF files into one log with one run (code scanning takes one run per tool and
 * category): the rules of every file once, each result's ruleIndex pointing into the merged list.
 * Usage: node merge-sarif.mjs OUT.sarif IN.sarif…  (no input: a log with no results).
 */
import { readFileSync, writeFileSync } from "node:fs";

const [out, ...inputs] = process.argv.slice(2);
if (!out) {
  console.error("usage: node merge-sarif.mjs OUT.sarif IN.sarif…");
  process.exit(2);
}
let merged;
const rules = [];
const ruleIndex = new Map();
const results = [];
for (const file of inputs) {
  const log = JSON.parse(readFileSync(file, "utf8"));
  for (const run of log.runs ?? []) {
    merged ??= { ...log, runs: [{ ...run, tool: { driver: { ...run.tool.driver, rules } }, results }] };
    const local = run.tool?.driver?.rules ?? [];
    for (const r of local)
      if (!ruleIndex.has(r.id)) {
        ruleIndex.set(r.id, rules.length);
        rules.push(r);
      }
    for (const res of run.results ?? [])
      results.push({ ...res, ruleIndex: ruleIndex.get(res.ruleId) ?? res.ruleIndex });
  }
}
merged ??= {
  $schema: "https://json.schemastore.org/sarif-2.1.0.json",
  version: "2.1.0",
  runs: [{ tool: { driver: { name: "aksnet", rules } }, results }],
};
writeFileSync(out, JSON.stringify(merged, null, 2) + "\n");
