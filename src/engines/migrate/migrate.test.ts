import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePrefix } from "../../ip/index.js";
import { resolvePlan, type PlanInput } from "../plan/index.js";
import { PlanSchema } from "../schema/index.js";
import {
  planAvoid,
  planMigration,
  type ClusterFacts,
  type MigrateOptions,
  type Migration,
  type MigrationTarget,
} from "./index.js";
import type { ResolvedPlan } from "../plan/index.js";

const TODAY = "2026-12-06";

/** The migration (failing the test if the engine refuses the options). */
function migration(plan: ResolvedPlan, options: MigrateOptions): Migration {
  const m = planMigration(plan, { today: TODAY, ...options });
  if ("problems" in m) throw new Error(`refused: ${JSON.stringify(m.problems)}`);
  return m;
}

const vnet = { name: "vnet", addressSpace: ["10.240.0.0/16"], subnets: [{ name: "nodes", cidr: "10.240.0.0/22" }] };
const kubenet: PlanInput = {
  name: "aks",
  resourceGroup: "rg",
  kubernetesVersion: "1.31",
  network: {
    plugin: "kubenet",
    policy: "calico",
    podCidrs: ["10.244.0.0/16"],
    serviceCidrs: ["10.0.0.0/16"],
    dnsServiceIp: "10.0.0.10",
  },
  vnet,
  connectedNetworks: [{ name: "hub", cidrs: ["172.20.0.0/16"] }],
  nodePools: [{ name: "system", mode: "System", count: 3, maxSurge: 1, subnet: "nodes" }],
};
const nodeSubnet: PlanInput = {
  ...kubenet,
  network: { plugin: "azure", serviceCidrs: ["10.0.0.0/16"], dnsServiceIp: "10.0.0.10" },
};
const podSubnet: PlanInput = {
  ...nodeSubnet,
  vnet: { ...vnet, subnets: [...vnet.subnets, { name: "pods", cidr: "10.240.64.0/18" }] },
  nodePools: [{ name: "system", mode: "System", count: 3, subnet: "nodes", podSubnet: "pods" }],
};
const overlay: PlanInput = {
  ...kubenet,
  network: { plugin: "azure", pluginMode: "overlay", podCidrs: ["10.244.0.0/16"] },
};
const withWindows = (p: PlanInput): PlanInput => ({
  ...p,
  nodePools: [...p.nodePools!, { name: "win", os: "Windows2022", count: 2, subnet: "nodes" }],
});

interface Case {
  name: string;
  plan: PlanInput;
  to: MigrationTarget;
  podCidr?: string;
  facts?: ClusterFacts;
  status: "ready" | "blocked" | "nothing-to-do";
  blockers?: string[];
  checks?: string[];
  /**
   * The flags of each step's command after `az aks update --resource-group rg --name aks`, or the whole argv for other
   * commands.
   */
  steps?: string[];
  podCidrIs?: string;
}

const cases: Case[] = [
  {
    name: "kubenet with Calico → Overlay: uninstall Calico first, identity unknown, pod CIDR kept",
    plan: kubenet,
    to: "overlay",
    status: "ready",
    blockers: ["network-policy-enabled"],
    checks: ["user-assigned-identity"],
    steps: ["--network-policy none", "--network-plugin azure --network-plugin-mode overlay", "--network-policy calico"],
    podCidrIs: "10.244.0.0/16 kept",
  },
  {
    name: "kubenet with a system-assigned identity: create and assign a user-assigned one",
    plan: { ...kubenet, network: { ...kubenet.network, policy: "none" } },
    to: "overlay",
    facts: { identity: "SystemAssigned" },
    status: "ready",
    blockers: ["user-assigned-identity"],
    checks: [],
    steps: [
      "az identity create --resource-group rg --name aks-identity",
      "--enable-managed-identity --assign-identity <identity-resource-id>",
      "--network-plugin azure --network-plugin-mode overlay",
    ],
  },
  {
    name: "kubenet whose pod CIDR overlaps an on-premises network gets a new one",
    plan: {
      ...kubenet,
      network: { ...kubenet.network, policy: "none" },
      connectedNetworks: [{ name: "on-prem", cidrs: ["10.244.0.0/14"] }],
    },
    to: "overlay",
    facts: { identity: "UserAssigned" },
    status: "ready",
    steps: ["--network-plugin azure --network-plugin-mode overlay --pod-cidr 100.64.0.0/16"],
    podCidrIs: "100.64.0.0/16 chosen",
  },
  {
    name: "Node Subnet → Overlay: default pod CIDR chosen, ip-masq-agent unknown",
    plan: nodeSubnet,
    to: "overlay",
    status: "ready",
    checks: ["custom-ip-masq-agent"],
    steps: ["--network-plugin azure --network-plugin-mode overlay --pod-cidr 10.244.0.0/16"],
    podCidrIs: "10.244.0.0/16 chosen",
  },
  {
    name: "Node Subnet with a custom ip-masq-agent config is blocked",
    plan: nodeSubnet,
    to: "overlay",
    facts: { customIpMasqAgent: true },
    status: "blocked",
    blockers: ["custom-ip-masq-agent"],
  },
  {
    name: "Node Subnet on Kubernetes 1.26 is blocked",
    plan: { ...nodeSubnet, kubernetesVersion: "1.26" },
    to: "overlay",
    facts: { customIpMasqAgent: false },
    status: "blocked",
    blockers: ["kubernetes-version"],
  },
  {
    name: "a given pod CIDR overlapping the VNet is blocked",
    plan: nodeSubnet,
    to: "overlay",
    podCidr: "10.240.0.0/16",
    facts: { customIpMasqAgent: false },
    status: "blocked",
    blockers: ["pod-cidr-overlaps"],
  },
  {
    name: "a given pod CIDR too small is blocked",
    plan: nodeSubnet,
    to: "overlay",
    podCidr: "192.168.0.0/30",
    facts: { customIpMasqAgent: false },
    status: "blocked",
    blockers: ["pod-cidr-too-small"],
  },
  {
    name: "Pod Subnet cannot move to Overlay",
    plan: podSubnet,
    to: "overlay",
    status: "blocked",
    blockers: ["ipam-source-unsupported"],
  },
  {
    name: "Pod Subnet → Cilium: one dataplane step",
    plan: podSubnet,
    to: "cilium",
    facts: { nodeAutoProvisioning: false },
    status: "ready",
    blockers: [],
    checks: [],
    steps: ["--network-dataplane cilium"],
  },
  {
    name: "node auto-provisioning is disabled around the Cilium update",
    plan: podSubnet,
    to: "cilium",
    facts: { nodeAutoProvisioning: true },
    status: "ready",
    blockers: ["node-auto-provisioning"],
    steps: ["--node-provisioning-mode Manual", "--network-dataplane cilium", "--node-provisioning-mode Auto"],
  },
  {
    name: "Windows pools block Cilium",
    plan: withWindows(nodeSubnet),
    to: "cilium",
    status: "blocked",
    blockers: ["windows-pools"],
  },
  {
    name: "kubenet → Cilium goes through Overlay first, in two operations",
    plan: { ...kubenet, network: { ...kubenet.network, policy: "none" } },
    to: "cilium",
    facts: { identity: "UserAssigned", nodeAutoProvisioning: false },
    status: "ready",
    steps: ["--network-plugin azure --network-plugin-mode overlay", "--network-dataplane cilium"],
  },
  { name: "Overlay → Overlay: nothing to do", plan: overlay, to: "overlay", status: "nothing-to-do", steps: [] },
  {
    name: "Overlay with Cilium → Cilium: nothing to do",
    plan: { ...overlay, network: { ...overlay.network, dataplane: "cilium", policy: "cilium" } },
    to: "cilium",
    status: "nothing-to-do",
    steps: [],
  },
  {
    name: "no VNet and no connected networks in the input: a check to compare the pod CIDR by hand",
    plan: { ...nodeSubnet, vnet: undefined, connectedNetworks: [], nodePools: [{ name: "system", count: 3 }] },
    to: "overlay",
    facts: { customIpMasqAgent: false },
    status: "ready",
    checks: ["pod-cidr-overlaps-unknown"],
  },
  {
    name: "bring-your-own CNI cannot move",
    plan: { ...kubenet, network: { plugin: "none", podCidrs: ["10.244.0.0/16"] } },
    to: "overlay",
    status: "blocked",
    blockers: ["ipam-source-unsupported"],
  },
];

const PREFIX = "az aks update --resource-group rg --name aks ";

describe("planMigration", () => {
  it.each(cases)("$name", (c) => {
    const resolved = resolvePlan(PlanSchema.parse(c.plan));
    const m = migration(resolved, {
      to: c.to,
      ...(c.podCidr ? { podCidr: c.podCidr } : {}),
      ...(c.facts ? { facts: c.facts } : {}),
    });
    expect(m.status).toBe(c.status);
    if (c.blockers) expect(m.blockers.map((b) => b.id)).toEqual(c.blockers);
    if (c.checks) expect(m.checks.map((b) => b.id)).toEqual(c.checks);
    if (c.steps) expect(m.steps.map((s) => (s.command ?? []).join(" ").replace(PREFIX, ""))).toEqual(c.steps);
    if (c.podCidrIs) expect(`${m.podCidr?.cidr} ${m.podCidr?.origin}`).toBe(c.podCidrIs);
    for (const b of [...m.blockers, ...m.checks, ...m.warnings, ...m.steps]) expect(b.source).not.toBe("");
  });

  it("every IPAM move and every dataplane move is listed as one-way", () => {
    const m = migration(
      resolvePlan(PlanSchema.parse({ ...kubenet, network: { ...kubenet.network, policy: "none" } })),
      { to: "cilium" },
    );
    expect(m.oneWay).toHaveLength(2);
    expect(m.steps.filter((s) => s.oneWay)).toHaveLength(2);
    expect(m.reimage).toMatch(/twice/);
  });
});

describe("network policy across a migration (issue 11)", () => {
  const withPolicy = (p: PlanInput, policy: "azure" | "calico"): PlanInput => ({
    ...p,
    network: { ...p.network, policy },
  });
  const steps = (m: Migration) => m.steps.map((x) => (x.command ?? []).join(" ").replace(PREFIX, ""));

  it(
    "kubenet with Calico → Overlay: Calico is installed again after the move, and the note says AKS recommends " +
      "Cilium",
    () => {
      // Before: the plan ended with no network policy and no step to restore it.
      const m = migration(resolvePlan(PlanSchema.parse(kubenet)), { to: "overlay" });
      expect(steps(m).at(-1)).toBe("--network-policy calico");
      expect(m.steps.at(-1)?.note).toMatch(/AKS recommends Cilium/);
      expect(m.to.policy).toBe("calico");
    },
  );

  it("Node Subnet with Azure NPM (Linux only) → Overlay: NPM again, with its Linux retirement date", () => {
    const m = migration(resolvePlan(PlanSchema.parse(withPolicy(nodeSubnet, "azure"))), { to: "overlay" });
    expect(steps(m)).toEqual([
      "--network-policy none",
      "--network-plugin azure --network-plugin-mode overlay --pod-cidr 10.244.0.0/16",
      "--network-policy azure",
    ]);
    expect(m.steps.at(-1)?.note).toMatch(/retires on 30 September 2028/);
    expect(m.to.policy).toBe("azure");
  });

  it("Node Subnet, Azure NPM and Windows pools → Overlay: Calico (NPM on Windows retired 30 September 2026)", () => {
    const plan = resolvePlan(PlanSchema.parse(withWindows(withPolicy(nodeSubnet, "azure"))));
    const m = migration(plan, { to: "overlay" });
    expect(steps(m).at(-1)).toBe("--network-policy calico");
    expect(m.to.policy).toBe("calico");
    expect(m.warnings.map((w) => w.id)).toContain("npm-windows-retired");
    // The day before the retirement, NPM could still be installed again.
    const before = planMigration(plan, { to: "overlay", today: "2026-09-29" });
    expect("steps" in before && before.steps.at(-1)?.command?.join(" ")).toMatch(/--network-policy azure$/);
  });

  it("kubenet with Calico → Cilium: warns that Cilium replaces Calico and of the gap without policy", () => {
    // Before: no warning at all when the Overlay move came first.
    const m = migration(resolvePlan(PlanSchema.parse(kubenet)), { to: "cilium" });
    const ids = m.warnings.map((w) => w.id);
    expect(ids).toContain("policy-replaced");
    expect(ids).toContain("policy-gap");
    expect(m.warnings.find((w) => w.id === "policy-replaced")?.message).toMatch(/replaces Calico.*projectcalico/);
    expect(steps(m)).toEqual([
      "--network-policy none",
      "--network-plugin azure --network-plugin-mode overlay",
      "--network-dataplane cilium",
    ]);
    expect(m.to.policy).toBe("cilium");
  });

  it("Node Subnet with Azure NPM → Cilium: the update replaces NPM itself, no uninstall step", () => {
    const m = migration(resolvePlan(PlanSchema.parse(withPolicy(nodeSubnet, "azure"))), { to: "cilium" });
    expect(m.warnings.find((w) => w.id === "policy-replaced")?.message).toMatch(
      /replaces Azure Network Policy Manager: the update uninstalls it/,
    );
    expect(steps(m)).toEqual(["--network-dataplane cilium"]);
    expect(m.to.policy).toBe("cilium");
  });

  it("law: a cluster that had network policy never ends a plan without it", () => {
    const sources = [kubenet, nodeSubnet, podSubnet, overlay];
    for (const base of sources)
      for (const policy of ["azure", "calico"] as const)
        for (const win of [false, true])
          for (const to of ["overlay", "cilium"] as const) {
            const input = withPolicy(win ? withWindows(base) : base, policy);
            const parsed = PlanSchema.safeParse(input);
            if (!parsed.success) continue;
            const m = migration(resolvePlan(parsed.data), { to });
            if (m.status !== "ready") continue;
            expect(m.to.policy, `${base.network?.plugin}/${policy}/${win}/${to}`).not.toBe("none");
          }
  });
});

describe("planMigration guards itself", () => {
  it.each<{ name: string; options: unknown; input: string }>([
    { name: "unknown target", options: { to: "calico" }, input: "to" },
    { name: "unparsable pod CIDR", options: { to: "overlay", podCidr: "10.0.0.0/33" }, input: "podCidr" },
    { name: "IPv6 pod CIDR", options: { to: "overlay", podCidr: "fd00::/64" }, input: "podCidr" },
    { name: "pod CIDR with host bits", options: { to: "overlay", podCidr: "100.64.0.1/16" }, input: "podCidr" },
    { name: "pod CIDR not a string", options: { to: "overlay", podCidr: 42 }, input: "podCidr" },
    { name: "bad date", options: { to: "overlay", today: "soon" }, input: "today" },
  ])("$name: a problem as data, not a throw", ({ options, input }) => {
    const m = planMigration(resolvePlan(PlanSchema.parse(kubenet)), options as MigrateOptions);
    expect("problems" in m && m.problems.map((p) => p.input)).toEqual([input]);
  });
});

describe("node subnet addresses", () => {
  it("Node Subnet → Overlay frees the addresses reserved for pods: (3 + 1 surge) × (30 + 1) → 4", () => {
    const m = migration(resolvePlan(PlanSchema.parse(nodeSubnet)), { to: "overlay" });
    expect(m.nodeSubnetAddresses).toEqual({ before: 124, after: 4 });
  });
  it("kubenet → Overlay does not change the node subnet", () => {
    expect(migration(resolvePlan(PlanSchema.parse(kubenet)), { to: "overlay" }).nodeSubnetAddresses).toBeUndefined();
  });
});

describe("az CLI version for the dataplane update", () => {
  it.each([
    { name: "Pod Subnet: 2.52.0 from the update page", plan: podSubnet, want: /az CLI 2\.52\.0 or later/ },
    {
      name: "Node Subnet: 2.69.0, Cilium's minimum for Node Subnet",
      plan: nodeSubnet,
      want: /az CLI 2\.69\.0 or later/,
    },
  ])("$name", ({ plan, want }) => {
    const m = migration(resolvePlan(PlanSchema.parse(plan)), { to: "cilium" });
    expect(m.steps.at(-1)?.note).toMatch(want);
  });
});

describe("laws", () => {
  it("a chosen or kept pod CIDR holds every node with surge and overlaps nothing the plan names", () => {
    const prefixes = fc.constantFrom(
      "10.244.0.0/16",
      "10.244.0.0/14",
      "100.64.0.0/10",
      "100.64.0.0/16",
      "172.16.0.0/12",
      "192.168.0.0/16",
      "10.0.0.0/8",
      "10.240.0.0/12",
    );
    fc.assert(
      fc.property(
        fc.array(prefixes, { maxLength: 4 }),
        fc.integer({ min: 1, max: 900 }),
        fc.constantFrom<PlanInput>(kubenet, nodeSubnet),
        (connected, maxCount, base) => {
          const plan: PlanInput = {
            ...base,
            network: { ...base.network, policy: "none" },
            connectedNetworks: connected.map((c, i) => ({ name: `n${i}`, cidrs: [c] })),
            nodePools: [
              { name: "system", mode: "System", count: 1, minCount: 1, maxCount, maxSurge: "10%", subnet: "nodes" },
            ],
          };
          const resolved = resolvePlan(PlanSchema.parse(plan));
          const m = migration(resolved, {
            to: "overlay",
            facts: { identity: "UserAssigned", customIpMasqAgent: false },
          });
          if (!m.podCidr) {
            expect(m.blockers.map((b) => b.id)).toContain("no-free-pod-cidr");
            return;
          }
          expect(m.podCidr.nodesSupported).toBeGreaterThanOrEqual(m.podCidr.blocksNeeded);
          const p = parsePrefix(m.podCidr.cidr);
          for (const a of planAvoid(resolved))
            expect(a.prefix.overlaps(p), `${m.podCidr.cidr} overlaps ${a.what}`).toBe(false);
        },
      ),
      { numRuns: 120, seed: 11 },
    );
  });
});
