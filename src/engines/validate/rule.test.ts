/**
 * The rule API's laws: message ids are checked by the compiler (a message
 * without a fix, or a report of an unknown id, does not compile), and a
 * finding's path is data that formatters turn into text.
 */
import { describe, expect, it } from "vitest";
import { defineRule, fillTemplate, pathText, ruleDefiner, toFinding } from "./rule.js";
import { runRule } from "./validate.js";
import { inputsOf, mk } from "./testing/plans.js";

const meta = {
  id: "test-rule",
  family: "internal",
  severity: "error",
  description: "a test rule",
  sources: ["test"],
  checked: "2026-12-06",
} as const;

describe("defineRule", () => {
  it("refuses, at compile time, a message without a fix and a report of an unknown message id", () => {
    defineRule({
      // @ts-expect-error: the message "bare" has no fix
      meta: { ...meta, messages: { bare: { message: "no fix here" } } },
      check() {},
    });
    const rule = defineRule({
      meta: { ...meta, messages: { known: { message: "m {x}", fix: "f {x}" } } },
      check({ report }) {
        // @ts-expect-error: "unknown" is not one of the rule's message ids
        report({ messageId: "unknown", path: [] });
        report({ messageId: "known", path: ["nodePools", 1, "maxPods"], data: { x: 1 } });
      },
    });
    const findings = runRule(rule, inputsOf(mk()));
    expect(findings.map((f) => f.ruleId)).toEqual(["internal-error"]);
    expect(findings[0]!.message).toContain('reported unknown message id "unknown"');
  });

  it("keeps the path as keys and indexes; pathText renders it", () => {
    const rule = defineRule({
      meta: { ...meta, messages: { known: { message: "m {x}", fix: "f {x}", severity: "warning" } } },
      check({ report }) {
        report({ messageId: "known", path: ["nodePools", 1, "maxPods"], data: { x: 1 } });
      },
    });
    const [f] = runRule(rule, inputsOf(mk()));
    expect(f).toEqual({
      ruleId: "test-rule",
      messageId: "known",
      severity: "warning",
      message: "m 1",
      path: ["nodePools", 1, "maxPods"],
      fix: "f 1",
      data: { x: 1 },
      docsUrl: "docs/rules/test-rule.md",
    });
    expect(pathText(f!)).toBe("nodePools[1].maxPods");
    expect(pathText({ path: [] })).toBe("");
  });

  it("defines rules over other inputs with ruleDefiner", () => {
    const defineCountRule = ruleDefiner<{ readonly count: number }>();
    const rule = defineCountRule({
      meta: { ...meta, messages: { many: { message: "{n} is many", fix: "fewer" } } },
      check({ count, report }) {
        if (count > 2) report({ messageId: "many", path: ["count"], data: { n: count } });
      },
    });
    expect(runRule(rule, { count: 3 }).map((f) => f.message)).toEqual(["3 is many"]);
    expect(toFinding(rule.meta, { messageId: "many", path: [], data: { n: 1 } }).fix).toBe("fewer");
  });
});

describe("fillTemplate", () => {
  it.each([
    { name: "a short value as it is", value: "aks-weu", text: 'name "aks-weu".' },
    { name: "4,096 characters as they are", value: "a".repeat(4096), text: `name "${"a".repeat(4096)}".` },
    {
      name: "a longer value clipped, its length said (a 50 MB name was quoted in full in each message)",
      value: "a".repeat(5_000_000),
      text: `name "${"a".repeat(200)}… (5000000 characters)".`,
    },
  ])("$name", ({ value, text }) => {
    expect(fillTemplate('name "{v}".', { v: value })).toBe(text);
  });

  it.each([
    { name: "{v:count} groups a count's thousands", template: "{v:count} addresses", v: 1581, text: "1,581 addresses" },
    {
      name: "{v} leaves it as written (a command's argument)",
      template: "--node-count {v}",
      v: 1000,
      text: "--node-count 1000",
    },
    { name: "{v:count} of text is the text", template: "{v:count}", v: "/24", text: "/24" },
    { name: "{v:count} of a fraction is as written", template: "{v:count}", v: 1234.5, text: "1234.5" },
    { name: "{v:count} without v stays visible", template: "{w:count}", v: 1, text: "{w:count}" },
  ])("$name", ({ template, v, text }) => {
    expect(fillTemplate(template, { v })).toBe(text);
  });
});
