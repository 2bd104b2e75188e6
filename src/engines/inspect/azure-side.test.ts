import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CheckResult, ClusterReport, SubnetReport } from "../scan/index.js";
import type { AddressUse } from "./address-use.js";
import {
  apiServerOf,
  azureNodeSubnets,
  NODE_SUBNET_BLIND_SPOT,
  withAzure,
  withAzureRanges,
  type AzureSide,
} from "./azure-side.js";
import type { Headroom } from "./headroom.js";

const SUBNET = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes";
const CLUSTER = "/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerService/managedClusters/c";

const base: Headroom = {
  moreNodes: 253,
  limitedBy: "pod-cidr 10.244.0.0/16",
  checks: [],
  notes: ["Pool a: max surge assumed."],
};
/** The headroom when no node subnet range was judged: it carries the blind-spot note. */
const blind: Headroom = { ...base, notes: [`${NODE_SUBNET_BLIND_SPOT}: … pass --azure …`, ...base.notes] };

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

const configured: AddressUse = {
  role: "node-subnet",
  cidr: "10.0.0.0/27",
  source: "configuration",
  unit: "addresses",
  total: 27,
  used: 3,
  free: 24,
  podAddresses: 0,
  perNode: 1,
};
const podCidr: AddressUse = { ...configured, role: "pod-cidr", cidr: "10.244.0.0/16", unit: "/24 blocks" };

describe("withAzureRanges: Azure's subnet figures as ranges the headroom judges", () => {
  it.each([
    {
      name: "a known node subnet becomes the first range, with Azure's used and free",
      ranges: [podCidr],
      side: side(4, []),
      want: [
        { role: "node-subnet", cidr: "10.0.0.0/27", source: "azure", used: 23, free: 4, total: 27, perNode: 1 },
        podCidr,
      ],
    },
    {
      name: "it replaces the configuration's count of the same subnet (Azure's counts every other user too)",
      ranges: [configured, podCidr],
      side: side(4, []),
      want: [{ ...configured, source: "azure", used: 23, free: 4 }, podCidr],
    },
    { name: "an unknown figure adds nothing", ranges: [podCidr], side: side(null, []), want: [podCidr] },
    { name: "no side, no change", ranges: [podCidr], side: undefined, want: [podCidr] },
  ])("$name", ({ ranges, side: s, want }) => {
    expect(withAzureRanges(ranges, s)).toEqual(want.map((w) => expect.objectContaining(w)));
  });
});

describe("withAzure: the scan's checks on the cluster's subnets as headroom checks", () => {
  it.each([
    {
      name: "a check that passes fits",
      side: side(4, [check({ needed: 1, free: 4 })]),
      checks: [{ fits: true, needsNodes: 1, error: undefined }],
      notes: 1,
    },
    {
      name: "a failing scale-out does not fit, with the AKS error",
      side: side(2, [
        check({ check: "scale-out", needed: 5, free: 2, verdict: "fails", aksErrorCode: "SubnetIsFull" }),
      ]),
      checks: [{ fits: false, needsNodes: 5, error: "SubnetIsFull" }],
      notes: 1,
    },
    {
      name: "an unknown figure is said, never judged",
      side: side(null, [check({ free: null, verdict: "unknown", message: "usage not read" })]),
      checks: [],
      notes: 3, // the pool's note, the node subnet without figures, the check not judged
    },
    {
      name: "pod CIDR checks are left to the nodes' own count",
      side: side(9, [check({ range: "pod-cidr", rangeId: "10.244.0.0/16", verdict: "fails" })]),
      checks: [],
      notes: 1,
    },
  ])("$name", ({ side: s, checks, notes }) => {
    const h = withAzure(base, s);
    expect(h.moreNodes).toBe(base.moreNodes);
    expect(h.checks).toEqual(checks.map((c) => expect.objectContaining(c)));
    expect(h.notes).toHaveLength(notes);
  });

  it("without a side the headroom is unchanged", () => {
    expect(withAzure(blind, undefined)).toBe(blind);
    expect(withAzure(base, undefined)).toBe(base);
  });

  it("any value a library caller passes as the side gives a headroom and ranges, never a throw", () => {
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
        expect(Array.isArray(withAzureRanges([podCidr], s as unknown as AzureSide))).toBe(true);
        expect(Array.isArray(azureNodeSubnets(s as unknown as AzureSide))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("withAzure: the node subnet note says what the Azure side lacked, never 'pass --azure'", () => {
  const VNET_ARGS = "-g g -n v";
  const live = (s: AzureSide): AzureSide => ({
    ...s,
    source: { kind: "azure", endpoint: "https://management.azure.com" },
  });
  const subnetAs = (s: AzureSide, over: Partial<SubnetReport>): AzureSide => ({
    ...s,
    subnets: s.subnets.map((x) => ({ ...x, ...over })),
  });
  const noPrefix = (free: number | null) => subnetAs(side(free, []), { prefixes: [] });
  const cases: { name: string; headroom: Headroom; side: AzureSide | undefined; want: RegExp[] }[] = [
    {
      name: "no Azure side: the blind spot and its advice stay",
      headroom: blind,
      side: undefined,
      want: [/pass --azure/],
    },
    {
      name: "--azure-from with the VNet and its usage: the subnet is judged, no note",
      headroom: base,
      side: side(4, []),
      want: [],
    },
    {
      name: "--azure-from without the usage file: add list-usage",
      headroom: blind,
      side: side(null, []),
      want: [
        new RegExp(
          "^Node subnet nodes \\(10\\.0\\.0\\.0/27\\): the --azure-from files give its size but not its use: .*" +
            `not judged; add the output of az network vnet list-usage ${VNET_ARGS} -o json to --azure-from\\.$`,
        ),
      ],
    },
    {
      name: "--azure-from without the VNet nor its usage: add vnet show and list-usage",
      headroom: blind,
      side: noPrefix(null),
      want: [
        new RegExp(
          "^Node subnet nodes: its VNet is in none of the --azure-from files: .*not judged; add the output of " +
            `az network vnet show ${VNET_ARGS} -o json and az network vnet list-usage ${VNET_ARGS} -o json`,
        ),
      ],
    },
    {
      name: "--azure-from with the usage but not the VNet: judged by the checks, add vnet show for its prefix",
      headroom: blind,
      side: noPrefix(4),
      want: [
        new RegExp(
          "^Node subnet nodes: the --azure-from files give its use but not its prefix .*the Azure checks judge it.*" +
            `add the output of az network vnet show ${VNET_ARGS} -o json to --azure-from\\.$`,
        ),
      ],
    },
    {
      name: "--azure-from holding none of the cluster's node subnets",
      headroom: blind,
      side: { ...side(null, []), subnets: [] },
      want: [/^None of the cluster's node subnets is in the --azure-from files: .*not judged; add the output of/],
    },
    {
      name: "--azure without the usage: Azure's own reason, no az command",
      headroom: blind,
      side: subnetAs(live(side(null, [])), { note: "its usage was not read (403 AuthorizationFailed)" }),
      want: [
        new RegExp(
          "^Node subnet nodes \\(10\\.0\\.0\\.0/27\\): Azure gave no figures for it " +
            "\\(its usage was not read \\(403 AuthorizationFailed\\)\\): its headroom .* is not judged\\.$",
        ),
      ],
    },
    {
      name: "--azure that found none of the cluster's node subnets",
      headroom: blind,
      side: { ...live(side(null, [])), subnets: [] },
      want: [/^Azure gave none of the cluster's node subnets: node subnet headroom .* is not judged\.$/],
    },
    {
      name: "a judged node subnet beside one without figures: the latter is named (no blind spot)",
      headroom: base,
      side: {
        ...side(4, []),
        subnets: [...side(4, []).subnets, { ...side(null, []).subnets[0]!, id: `${SUBNET}2`, name: "nodes2" }],
      },
      want: [/^Node subnet nodes2 \(10\.0\.0\.0\/27\): the --azure-from files give its size but not its use/],
    },
  ];
  it.each(cases)("$name", ({ headroom, side: s, want }) => {
    const notes = withAzure(headroom, s).notes.filter((n) => !n.startsWith("Pool a:") && !n.startsWith("Azure:"));
    expect(notes).toEqual(want.map((w) => expect.stringMatching(w)));
  });
});

describe("apiServerOf: the API server's network from a cluster's ARM record", () => {
  const API = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/aks-apiserver";
  const vnets = [
    {
      id: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v",
      name: "v",
      subscriptionId: "s",
      resourceGroup: "g",
      location: null,
      addressSpace: ["10.224.0.0/16"],
      peerings: [],
      subnets: [{ id: API.toUpperCase(), name: "aks-apiserver", prefixes: ["10.224.2.0/28"] }],
      subnetCount: null,
    },
  ];
  const cases: { name: string; record: unknown; want: ReturnType<typeof apiServerOf> }[] = [
    { name: "no record", record: undefined, want: null },
    { name: "no apiServerAccessProfile", record: { properties: {} }, want: null },
    {
      name: "authorized ranges only",
      record: { apiServerAccessProfile: { authorizedIpRanges: ["1.2.3.4/32"] } },
      want: null,
    },
    {
      name: "az aks show casing, the subnet found in the VNets read (ids compared without case)",
      record: { apiServerAccessProfile: { enableVnetIntegration: true, subnetId: API, enablePrivateCluster: true } },
      want: {
        vnetIntegration: true,
        subnetId: API,
        subnet: "aks-apiserver",
        prefixes: ["10.224.2.0/28"],
        private: true,
      },
    },
    {
      name: "ARM casing (properties), the subnet's VNet not read",
      record: {
        properties: { apiServerAccessProfile: { enableVnetIntegration: true, subnetId: API.replace("/v/", "/w/") } },
      },
      want: {
        vnetIntegration: true,
        subnetId: API.replace("/v/", "/w/"),
        subnet: "aks-apiserver",
        prefixes: [],
        private: false,
      },
    },
    {
      name: "VNet integration in AKS's own VNet (no subnetId)",
      record: { apiServerAccessProfile: { enableVnetIntegration: true } },
      want: { vnetIntegration: true, subnetId: null, subnet: null, prefixes: [], private: false },
    },
    { name: "a malformed profile", record: { apiServerAccessProfile: [1, 2] }, want: null },
  ];
  it.each(cases)("$name", ({ record, want }) => expect(apiServerOf(record, vnets)).toEqual(want));
});
