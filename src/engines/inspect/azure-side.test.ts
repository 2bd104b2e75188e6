import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CheckResult, ClusterReport, SubnetReport } from "../scan/index.js";
import { NODE_SUBNET_BLIND_SPOT, withAzure, type AzureSide } from "./azure-side.js";
import type { Headroom } from "./headroom.js";

const SUBNET = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes";
const CLUSTER = "/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerService/managedClusters/c";

const base: Headroom = {
  moreNodes: 253,
  limitedBy: "pod-cidr 10.244.0.0/16",
  checks: [],
  notes: [`${NODE_SUBNET_BLIND_SPOT}: …`, "Pool a: max surge assumed."],
};

function check(over: Partial<CheckResult>): CheckResult {
  return {
    check: "next-upgrade",
    range: "node-subnet",
    rangeId: SUBNET,
    needed: 1,
    free: 10,
    verdict: "ok",
    aksErrorCode: null,
    message: "m",
    fix: null,
    ...over,
  };
}

function side(free: number | null, checks: CheckResult[]): AzureSide {
  const subnet = {
    id: SUBNET,
    name: "nodes",
    vnetId: null,
    roles: ["node-subnet"],
    prefixes: ["10.0.0.0/27"],
    size: 32,
    usable: 27,
    used: free === null ? null : 27 - free,
    usedSource: free === null ? null : "usage-api",
    free,
    note: null,
    pools: [
      { clusterId: CLUSTER, cluster: "c", pool: "a", role: "node-subnet", perNode: 1, nodes: 3, peak: 5, surge: 1 },
    ],
    neededAtMax: 3,
    verdict: "ok",
    check: check({}),
  } as SubnetReport;
  const cluster = {
    id: CLUSTER,
    name: "c",
    pools: [{ name: "a", perNode: { nodeSubnet: 1, podSubnet: 0 }, checks }],
    shared: [],
    verdict: "ok",
    reasons: [],
  } as unknown as ClusterReport;
  return {
    source: { kind: "files", files: ["f.json"] },
    matchedBy: "resource-id",
    cluster,
    subnets: [subnet],
    missing: [],
  };
}

describe("withAzure: the Azure side folded into inspect's headroom", () => {
  it.each([
    {
      name: "a known node subnet closes the blind spot and bounds the nodes that fit",
      side: side(4, [check({ needed: 1, free: 4 })]),
      moreNodes: 4,
      blindSpot: false,
      checks: [{ fits: true, needsNodes: 1 }],
    },
    {
      name: "a failing scale-out is a check that does not fit, with the AKS error",
      side: side(2, [
        check({ check: "scale-out", needed: 5, free: 2, verdict: "fails", aksErrorCode: "SubnetIsFull" }),
      ]),
      moreNodes: 2,
      blindSpot: false,
      checks: [{ fits: false, needsNodes: 5, error: "SubnetIsFull" }],
    },
    {
      name: "an unknown figure keeps the blind spot and is said, never judged",
      side: side(null, [check({ free: null, verdict: "unknown", message: "usage not read" })]),
      moreNodes: 253,
      blindSpot: true,
      checks: [],
    },
    {
      name: "pod CIDR checks are left to the nodes' own count",
      side: side(9, [check({ range: "pod-cidr", rangeId: "10.244.0.0/16", verdict: "fails" })]),
      moreNodes: 9,
      blindSpot: false,
      checks: [],
    },
  ])("$name", ({ side: s, moreNodes, blindSpot, checks }) => {
    const h = withAzure(base, s);
    expect(h.moreNodes).toBe(moreNodes);
    expect(h.notes.some((n) => n.startsWith(NODE_SUBNET_BLIND_SPOT))).toBe(blindSpot);
    expect(h.checks).toEqual(checks.map((c) => expect.objectContaining(c)));
  });

  it("without a side the headroom is unchanged", () => {
    expect(withAzure(base, undefined)).toBe(base);
  });

  it("any value a library caller passes as the side gives a headroom, never a throw", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (cluster, subnets) => {
        const s = {
          source: { kind: "files", files: [] },
          matchedBy: "resource-id",
          cluster,
          subnets,
          missing: cluster,
        };
        const h = withAzure(base, s as unknown as AzureSide);
        expect(Array.isArray(h.checks) && Array.isArray(h.notes)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
