import { describe, expect, it } from "vitest";
import { defineRule, type Rule } from "./rule.js";
import { RULES } from "./rules/index.js";
import { inputsOf, mk, resolved } from "./testing/plans.js";
import { MAX_FINDINGS_PER_MESSAGE } from "./builtin-findings.js";
import { runRule, summarize, validate } from "./validate.js";

const boom: Rule = defineRule({
  meta: {
    id: "test-boom",
    family: "internal",
    severity: "error",
    description: "throws",
    messages: { x: { message: "x", fix: "x" } },
    sources: ["test"],
    checked: "2026-11-22",
  },
  check() {
    throw new Error("kaboom");
  },
});

describe("validate", () => {
  it("finds nothing in the clean test plan", () => {
    expect(validate(resolved(mk()))).toEqual([]);
  });

  it("resolves a parsed plan itself", () => {
    const parsed = resolved(
      mk((d) => {
        d.network.dnsServiceIp = "10.9.0.10";
      }),
    ).plan;
    expect(validate(parsed).map((f) => f.ruleId)).toEqual(["dns-service-ip-outside-service-cidr"]);
  });

  it("turns a throwing rule into one internal-error finding and runs the others", () => {
    const findings = validate(
      resolved(
        mk((d) => {
          d.network.dnsServiceIp = "10.9.0.10";
        }),
      ),
      { rules: [boom, ...RULES] },
    );
    expect(findings.map((f) => f.ruleId).sort()).toEqual(["dns-service-ip-outside-service-cidr", "internal-error"]);
    const internal = findings.find((f) => f.ruleId === "internal-error")!;
    expect(internal.message).toBe("Rule test-boom failed on this plan (kaboom); its check did not run.");
    expect(internal.data).toEqual({ rule: "test-boom", reason: "kaboom" });
  });

  it.each([
    {
      name: "errors before warnings before infos",
      plan: mk((d) => {
        d.network.plugin = "kubenet";
        delete d.network.pluginMode;
        d.network.podCidrs = ["20.0.0.0/16"];
        d.network.dnsServiceIp = "10.9.0.10";
      }),
      severities: ["error", "warning", "info"],
    },
  ])("orders findings: $name", ({ plan, severities }) => {
    const got = validate(resolved(plan)).map((f) => f.severity);
    expect([...new Set(got)]).toEqual(severities);
    expect(summarize(validate(resolved(plan)))).toEqual({
      errors: got.filter((s) => s === "error").length,
      warnings: got.filter((s) => s === "warning").length,
      infos: got.filter((s) => s === "info").length,
    });
  });

  it.each([
    { name: "null", input: null },
    { name: "a number", input: 42 },
    { name: "a list", input: [1, 2] },
    { name: "a pool count that is text", input: { nodePools: [{ name: "a", count: "three" }] } },
  ])("returns problems as plan-schema findings, never throws: $name", ({ input }) => {
    const findings = validate(input as never);
    for (const f of findings) expect(f.ruleId).toBe("plan-schema");
    if (input !== null) expect(findings.length).toBeGreaterThan(0);
  });

  it("checks a plan as written against the schema itself", () => {
    expect(validate({ network: { plugin: "azure-cni" } } as never)).toEqual([
      expect.objectContaining({
        ruleId: "plan-schema",
        messageId: "schema",
        path: ["network", "plugin"],
        message: 'network.plugin: expected one of "azure", "kubenet", "none", got "azure-cni".',
      }),
    ]);
  });
});

describe("runRule: bounded output", () => {
  const noisy = (n: number): Rule =>
    defineRule({
      meta: {
        id: "test-noisy",
        family: "internal",
        severity: "warning",
        description: "reports n times",
        messages: { each: { message: "number {i}", fix: "x" }, once: { message: "once", fix: "x" } },
        sources: ["test"],
        checked: "2026-12-06",
      },
      check({ report }) {
        report({ messageId: "once", path: [] });
        for (let i = 0; i < n; i++) report({ messageId: "each", path: ["vnet", "subnets", i, "cidr"], data: { i } });
      },
    });

  it(`lists a message at most ${MAX_FINDINGS_PER_MESSAGE} times and counts the rest in one finding`, () => {
    const findings = runRule(noisy(100_000), inputsOf(mk()));
    expect(findings).toHaveLength(MAX_FINDINGS_PER_MESSAGE + 2);
    expect(findings.at(-1)).toEqual({
      ruleId: "test-noisy",
      messageId: "truncated",
      severity: "warning",
      message:
        `${100_000 - MAX_FINDINGS_PER_MESSAGE} more findings of this rule with message each are not listed ` +
        `(the first ${MAX_FINDINGS_PER_MESSAGE} are).`,
      path: ["vnet", "subnets"],
      fix: "Fix the listed ones and run the check again to see the rest.",
      data: { more: 100_000 - MAX_FINDINGS_PER_MESSAGE, of: "each", shown: MAX_FINDINGS_PER_MESSAGE },
      docsUrl: "docs/rules/test-noisy.md",
    });
  });

  it("adds nothing at or below the cap", () => {
    expect(runRule(noisy(MAX_FINDINGS_PER_MESSAGE), inputsOf(mk()))).toHaveLength(MAX_FINDINGS_PER_MESSAGE + 1);
  });
});
