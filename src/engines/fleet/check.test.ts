import { describe, expect, it } from "vitest";
import type { FleetPlanInput, PlanInput } from "../plan/index.js";
import { checkFleet } from "./check.js";

const overlay = (vnet: string, pods = "10.244.0.0/16"): PlanInput => ({
  kind: "ClusterPlan",
  kubernetesVersion: "1.33",
  network: {
    plugin: "azure",
    pluginMode: "overlay",
    podCidrs: [pods],
    serviceCidrs: ["10.0.0.0/16"],
    dnsServiceIp: "10.0.0.10",
  },
  vnet: { addressSpace: [vnet], subnets: [{ name: "nodes", cidr: vnet.replace(/\/\d+$/, "/24") }] },
  nodePools: [{ name: "system", mode: "System", count: 3, subnet: "nodes" }],
});

function fleet(clusters: FleetPlanInput["clusters"], extra: Partial<FleetPlanInput> = {}): FleetPlanInput {
  return {
    kind: "FleetPlan",
    hub: { name: "hub", cidrs: ["10.10.0.0/16"], gateway: true },
    networks: [
      { name: "on-prem", kind: "onPremises", cidrs: ["192.168.0.0/16", "10.100.0.0/16"], connectedTo: ["hub"] },
    ],
    defaults: { peerWith: ["hub"] },
    pools: [{ name: "spokes", cidrs: ["10.0.0.0/8"], exclude: ["10.10.0.0/16", "10.100.0.0/16"] }],
    clusters,
    ...extra,
  };
}

const ids = (r: ReturnType<typeof checkFleet>) => r.findings.map((f) => `${f.ruleId}/${f.messageId}`);

describe("checkFleet", () => {
  it.each([
    {
      name: "distinct VNets, the same Overlay pod and service CIDRs: nothing to report",
      clusters: [
        { name: "a", plan: overlay("10.1.0.0/16") },
        { name: "b", plan: overlay("10.2.0.0/16") },
      ],
      want: [],
    },
    {
      name: "two spokes of one hub overlap: the hub cannot route to both",
      clusters: [
        { name: "a", plan: overlay("10.1.0.0/16") },
        { name: "b", plan: overlay("10.1.0.0/20") },
      ],
      want: ["fleet-ranges-overlap/common"],
    },
    {
      name: "overlapping spokes that reach nothing in common",
      clusters: [
        { name: "a", plan: overlay("10.1.0.0/16"), peerWith: [] },
        { name: "b", plan: overlay("10.1.0.0/20"), peerWith: [] },
      ],
      want: [],
    },
    {
      name: "a spoke using the hub's gateway overlaps on-premises",
      clusters: [{ name: "a", plan: overlay("10.100.0.0/20") }],
      want: ["fleet-ranges-overlap/direct"],
    },
    {
      name: "an Overlay pod CIDR overlaps on-premises the cluster reaches",
      clusters: [{ name: "a", plan: overlay("10.1.0.0/16", "192.168.0.0/16") }],
      want: ["fleet-ranges-overlap/local"],
    },
    {
      name: "an Overlay pod CIDR overlapping on-premises it does not reach is fine",
      clusters: [{ name: "a", plan: overlay("10.1.0.0/16", "192.168.0.0/16"), peerWith: [] }],
      want: [],
    },
    {
      name: "meshed clusters with the same pod CIDR",
      clusters: [
        { name: "a", plan: overlay("10.1.0.0/16") },
        { name: "b", plan: overlay("10.2.0.0/16") },
      ],
      extra: { meshes: [{ name: "m", clusters: ["a", "b"] }] },
      want: ["fleet-ranges-overlap/mesh"],
    },
    {
      name: "a cluster routing its pods on-premises keeps them distinct from other routed ranges",
      clusters: [
        { name: "a", plan: overlay("10.1.0.0/16", "10.2.0.0/16"), podsRoutedOnPremises: true },
        { name: "b", plan: overlay("10.2.0.0/16") },
      ],
      want: ["fleet-ranges-overlap/common"],
    },
    {
      name: "VNM mesh, connectedGroupAddressOverlap unset (Allowed): Azure accepts the overlap, a warning",
      clusters: [
        { name: "a", plan: overlay("10.1.0.0/16"), peerWith: [] },
        { name: "b", plan: overlay("10.1.0.0/20"), peerWith: [] },
      ],
      extra: { connectivity: [{ name: "cc", topology: "mesh" as const, members: ["a", "b"] }] },
      want: ["fleet-ranges-overlap/groupAllowed"],
    },
    {
      name: "VNM mesh, connectedGroupAddressOverlap Disallowed: Azure refuses a member, an error",
      clusters: [
        { name: "a", plan: overlay("10.1.0.0/16"), peerWith: [] },
        { name: "b", plan: overlay("10.1.0.0/20"), peerWith: [] },
      ],
      extra: {
        connectivity: [
          {
            name: "cc",
            topology: "mesh" as const,
            members: ["a", "b"],
            connectedGroupAddressOverlap: "Disallowed" as const,
          },
        ],
      },
      want: ["fleet-ranges-overlap/groupDisallowed"],
    },
    {
      name: "hub and spoke with direct connectivity, Disallowed: the spokes' overlap is an error",
      clusters: [
        { name: "a", plan: overlay("10.1.0.0/16"), peerWith: [] },
        { name: "b", plan: overlay("10.1.0.0/20"), peerWith: [] },
      ],
      extra: {
        connectivity: [
          {
            name: "hs",
            topology: "hubAndSpoke" as const,
            hub: "hub",
            members: ["a", "b"],
            directConnectivity: true,
            connectedGroupAddressOverlap: "Disallowed" as const,
          },
        ],
      },
      want: ["fleet-ranges-overlap/groupDisallowed"],
    },
    {
      name: "VNM mesh members that also peer directly: Allowed does not help, an error",
      clusters: [
        { name: "a", plan: overlay("10.1.0.0/16"), peerWith: ["b"] },
        { name: "b", plan: overlay("10.1.0.0/20"), peerWith: [] },
      ],
      extra: {
        connectivity: [
          {
            name: "cc",
            topology: "mesh" as const,
            members: ["a", "b"],
            connectedGroupAddressOverlap: "Allowed" as const,
          },
        ],
      },
      want: ["fleet-ranges-overlap/direct"],
    },
    {
      name: "two pools overlap",
      clusters: [{ name: "a", plan: overlay("10.1.0.0/16") }],
      extra: {
        pools: [
          { name: "spokes", cidrs: ["10.0.0.0/9"] },
          { name: "pods", cidrs: ["10.64.0.0/10"], for: "pods" as const },
        ],
      },
      want: ["fleet-pools-overlap/overlap"],
    },
    {
      name: "two pools touch but do not overlap",
      clusters: [{ name: "a", plan: overlay("10.1.0.0/16") }],
      extra: {
        pools: [
          { name: "one", cidrs: ["10.0.0.0/9"] },
          { name: "two", cidrs: ["10.128.0.0/9"] },
        ],
      },
      want: [],
    },
    {
      name: "two pools share only what one of them excludes",
      clusters: [{ name: "a", plan: overlay("10.1.0.0/16") }],
      extra: {
        pools: [
          { name: "one", cidrs: ["10.0.0.0/8"], exclude: ["10.200.0.0/16"] },
          { name: "two", cidrs: ["10.200.0.0/16"], for: "pods" as const },
        ],
      },
      want: [],
    },
    {
      name: "one pool's two supernets overlap each other: not two pools",
      clusters: [{ name: "a", plan: overlay("10.1.0.0/16") }],
      extra: { pools: [{ name: "one", cidrs: ["10.0.0.0/8", "10.0.0.0/9"] }] },
      want: [],
    },
    {
      name: "unknown and duplicate names",
      clusters: [
        { name: "a", plan: overlay("10.1.0.0/16"), peerWith: ["hubb"] },
        { name: "a", plan: overlay("10.2.0.0/16"), peerWith: [] },
      ],
      want: ["fleet-input-invalid/name-duplicate", "fleet-input-invalid/name-unknown"],
    },
    {
      name: "a cross-cluster network of Overlay clusters",
      clusters: [
        { name: "a", plan: overlay("10.1.0.0/16", "10.50.0.0/16") },
        { name: "b", plan: overlay("10.2.0.0/16", "10.51.0.0/16") },
      ],
      extra: { meshes: [{ name: "x", kind: "fleetCrossCluster" as const, clusters: ["a", "b"] }] },
      want: ["fleet-mesh-invalid/overlay", "fleet-mesh-invalid/overlay"],
    },
    {
      name: "a full pool",
      clusters: [{ name: "a", plan: overlay("10.1.0.0/16") }],
      extra: { pools: [{ name: "tiny", cidrs: ["10.1.0.0/16"] }] },
      want: ["fleet-pool-exhausted/full"],
    },
  ])("$name", ({ clusters, extra, want }) => {
    const r = checkFleet(fleet(clusters, extra));
    expect(ids(r).sort()).toEqual([...want].sort());
  });

  it.each([
    {
      name: "a Cilium cluster mesh of 255 clusters: at the limit",
      kind: "ciliumClusterMesh" as const,
      n: 255,
      want: [],
    },
    {
      name: "a Cilium cluster mesh of 256 clusters: over it",
      kind: "ciliumClusterMesh" as const,
      n: 256,
      want: ["fleet-mesh-invalid/cilium-too-many"],
    },
    {
      name: "a cross-cluster network of 256 members",
      kind: "fleetCrossCluster" as const,
      n: 256,
      want: ["fleet-mesh-invalid/too-many"],
    },
  ])("$name", ({ kind, n, want }) => {
    const names = Array.from({ length: n }, (_, i) => `c${i}`);
    const r = checkFleet(
      fleet(
        names.map((name) => ({ name })),
        { meshes: [{ name: "m", kind, clusters: names }] },
      ),
    );
    // Clusters without a plan take AKS's default model (Overlay): cross-cluster networking also says so per cluster.
    expect(ids(r).filter((id) => id.endsWith("too-many"))).toEqual(want);
  });

  it.each([
    {
      name: "used space inside a cluster's routed pod CIDR: a warning",
      used: [{ cidr: "10.50.1.0/24", source: "netbox", name: "legacy" }],
      pods: "10.50.0.0/16",
      want: ["fleet-ranges-overlap/used"],
    },
    {
      name: "used space that is the cluster's own VNet (a scan of it): nothing",
      used: [{ cidr: "10.1.0.0/16", source: "scan" }],
      want: [],
    },
    {
      name: "used space inside a cluster's VNet (one of its subnets): nothing",
      used: [{ cidr: "10.1.0.0/24", source: "scan" }],
      want: [],
    },
    {
      name: "used space inside on-premises, which the fleet judges: the on-premises overlap, not used space",
      used: [{ cidr: "10.100.1.0/24", source: "netbox" }],
      vnet: "10.100.0.0/20",
      want: ["fleet-ranges-overlap/direct"],
    },
    {
      name: "used space containing the cluster's VNet (an IPAM block wider than it): a warning",
      used: [{ cidr: "10.0.0.0/12", source: "azure-ipam" }],
      want: ["fleet-ranges-overlap/used"],
    },
    { name: "used space elsewhere", used: [{ cidr: "10.9.0.0/16", source: "prefix-list" }], want: [] },
  ])("$name", ({ used, vnet, pods, want }) => {
    const plan = overlay(vnet ?? "10.1.0.0/16", pods);
    const r = checkFleet(fleet([{ name: "a", plan, podsRoutedOnPremises: pods !== undefined }]), { used });
    expect(ids(r)).toEqual(want);
    expect(r.counts.networks).toBe(3);
  });

  it.each([
    {
      name: "used space of the hub outside its address space in the file, overlapping a spoke: an error",
      used: [{ cidr: "10.1.4.0/24", source: "scan", network: "hub" }],
      want: ["fleet-ranges-overlap/direct"],
      path: ["used", 0],
    },
    {
      name: "the same without network: nothing (inside the spoke's VNet, it is taken as the spoke's own)",
      used: [{ cidr: "10.1.4.0/24", source: "scan" }],
      want: [],
    },
    {
      name: "used space of the cluster itself (a scan of its VNet): nothing",
      used: [{ cidr: "10.1.0.0/16", source: "scan", network: "a" }],
      want: [],
    },
    {
      name: "used space of on-premises (reached through the hub's gateway) overlapping the spoke: an error",
      used: [{ cidr: "10.1.8.0/24", source: "netbox", network: "on-prem" }],
      want: ["fleet-ranges-overlap/direct"],
    },
    {
      name: "a VNet known only from used space, peered with the cluster: an error",
      used: [{ cidr: "10.1.0.0/20", source: "scan", network: "vnet-legacy" }],
      peerings: [{ between: ["a", "vnet-legacy"] as [string, string] }],
      want: ["fleet-ranges-overlap/direct"],
    },
    {
      name: "a VNet known only from used space, with no stated connection: the used-space warning",
      used: [{ cidr: "10.1.0.0/20", source: "scan", network: "vnet-legacy" }],
      want: ["fleet-ranges-overlap/used"],
      path: ["clusters", 0, "plan", "vnet", "addressSpace", 0],
    },
    {
      name: "a VNet known only from used space, peered with the hub next to the spoke: the hub cannot route to both",
      used: [{ cidr: "10.1.0.0/20", source: "scan", network: "vnet-legacy" }],
      peerings: [{ between: ["hub", "vnet-legacy"] as [string, string] }],
      want: ["fleet-ranges-overlap/common"],
    },
    {
      name: "unnamed used space inside a VNet known only from used space: judged with that VNet",
      used: [
        { cidr: "10.1.0.0/20", source: "scan", network: "vnet-legacy" },
        { cidr: "10.1.1.0/24", source: "netbox" },
      ],
      peerings: [{ between: ["a", "vnet-legacy"] as [string, string] }],
      want: ["fleet-ranges-overlap/direct"],
    },
  ])("used space with its network: $name", ({ used, peerings, want, path }) => {
    const r = checkFleet(fleet([{ name: "a", plan: overlay("10.1.0.0/16") }], { peerings: peerings ?? [] }), { used });
    expect(ids(r)).toEqual(want);
    if (path) expect(r.findings[0]?.path).toEqual(path);
    expect(r.counts.networks).toBe(3);
  });

  it("takes used[].network from the fleet file", () => {
    const r = checkFleet(
      fleet([{ name: "a", plan: overlay("10.1.0.0/16") }], {
        used: [{ cidr: "10.1.4.0/24", source: "scan", name: "VNet hub", network: "hub" }],
      }),
    );
    expect(ids(r)).toEqual(["fleet-ranges-overlap/direct"]);
    expect(r.findings[0]?.message).toContain("hub 10.1.4.0/24 (used space, scan: VNet hub)");
  });

  it("forecasts how many more VNets of the fleet's size fit", () => {
    const r = checkFleet(fleet([{ name: "a", plan: overlay("10.1.0.0/16") }]));
    const pool = r.pools[0];
    // 10.0.0.0/8 is 256 /16s; the hub, on-premises' 10.100.0.0/16 (excluded) and cluster a take 3.
    expect(pool?.fits).toEqual([{ prefixLength: 16, fits: 253 }]);
    expect(pool?.largestFree).toBe("/9");
  });

  it("runs each cluster's own check", () => {
    const plan = overlay("10.1.0.0/16");
    const r = checkFleet(
      fleet([{ name: "a", plan: { ...plan, network: { ...plan.network, serviceCidrs: ["10.1.0.0/16"] } } }]),
    );
    expect(r.clusters[0]?.findings.some((f) => f.severity === "error")).toBe(true);
    expect(r.ok).toBe(false);
  });

  it("reports a referenced plan that was not loaded, and a schema problem as findings", () => {
    expect(ids(checkFleet(fleet([{ name: "a", plan: "a.yaml" }])))).toEqual(["fleet-input-invalid/plan-unreadable"]);
    expect(checkFleet({ kind: "FleetPlan", pools: "x" }).findings[0]?.ruleId).toBe("plan-schema");
  });
});
