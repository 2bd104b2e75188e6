import { describe, expect, it } from "vitest";
import { defineRule, type Rule } from "./rule.js";
import { RULES } from "./rules/index.js";
import { mk, resolved } from "./testing/plans.js";
import { summarize, validate } from "./validate.js";

const boom: Rule = defineRule({
  meta: {
    id: "test-boom",
    family: "internal",
    severity: "error",
    description: "throws",
    messages: { x: "x" },
    fixes: { x: "x" },
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
});
