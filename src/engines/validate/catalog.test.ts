/**
 * The catalog's laws: every rule file is registered under its own id, has a
 * case table, a fix for every message and a sourced, dated docs page; the
 * generated pages and index match the code.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleDocs } from "./catalog.js";
import type { MessageSpec } from "./rule.js";
import { RULES } from "./rules/index.js";
import { DRIFT_RULES, HEADROOM_META } from "../inspect/index.js";
import { FLEET_RULES } from "../fleet/index.js";
// The CLI's finding about inline suppressions has its page too (a test may reach outward; code may not).
import { SUPPRESSION_RULE } from "../../adapters/cli/policy/index.js";

const ROOT = resolve(import.meta.dirname, "../../..");
const RULES_DIR = join(ROOT, "src/engines/validate/rules");
const files = readdirSync(RULES_DIR).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "index.ts");

describe("rule catalog", () => {
  it("registers every rule file, in id order, under its file name", () => {
    expect(RULES.map((r) => `${r.meta.id}.ts`)).toEqual([...files].sort());
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))(
    "%s has a kebab-case id, a case table, fixes, sources and a date",
    (id, r) => {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(existsSync(join(RULES_DIR, `${id}.test.ts`)), `rules/${id}.test.ts is missing`).toBe(true);
      expect(readFileSync(join(RULES_DIR, `${id}.test.ts`), "utf8")).toMatch(/ruleTester\(rule,/);
      expect(Object.keys(r.meta.messages).length).toBeGreaterThan(0);
      for (const [m, spec] of Object.entries<MessageSpec>(r.meta.messages)) {
        expect(spec.message.trim(), `${id}: empty message ${m}`).toBeTruthy();
        expect(spec.fix.trim(), `${id}: no fix for ${m}`).toBeTruthy();
      }
      expect(r.meta.sources.length).toBeGreaterThan(0);
      expect(r.meta.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );

  it("docs/rules/ matches the generated pages and index (run: npm run generate)", () => {
    const docs = ruleDocs([...RULES, ...DRIFT_RULES, { meta: HEADROOM_META }, ...FLEET_RULES, SUPPRESSION_RULE]);
    const onDisk = readdirSync(join(ROOT, "docs/rules"))
      .map((f) => `docs/rules/${f}`)
      .sort();
    expect(onDisk).toEqual([...docs.keys()].sort());
    for (const [path, text] of docs) expect(readFileSync(join(ROOT, path), "utf8"), path).toBe(text);
  });
});
