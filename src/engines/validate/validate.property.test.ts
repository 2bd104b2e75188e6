/**
 * Laws over random plans: no rule crashes (no internal-error finding), every
 * finding is well-formed, and validation is deterministic.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlan, resolvePlan, type PlanInput } from "../plan/index.js";
import { validate } from "./validate.js";

const octet = fc.integer({ min: 0, max: 255 });
const v4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join("."));
const cidr = fc.oneof(
  fc.tuple(v4, fc.integer({ min: 0, max: 32 })).map(([a, b]) => `${a}/${b}`),
  fc.constantFrom(
    "10.244.0.0/16",
    "10.0.0.0/16",
    "10.224.0.0/12",
    "fd12:3456:789a::/64",
    "fd00::/108",
    "172.16.0.0/12",
    "192.0.2.0/24",
  ),
  fc.string({ maxLength: 12 }),
);
const count = fc.oneof(fc.integer({ min: -2, max: 1200 }), fc.constant(0));
const pool = fc.record(
  {
    name: fc.oneof(
      fc.constantFrom("system", "user", "win", "Pool-1", "averyveryverylongname"),
      fc.string({ minLength: 1, maxLength: 14 }),
    ),
    mode: fc.constantFrom("System", "User"),
    os: fc.constantFrom("Linux", "Windows2019", "Windows2022", "Windows2025"),
    count,
    minCount: count,
    maxCount: count,
    maxPods: fc.integer({ min: 0, max: 300 }),
    maxSurge: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constantFrom("10%", "33%", "0%", "100%", "x", "")),
    subnet: fc.constantFrom("a", "b", "c"),
    podSubnet: fc.constantFrom("a", "b", "c"),
    podIpAllocation: fc.constantFrom("DynamicIndividual", "StaticBlock"),
  },
  { requiredKeys: ["name"] },
);
const planArb: fc.Arbitrary<PlanInput> = fc.record(
  {
    kubernetesVersion: fc.oneof(
      fc.constantFrom("1.27", "1.29", "1.30", "1.32", "1.33.2", "latest"),
      fc.double({ min: 1, max: 2, noNaN: true }),
    ),
    network: fc.record(
      {
        plugin: fc.constantFrom("azure", "kubenet", "none"),
        pluginMode: fc.constant("overlay"),
        dataplane: fc.constantFrom("azure", "cilium"),
        policy: fc.constantFrom("none", "azure", "calico", "cilium"),
        ipFamilies: fc.constantFrom(["IPv4"], ["IPv4", "IPv6"], ["IPv6"], ["IPv6", "IPv4"], [] as string[]),
        podCidrs: fc.array(cidr, { maxLength: 3 }),
        serviceCidrs: fc.array(cidr, { maxLength: 3 }),
        dnsServiceIp: fc.oneof(v4, fc.constantFrom("10.0.0.10", "fd00::a", "nope")),
      },
      { requiredKeys: [] },
    ),
    vnet: fc.record({
      addressSpace: fc.array(cidr, { minLength: 1, maxLength: 3 }),
      subnets: fc.array(fc.record({ name: fc.constantFrom("a", "b", "c"), cidr }), { maxLength: 5 }),
    }),
    connectedNetworks: fc.array(
      fc.record({
        name: fc.string({ minLength: 1, maxLength: 5 }),
        cidrs: fc.array(cidr, { minLength: 1, maxLength: 3 }),
      }),
      { maxLength: 3 },
    ),
    nodePools: fc.array(pool, { maxLength: 4 }),
    reserved: fc.record({ internalLoadBalancerIps: fc.nat(20), privateEndpoints: fc.nat(20) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<PlanInput>;

describe("validate over random plans", () => {
  it("never crashes a rule, and every finding is well-formed and deterministic", () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const parsed = parsePlan(input);
        if (!parsed.plan) return;
        const findings = validate(resolvePlan(parsed.plan));
        expect(findings.filter((f) => f.ruleId === "internal-error")).toEqual([]);
        for (const f of findings) {
          expect(f.message).not.toMatch(/\{\w+\}|undefined|NaN/);
          expect(f.fix).not.toMatch(/\{\w+\}|undefined|NaN/);
          expect(f.fix.trim()).not.toBe("");
        }
        expect(validate(resolvePlan(parsed.plan))).toEqual(findings);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});
