/** Naming rules: named cases from the issue (check accepted what generate refused), and laws over every kind. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidName, NAME_KINDS, NAME_RULES, nameProblem, poolNameKind, suggestName, type NameKind } from "./names.js";

describe("nameProblem", () => {
  it.each<{ name: string; kind: NameKind; value: string; problem: string | undefined }>([
    { name: "a subnet name with a space", kind: "subnet", value: "a b", problem: 'contains " " (a space)' },
    { name: "a location display name", kind: "location", value: "West Europe", problem: 'contains "W"' },
    {
      name: "a resource group ending in a period",
      kind: "resourceGroup",
      value: "rg.",
      problem: 'may not end with "."',
    },
    {
      name: "a resource group beginning with a hyphen is valid",
      kind: "resourceGroup",
      value: "-rg",
      problem: undefined,
    },
    { name: "a resource group with parentheses", kind: "resourceGroup", value: "rg(prod)_1", problem: undefined },
    {
      name: "a 91-character resource group",
      kind: "resourceGroup",
      value: "r".repeat(91),
      problem: "has 91 characters; at most 90 are allowed",
    },
    {
      name: "a non-ASCII resource group (Terraform refuses it)",
      kind: "resourceGroup",
      value: "rg-é",
      problem: 'contains "é"',
    },
    { name: "a one-character VNet", kind: "vnet", value: "v", problem: "has 1 character(s); at least 2 are needed" },
    { name: "a VNet ending in an underscore", kind: "vnet", value: "vnet_", problem: undefined },
    { name: "a VNet ending in a hyphen", kind: "vnet", value: "vnet-", problem: 'may not end with "-"' },
    { name: "a subnet starting with a period", kind: "subnet", value: ".snet", problem: 'may not start with "."' },
    { name: "an empty cluster name", kind: "cluster", value: "", problem: "is empty" },
    { name: "a cluster name with an underscore inside", kind: "cluster", value: "aks_prod-1", problem: undefined },
    {
      name: "a 13-character Linux pool",
      kind: "linuxPool",
      value: "pool123456789",
      problem: "has 13 characters; at most 12 are allowed",
    },
    {
      name: "a 7-character Windows pool",
      kind: "windowsPool",
      value: "winpool",
      problem: "has 7 characters; at most 6 are allowed",
    },
    { name: "an upper-case pool", kind: "linuxPool", value: "System", problem: 'contains "S"' },
    { name: "a pool starting with a digit", kind: "linuxPool", value: "1pool", problem: 'may not start with "1"' },
    {
      name: "a control character",
      kind: "subnet",
      value: "a\u001bb",
      problem: "contains the control character U+001B",
    },
    { name: "a canonical location", kind: "location", value: "westeurope", problem: undefined },
  ])("$name", ({ kind, value, problem }) => {
    expect(nameProblem(kind, value)).toBe(problem);
  });
});

describe("suggestName", () => {
  it.each<{ kind: NameKind; value: string; suggested: string }>([
    { kind: "location", value: "West Europe", suggested: "westeurope" },
    { kind: "location", value: "East US 2", suggested: "eastus2" },
    { kind: "subnet", value: "a b", suggested: "ab" },
    { kind: "resourceGroup", value: "rg.", suggested: "rg" },
    { kind: "linuxPool", value: "System-Pool", suggested: "systempool" },
    { kind: "windowsPool", value: "windows", suggested: "window" },
    { kind: "vnet", value: "-", suggested: "vnet-aks" },
  ])("$kind $value → $suggested", ({ kind, value, suggested }) => {
    expect(suggestName(kind, value)).toBe(suggested);
  });

  it("law: the same suggestion as the obvious filter-then-trim, for any input of any kind", () => {
    const obvious = (kind: NameKind, s: string): string => {
      const r = NAME_RULES[kind].value;
      const t = (cls: string, c: string) => new RegExp(`^${cls}$`, "u").test(c);
      let x = kind === "location" ? s.toLowerCase().replace(/\s+/g, "") : s;
      if (kind === "linuxPool" || kind === "windowsPool") x = x.toLowerCase();
      let cs = [...x].filter((c) => t(r.chars, c));
      while (cs.length > 0 && !t(r.first, cs[0] ?? "")) cs = cs.slice(1);
      cs = cs.slice(0, r.maxLength);
      while (cs.length > 0 && !t(r.last, cs[cs.length - 1] ?? "")) cs = cs.slice(0, -1);
      return cs.length >= r.minLength ? cs.join("") : suggestName(kind, "");
    };
    fc.assert(
      fc.property(fc.constantFrom(...NAME_KINDS), fc.string({ unit: "grapheme", maxLength: 120 }), (kind, s) => {
        expect(suggestName(kind, s)).toBe(obvious(kind, s));
      }),
    );
  });

  it("a 5,000,000-character name is suggested for in one pass (found by the breaker)", () => {
    const t0 = process.hrtime.bigint();
    expect(suggestName("cluster", "a".repeat(5_000_000))).toBe("a".repeat(63));
    expect(suggestName("subnet", "-".repeat(5_000_000))).toBe("snet-aks");
    expect(Number(process.hrtime.bigint() - t0) / 1e6).toBeLessThan(10_000); // was quadratic: never ended
  });

  it("always suggests a valid name, for any input of any kind", () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAME_KINDS), fc.string({ unit: "grapheme", maxLength: 120 }), (kind, s) => {
        expect(nameProblem(kind, suggestName(kind, s))).toBeUndefined();
      }),
    );
  });
});

describe("the naming rules are consistent", () => {
  it.each(NAME_KINDS.map((k) => ({ kind: k })))(
    "$kind: lengths ordered, first and last characters allowed",
    ({ kind }) => {
      const r = NAME_RULES[kind].value;
      expect(r.minLength).toBeGreaterThanOrEqual(1);
      expect(r.minLength).toBeLessThanOrEqual(r.maxLength);
      expect(() => new RegExp(`^${r.chars}$`, "u")).not.toThrow();
      expect(r.rule).toMatch(/^a /);
    },
  );

  it("names a pool rule per OS", () => {
    expect([poolNameKind("Linux"), poolNameKind("Windows2022"), poolNameKind(undefined)]).toEqual([
      "linuxPool",
      "windowsPool",
      "linuxPool",
    ]);
    expect(isValidName("windowsPool", "win1")).toBe(true);
  });
});
