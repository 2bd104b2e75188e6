/**
 * Fix hints never collide: every range a run suggests comes from one
 * free-space search over the VNet, its subnets, every connected network, the
 * reserved ranges and the other fixes of the same run. Named cases for the
 * defects seen, and the law: applying every suggested edit of a run yields a
 * plan in which none of those findings remains and nothing new appears.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePrefix } from "../../ip/index.js";
import { formatPath, type FieldPath, type PlanInput } from "../plan/index.js";
import { dnsAddressIn } from "./fix-space.js";
import type { Finding } from "./rule.js";
import { mk, type Draft } from "./testing/plans.js";
import { validate } from "./validate.js";

const fixOf = (findings: readonly Finding[], ruleId: string) => findings.find((f) => f.ruleId === ruleId)?.fix ?? "";

/** The plan with `value` written at `path` (lists and mappings created on the way). */
function withEdit(plan: unknown, path: FieldPath, value: string): unknown {
  const root = structuredClone(plan) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  path.forEach((k, i) => {
    if (i === path.length - 1) {
      node[k] = value;
      return;
    }
    node[k] ??= typeof path[i + 1] === "number" ? [] : {};
    node = node[k] as Record<string | number, unknown>;
  });
  return root;
}

/** Applies every edit of a run; two edits of one field must agree. */
function applyEdits(plan: unknown, findings: readonly Finding[]): unknown {
  const byField = new Map<string, { path: FieldPath; value: string }>();
  for (const e of findings.flatMap((f) => f.edits ?? [])) {
    const key = formatPath(e.path);
    const seen = byField.get(key);
    if (seen) expect(seen.value, `two fixes set ${key} differently`).toBe(e.value);
    else byField.set(key, e);
  }
  let out = plan;
  for (const e of byField.values()) out = withEdit(out, e.path, e.value);
  return out;
}

const keyOf = (f: Finding) => `${f.ruleId}/${f.messageId}@${formatPath(f.path)}`;

describe("fix hints: one free-space search per run", () => {
  it(
    "a service CIDR in 172.30.0.0/16 with the hub on 10.0.0.0/16: neither the hub nor a DNS IP in the reserved " +
      "range is suggested",
    () => {
      const findings = validate(
        mk((d) => {
          d.network.serviceCidrs = ["172.30.0.0/16"];
          d.network.dnsServiceIp = "10.0.0.10";
          d.connectedNetworks = [{ name: "hub", cidrs: ["10.0.0.0/16"] }];
        }),
      );
      expect(fixOf(findings, "range-overlaps-reserved")).toBe(
        "Choose a range that avoids 172.30.0.0/16, e.g. 10.1.0.0/16 (free in this plan; DNS service IP 10.1.0.10).",
      );
      expect(fixOf(findings, "dns-service-ip-outside-service-cidr")).toBe(
        "Use an address inside 10.1.0.0/16 (the service CIDR another finding suggests), conventionally its .10 " +
          "address: 10.1.0.10.",
      );
    },
  );

  it("pod and service CIDR both misplaced: the pod suggestion avoids the service rule's suggested CIDR", () => {
    const findings = validate(
      mk((d) => {
        d.network.podCidrs = ["10.225.0.0/16"];
        d.network.serviceCidrs = ["10.1.0.0/16"];
        d.network.dnsServiceIp = "10.1.0.10";
        d.connectedNetworks = [{ name: "hub", cidrs: ["10.1.0.0/16"] }];
      }),
    );
    expect(fixOf(findings, "service-cidr-overlaps-network")).toContain("e.g. 10.0.0.0/16");
    expect(fixOf(findings, "pod-cidr-overlaps-network")).toContain("e.g. 10.2.0.0/16");
  });

  it("two node subnets too small: each gets its own free range", () => {
    const findings = validate(
      mk((d) => {
        d.network.pluginMode = undefined as never;
        delete d.network.pluginMode;
        delete d.network.podCidrs;
        d.vnet.subnets = [
          { name: "a", cidr: "10.224.0.0/26" },
          { name: "b", cidr: "10.224.1.0/26" },
        ];
        d.nodePools = [
          { name: "system", mode: "System", count: 5, maxPods: 30, subnet: "a" },
          { name: "user", mode: "User", count: 5, maxPods: 30, subnet: "b" },
        ];
      }),
    );
    const edits = findings.filter((f) => f.ruleId === "subnet-too-small-for-nodes").flatMap((f) => f.edits ?? []);
    expect(edits.map((e) => [formatPath(e.path), e.value])).toEqual([
      ["vnet.subnets[0].cidr", "10.224.2.0/24"],
      ["vnet.subnets[1].cidr", "10.224.3.0/24"],
    ]);
  });

  it("a pod CIDR too small and overlapping the VNet gets one suggestion, large enough for the nodes", () => {
    const findings = validate(
      mk((d) => {
        d.network.podCidrs = ["10.224.0.0/24"];
        d.nodePools[1]!.maxCount = 300;
      }),
    );
    const suggested = new Set(
      findings.flatMap((f) => (f.edits ?? []).filter((e) => formatPath(e.path) === "network.podCidrs[0]")),
    );
    expect([...suggested].map((e) => e.value)).toEqual(["10.2.0.0/15", "10.2.0.0/15"]);
  });

  it.each([
    ["10.0.0.0/16", "10.0.0.10"],
    ["10.0.0.0/28", "10.0.0.10"],
    ["10.0.0.0/29", "10.0.0.6"],
    ["10.0.0.0/30", "10.0.0.2"],
    ["10.0.0.0/31", undefined],
    ["fd00::/108", "fd00::a"],
  ])("the DNS service IP suggested in %s is %s", (service, dns) => {
    expect(dnsAddressIn(parsePrefix(service))?.toString()).toBe(dns);
  });
});

/** Plans whose ranges collide in every way the range rules know. */
const octet = (max: number) => fc.integer({ min: 0, max });
const range = fc.oneof(
  fc.constantFrom(
    "10.0.0.0/16",
    "10.1.0.0/16",
    "10.224.0.0/16",
    "10.224.0.0/20",
    "10.225.0.0/16",
    "10.244.0.0/16",
    "10.244.0.0/20",
    "172.30.0.0/16",
    "172.16.0.0/12",
    "192.168.0.0/16",
    "192.0.2.0/24",
    "20.0.0.0/16",
    "224.1.0.0/16",
    "10.0.0.0/11",
    "100.64.0.0/16",
  ),
  fc.tuple(octet(255), fc.integer({ min: 12, max: 24 })).map(([o, b]) => `10.${o}.0.0/${b}`),
);
const subnetCidr = fc.tuple(octet(15), octet(255), fc.integer({ min: 20, max: 29 })).map(([a, b, bits]) =>
  parsePrefix(`10.${224 + a}.${b}.0/${bits}`)
    .masked()
    .toString(),
);

const draftArb = fc.record({
  kubenet: fc.boolean(),
  podCidr: range,
  serviceCidr: range,
  dnsOffset: fc.constantFrom(0, 1, 10, -1, NaN),
  subnets: fc.uniqueArray(subnetCidr, { minLength: 1, maxLength: 4 }),
  connected: fc.array(range, { maxLength: 3 }),
  counts: fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 3 }),
});
type DraftRecord = typeof draftArb extends fc.Arbitrary<infer T> ? T : never;

/** The plan a generated record describes. */
const draftOf = (r: DraftRecord): Draft =>
  mk((d) => {
    if (r.kubenet) {
      d.network.plugin = "kubenet";
      delete d.network.pluginMode;
    }
    d.network.podCidrs = [r.podCidr];
    d.network.serviceCidrs = [r.serviceCidr];
    const service = parsePrefix(r.serviceCidr).masked();
    // NaN: an address outside the service CIDR.
    d.network.dnsServiceIp = Number.isNaN(r.dnsOffset)
      ? "198.51.100.10"
      : ((r.dnsOffset < 0 ? service.last() : service.first().add(r.dnsOffset))?.toString() ?? "10.0.0.10");
    d.vnet.subnets = r.subnets.map((cidr, i) => ({ name: `s${i}`, cidr }));
    d.connectedNetworks = r.connected.map((c, i) => ({ name: `net${i}`, cidrs: [c] }));
    d.nodePools = r.counts.map((count, i) => ({
      name: i === 0 ? "system" : `user${i}`,
      mode: i === 0 ? "System" : "User",
      count,
      maxPods: 30,
      subnet: `s${i % r.subnets.length}`,
    }));
  });

const planArb: fc.Arbitrary<Draft> = draftArb.map(draftOf);

/** Plans that make sure every range rule is exercised, whatever the random seed (a rare rule once went unseen). */
const COVERAGE: Draft[] = [
  // The service CIDR on top of a subnet of the VNet: service-cidr-overlaps-subnet.
  draftOf({
    kubenet: false,
    podCidr: "10.244.0.0/16",
    serviceCidr: "10.224.0.0/16",
    dnsOffset: 10,
    subnets: ["10.224.0.0/24"],
    connected: [],
    counts: [3],
  }),
];

describe("fix hints: the law", () => {
  it("applying every suggested edit leaves none of the fixed findings and adds none", () => {
    const seen = { plans: 0, withTwoFixedFields: 0, ruleIds: new Set<string>() };
    fc.assert(
      fc.property(planArb, (plan) => {
        const before = validate(plan as PlanInput);
        const fixed = before.filter((f) => f.edits !== undefined);
        seen.plans++;
        if (new Set(fixed.flatMap((f) => f.edits!.map((e) => formatPath(e.path)))).size >= 2) seen.withTwoFixedFields++;
        for (const f of fixed) seen.ruleIds.add(f.ruleId);
        if (fixed.length === 0) return;
        const after = validate(applyEdits(plan, before) as PlanInput);
        const was = new Set(before.map(keyOf));
        const gone = new Set(fixed.map(keyOf));
        for (const f of after) {
          expect(gone.has(keyOf(f)), `${keyOf(f)} remains after its fix: ${f.message}`).toBe(false);
          expect(was.has(keyOf(f)), `${keyOf(f)} appears after the fixes: ${f.message}`).toBe(true);
        }
      }),
      { numRuns: 300, examples: COVERAGE.map((plan) => [plan] as [Draft]) },
    );
    // The law is only worth something if the plans exercise it: most runs fix several fields, with every range rule.
    expect(seen.withTwoFixedFields).toBeGreaterThan(seen.plans / 3);
    expect([...seen.ruleIds].sort()).toEqual([
      "dns-service-ip-outside-service-cidr",
      "dns-service-ip-reserved-address",
      "pod-cidr-not-private",
      "pod-cidr-overlaps-network",
      "pod-cidr-too-small-for-nodes",
      "range-overlaps-reserved",
      "service-cidr-inside-vnet",
      "service-cidr-not-private",
      "service-cidr-overlaps-network",
      "service-cidr-overlaps-subnet",
      "service-cidr-too-large",
      "subnet-too-small-for-nodes",
    ]);
  });
});
