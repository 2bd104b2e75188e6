import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfiguration } from "../cli/inspect/configuration-files.js";
import { readDumps } from "./dump.js";
import { inspectReport, poolSurge } from "../../engines/inspect/index.js";
import { addressesPerNode } from "../../engines/capacity/index.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const SOURCE = { kind: "dump", files: ["x"] } as const;
const dump = (name: string) => readDumps([join(FIXTURES, `${name}.json`)]);
const config = (name: string, edit: (text: string) => string = (t) => t) =>
  loadConfiguration([{ text: edit(readFileSync(join(FIXTURES, name), "utf8")), fileName: name }]).configuration;

// Every figure below is worked by hand in the comment beside it.
const headroomCases = [
  // kubenet: 3 nodes hold 3 /24s of the assumed 10.244.0.0/16 (256) → 253 free; the 400-route cap leaves 397.
  {
    name: "kubenet, real nodes",
    fixture: "kubenet",
    range: {
      role: "pod-cidr",
      cidr: "10.244.0.0/16",
      source: "assumed-default",
      total: 256,
      used: 3,
      free: 253,
      podAddresses: 12,
    },
    more: 253,
  },
  // Overlay: same block math; pod CIDR from the NodeNetworkConfigs' subnetAddressSpace.
  {
    name: "Overlay",
    fixture: "overlay",
    range: {
      role: "pod-cidr",
      cidr: "10.244.0.0/16",
      source: "node-network-config",
      total: 256,
      used: 3,
      free: 253,
      podAddresses: 21,
    },
    more: 253,
  },
  // Node subnet: 3 nodes × (1 + 30) = 93 VNet IPs; (65,536 − 93) / 31 = 2,111.06 → 2,111.
  { name: "node subnet (VNet limit)", fixture: "node-subnet", range: undefined, more: 2111 },
  // Dynamic: /14 = 262,144 − 5 = 262,139; 3 nodes × 16 handed out = 48. VNet: 3 + 48 = 51 used; a full node holds at
  // most its IP limit (max pods 250) + its primary IP = 251, so 1 + 251 = 252 per node; (65,536 − 51) / 252 = 259.86 →
  // 259.
  {
    name: "pod subnet dynamic (VNet limit)",
    fixture: "pod-subnet-dynamic",
    range: {
      role: "pod-subnet",
      cidr: "10.240.0.0/14",
      total: 262139,
      used: 48,
      free: 262091,
      podAddresses: 21,
      perNode: 251,
    },
    more: 259,
  },
  // Static, max pods 30: ceil(31/16) = 2 blocks = 32 addresses per node; 3 × 32 = 96; (262,139 − 96) / 32 = 8,188.8 →
  // 8,188
  // (VNet: (65,536 − 9) / 3 = 21,842), so the 5,000-node cluster limit binds: 5,000 − 3 = 4,997.
  {
    name: "pod subnet static (cluster node limit)",
    fixture: "pod-subnet-static",
    range: { role: "pod-subnet", cidr: "10.240.0.0/14", total: 262139, used: 96, free: 262043, perNode: 32 },
    more: 4997,
  },
] as const;

describe("address use and headroom", () => {
  it.each(headroomCases)("$name", async ({ fixture, range, more }) => {
    const r = inspectReport(await dump(fixture), SOURCE);
    if (range) expect(r.ranges).toContainEqual(expect.objectContaining(range));
    expect(r.headroom.moreNodes).toBe(more);
  });

  it("counts pods per node with host-network pods apart and finished pods left out", async () => {
    const r = inspectReport(await dump("kubenet"), SOURCE);
    expect(r.nodes[0]).toMatchObject({
      name: "aks-agentpool-30520393-vmss000000",
      maxPods: 110,
      pods: 5,
      hostNetworkPods: 1,
      podAddresses: 4,
      freePodSlots: 105,
      podCidrs: ["10.244.1.0/24"],
    });
    expect(r.totals).toEqual({ nodes: 3, readyNodes: 3, pods: 15, hostNetworkPods: 3, podAddresses: 12 });
  });

  const checks = [
    {
      name: "autoscaler maximum beyond the pod CIDR (no AKS error code: nodes get no pod range)",
      load: () => config("aks-show-overlay-autoscale-300.json"),
      // system 2 @10% → 1, user1 1 @33% → 1: surge 2. At max: 299 more + (1 + ceil(0.33 × 300) = 99) = 399 > 253.
      want: [
        { name: "next upgrade (surge)", needsNodes: 2, fits: true, error: undefined },
        { name: "autoscaler maximums", needsNodes: 399, fits: false, error: undefined },
      ],
    },
    {
      name: "a pool whose maximum plus surge passes 1,000 scale set instances",
      load: () => config("aks-show-overlay.json", (t) => t.replace('"maxCount": 20', '"maxCount": 950')),
      // user1 at 950 with 33%: ceil(313.5) = 314 surge → 1,264 > 1,000. Autoscaler: 949 more + (1 + 314) = 1,264 > 253
      // /24s.
      want: [
        { name: "scale set size (surge included)", needsNodes: 0, fits: false, error: undefined },
        { name: "next upgrade (surge)", needsNodes: 2, fits: true, error: undefined },
        { name: "autoscaler maximums", needsNodes: 1264, fits: false, error: undefined },
      ],
    },
    {
      name: "autoscaler maximum beyond a /28 node subnet → InsufficientSubnetSize",
      load: () => config("plan-overlay.yaml"),
      // /28: 11 usable, 3 nodes → 8 free. At max: 19 + (1 + ceil(0.33 × 20) = 7) = 27 > 8.
      want: [
        { name: "next upgrade (surge)", needsNodes: 2, fits: true, error: undefined },
        { name: "autoscaler maximums", needsNodes: 27, fits: false, error: "InsufficientSubnetSize" },
      ],
    },
    {
      name: "surge beyond a full /29 node subnet → SubnetIsFull",
      load: () => config("plan-overlay.yaml", (t) => t.replace("10.224.0.0/28", "10.224.0.0/29")),
      // /29: 3 usable, 3 nodes → 0 free; surge 2 does not fit.
      want: [
        { name: "next upgrade (surge)", needsNodes: 2, fits: false, error: "SubnetIsFull" },
        { name: "autoscaler maximums", needsNodes: 27, fits: false, error: "InsufficientSubnetSize" },
      ],
    },
  ];

  it.each(checks)("$name", async ({ load, want }) => {
    const r = inspectReport(await dump("overlay"), SOURCE, load());
    expect(r.headroom.checks.map(({ name, needsNodes, fits, error }) => ({ name, needsNodes, fits, error }))).toEqual(
      want,
    );
  });
});

describe("virtual nodes", () => {
  it("are listed apart and change no count, pool or verdict", async () => {
    const s = await dump("node-subnet");
    const virtualNode = {
      name: "virtual-node-aci-linux",
      pool: undefined,
      os: "linux",
      labels: {},
      internalIps: ["10.241.0.4"],
      podCidrs: [],
      maxPods: 500,
      ready: true,
      networkUnavailableReason: undefined,
      kubeletVersion: "v1.31.8",
      virtual: true,
      annotations: {},
    };
    const withVirtual = {
      ...s,
      nodes: [...s.nodes, virtualNode],
      pods: [
        ...s.pods,
        {
          namespace: "default",
          name: "on-aci",
          k8sApp: undefined,
          component: undefined,
          node: "virtual-node-aci-linux",
          ips: ["10.241.0.10"],
          hostNetwork: false,
          phase: "Running",
        },
      ],
    };
    const a = inspectReport(s, SOURCE);
    const b = inspectReport(withVirtual, SOURCE);
    expect(b.virtualNodes).toEqual([{ name: "virtual-node-aci-linux", pods: 1 }]);
    expect({ ...b, virtualNodes: [] }).toEqual(a);
  });
});

describe("configuration against the cluster", () => {
  const cases = [
    { name: "the matching plan", edit: (t: string) => t, differences: [] as RegExp[] },
    {
      name: "a kubenet plan",
      edit: (t: string) => t.replace("  pluginMode: overlay\n", "").replace("plugin: azure", "plugin: kubenet"),
      differences: [/says kubenet, the cluster looks like azure-cni-overlay/],
    },
    {
      name: "a pool count that differs",
      edit: (t: string) => t.replace("count: 2,", "count: 5,"),
      differences: [/Pool system is configured with count 5; nodes running in it: 2/],
    },
    {
      name: "a pool that does not run and a max pods that differs",
      edit: (t: string) =>
        t
          .replace("name: user1", "name: spot")
          .replace('maxPods: 250, maxSurge: "10%"', 'maxPods: 110, maxSurge: "10%"'),
      differences: [
        /max pods 110; its nodes allow 250/,
        /Pool spot is configured but no node of it runs/,
        /Pool user1 is not in the configuration; nodes running in it: 1/,
      ],
    },
    {
      name: "a different pod CIDR",
      edit: (t: string) => t.replace("podCidrs: [10.244.0.0/16]", "podCidrs: [10.100.0.0/16]"),
      differences: [/pod range outside the configured pod CIDR 10\.100\.0\.0\/16: 3, e\.g\./],
    },
  ];
  it.each(cases)("$name", async ({ edit, differences }) => {
    const r = inspectReport(await dump("overlay"), SOURCE, config("plan-overlay.yaml", edit));
    expect(r.configured?.differences).toHaveLength(differences.length);
    for (const d of differences)
      expect(
        r.configured?.differences.some((x) => d.test(x)),
        String(d),
      ).toBe(true);
  });

  it("runs the check rules at the running node counts", async () => {
    const r = inspectReport(await dump("overlay"), SOURCE, config("plan-overlay.yaml"));
    expect(r.configured?.findings.map((f) => f.ruleId)).toContain("subnet-too-small-for-nodes");
  });
});

describe("gateway pools and the API server subnet", () => {
  it("names each pool's mode from its nodes' kubernetes.azure.com/mode label, gateway pools included", async () => {
    const r = inspectReport(await dump("overlay-gateway"), SOURCE);
    expect(r.pools.map((p) => [p.pool, p.mode, p.nodes])).toEqual([
      ["gateway", "gateway", 2],
      ["system", "system", 2],
      ["user1", "user", 1],
    ]);
    expect(r.nodes.filter((n) => n.mode === "gateway").map((n) => n.internalIps[0])).toEqual([
      "10.224.0.7",
      "10.224.0.8",
    ]);
  });

  it("says mixed when a pool's nodes disagree, and nothing when no node says", async () => {
    const s = await dump("overlay");
    const relabel = (mode: string | undefined) => ({
      ...s,
      nodes: s.nodes.map((n) => {
        const { ["kubernetes.azure.com/mode"]: _m, ...rest } = n.labels;
        return n.pool !== "system" ? n : { ...n, labels: mode ? { ...rest, "kubernetes.azure.com/mode": mode } : rest };
      }),
    });
    const mixed = {
      ...s,
      nodes: s.nodes.map((n, i) =>
        i === 0 ? { ...n, labels: { ...n.labels, "kubernetes.azure.com/mode": "User" } } : n,
      ),
    };
    expect(inspectReport(relabel(undefined), SOURCE).pools.find((p) => p.pool === "system")?.mode).toBeUndefined();
    expect(inspectReport(relabel("System"), SOURCE).pools.find((p) => p.pool === "system")?.mode).toBe("system");
    expect(inspectReport(mixed, SOURCE).pools.find((p) => p.pool === "system")?.mode).toBe("mixed");
  });

  const apiCases = [
    { name: "no apiServer section", edit: (t: string) => t, want: undefined },
    {
      name: "VNet integration with its subnet in the plan's VNet",
      edit: (t: string) =>
        t.replace(
          "    - { name: aks-subnet, cidr: 10.224.0.0/28 }\n",
          "    - { name: aks-subnet, cidr: 10.224.0.0/28 }\n" +
            "    - { name: aks-apiserver, cidr: 10.224.2.0/28, " +
            "delegation: Microsoft.ContainerService/managedClusters }\n",
        ) + "apiServer: { vnetIntegration: true, subnet: aks-apiserver, private: true }\n",
      want: {
        vnetIntegration: true,
        subnet: "aks-apiserver",
        subnetCidr: "10.224.2.0/28",
        private: true,
        authorizedIpRanges: [],
      },
    },
    {
      name: "a private cluster without VNet integration",
      edit: (t: string) => t + "apiServer: { private: true }\n",
      want: { vnetIntegration: false, subnet: undefined, subnetCidr: undefined, private: true, authorizedIpRanges: [] },
    },
  ];
  it.each(apiCases)("configured API server: $name", async ({ edit, want }) => {
    const r = inspectReport(await dump("overlay"), SOURCE, config("plan-overlay.yaml", edit));
    expect(r.configured?.cluster.apiServer).toEqual(want);
  });
});

describe("poolSurge", () => {
  const cases = [
    { name: "a percentage rounds up", maxSurge: "10%", nodes: 2, version: "1.33", want: 1, assumed: false },
    { name: "33% of 300", maxSurge: "33%", nodes: 300, version: "1.33", want: 99, assumed: false },
    { name: "a count", maxSurge: "3", nodes: 10, version: "1.33", want: 3, assumed: false },
    { name: "no surge", maxSurge: "0", nodes: 10, version: "1.33", want: 0, assumed: false },
    { name: "unset before 1.28: 1 node", maxSurge: undefined, nodes: 25, version: "1.27.8", want: 1, assumed: true },
    {
      name: "unset from 1.32: 10%, and says the other value",
      maxSurge: undefined,
      nodes: 25,
      version: "1.33.3",
      want: 3,
      assumed: true,
    },
  ];
  it.each(cases)("$name", ({ maxSurge, nodes, version, want, assumed }) => {
    const s = poolSurge(maxSurge, nodes, version);
    expect(s.nodes).toBe(want);
    expect(s.assumed !== undefined).toBe(assumed);
    if (version === "1.33.3" && assumed)
      expect(s.assumed).toMatch(/still say the default is 1 node, which would be 1 node here/);
  });
});

describe("pod subnet headroom uses the capacity engine's charge per node (issue 11: the KB decides it)", () => {
  it.each([
    ["pod-subnet-dynamic", "azure-cni-pod-subnet-dynamic"],
    ["pod-subnet-static", "azure-cni-pod-subnet-static"],
  ] as const)("%s", async (fixture, model) => {
    const r = inspectReport(await dump(fixture), SOURCE);
    const range = r.ranges.find((x) => x.role === "pod-subnet");
    const maxPods = Math.max(...r.nodes.map((n) => n.maxPods ?? 0));
    expect(range?.perNode).toBe(addressesPerNode(model, maxPods).podSubnet);
    const vnet = r.headroom.limitedBy?.startsWith("VNet private IP limit") ? r.headroom.moreNodes : undefined;
    if (vnet !== undefined) {
      const used = r.nodes.length + (range?.used ?? 0) / (model === "azure-cni-pod-subnet-static" ? 16 : 1);
      expect(vnet).toBe(Math.floor((65_536 - used) / addressesPerNode(model, maxPods).vnetIps));
    }
  });
});
