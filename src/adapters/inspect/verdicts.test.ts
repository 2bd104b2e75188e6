import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inspectReport, type ClusterSnapshot } from "../../engines/inspect/index.js";
import { readDumps } from "./dump.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const load = (name: string) => readDumps([join(FIXTURES, `${name}.json`)]);

/** The headline verdict and every caveat and verdict note, as one value to compare. */
function judge(s: ClusterSnapshot) {
  const r = inspectReport(s, { kind: "dump", files: [] });
  const notes = Object.values(r.verdicts).flatMap((v) => (v.note ? [v.note] : []));
  return { ...r.verdict, caveats: [...r.verdict.caveats, ...notes] };
}

/** The snapshot with some parts changed: a recorded cluster seen through a different lens. */
function edit(s: ClusterSnapshot, change: Partial<ClusterSnapshot>): ClusterSnapshot {
  return { ...s, ...change };
}

const perModel = [
  {
    name: "kubenet (real nodes)",
    fixture: "kubenet",
    model: "kubenet",
    dataplane: "azure",
    policy: "none",
    confidence: "high",
  },
  {
    name: "Overlay",
    fixture: "overlay",
    model: "azure-cni-overlay",
    dataplane: "azure",
    policy: "none",
    confidence: "high",
  },
  {
    name: "Overlay with Cilium",
    fixture: "overlay-cilium",
    model: "azure-cni-overlay",
    dataplane: "cilium",
    policy: "cilium",
    confidence: "high",
  },
  {
    name: "node subnet",
    fixture: "node-subnet",
    model: "azure-cni-node-subnet",
    dataplane: "azure",
    policy: "none",
    confidence: "medium",
  },
  {
    name: "pod subnet dynamic",
    fixture: "pod-subnet-dynamic",
    model: "azure-cni-pod-subnet-dynamic",
    dataplane: "azure",
    policy: "none",
    confidence: "high",
  },
  {
    name: "pod subnet static",
    fixture: "pod-subnet-static",
    model: "azure-cni-pod-subnet-static",
    dataplane: "azure",
    policy: "none",
    confidence: "high",
  },
  {
    name: "bring your own CNI",
    fixture: "byo-cni",
    model: "byo-cni",
    dataplane: "unknown",
    policy: "unknown",
    confidence: "medium",
  },
] as const;

describe("model, dataplane and policy per model", () => {
  it.each(perModel)(
    "$name → $model / $dataplane / $policy ($confidence)",
    async ({ fixture, model, dataplane, policy, confidence }) => {
      const v = judge(await load(fixture));
      expect({ model: v.model, dataplane: v.dataplane, policy: v.policy, confidence: v.confidence }).toEqual({
        model,
        dataplane,
        policy,
        confidence,
      });
      expect(v.evidence.length).toBeGreaterThan(0);
    },
  );
});

const variants: {
  name: string;
  fixture: string;
  change: (s: ClusterSnapshot) => Partial<ClusterSnapshot>;
  expect: Partial<ReturnType<typeof judge>>;
  caveat?: RegExp;
}[] = [
  {
    name: "Overlay nodes without spec.podCIDR are still Overlay",
    fixture: "overlay",
    change: (s) => ({ nodes: s.nodes.map((n) => ({ ...n, podCidrs: [] })) }),
    expect: { model: "azure-cni-overlay", confidence: "high" },
  },
  {
    name: "Overlay without its node labels: the NNC alone decides",
    fixture: "overlay",
    change: (s) => ({ nodes: s.nodes.map((n) => ({ ...n, labels: {} })) }),
    expect: { model: "azure-cni-overlay", confidence: "high" },
  },
  {
    name: "Overlay with DaemonSets unreadable: the kube-proxy pods still tell the dataplane",
    fixture: "overlay",
    change: (s) => ({ daemonSets: [], read: s.read.filter((r) => r !== "daemonsets") }),
    expect: { model: "azure-cni-overlay", dataplane: "azure", policy: "none" },
    caveat: /DaemonSets could not be read/,
  },
  {
    name: "Overlay with DaemonSets and pods unreadable: dataplane and policy unknown, never guessed",
    fixture: "overlay",
    change: (s) => ({ daemonSets: [], pods: [], read: s.read.filter((r) => r !== "daemonsets" && r !== "pods") }),
    expect: { model: "azure-cni-overlay", dataplane: "unknown", policy: "unknown" },
  },
  {
    name: "kubenet with the NNC CRD absent (live 404) stays kubenet",
    fixture: "kubenet",
    change: (s) => ({
      problems: [{ resource: "nodenetworkconfigs", kind: "absent", detail: "CRD not installed" }],
      read: s.read,
    }),
    expect: { model: "kubenet", confidence: "high" },
  },
  {
    name: "kubenet nodes with an Overlay marker on one node: mixed markers lower confidence",
    fixture: "kubenet",
    change: (s) => ({
      nodes: s.nodes.map((n, i) =>
        i === 0 ? { ...n, labels: { ...n.labels, "kubernetes.azure.com/azure-cni-overlay": "true" } } : n,
      ),
    }),
    expect: { confidence: "low" },
    caveat: /does not fit/,
  },
  {
    name: "Cilium and kube-proxy together: a migration or a self-managed Cilium",
    fixture: "overlay",
    change: (s) => ({ daemonSets: [...s.daemonSets, { namespace: "kube-system", name: "cilium", desired: 3 }] }),
    expect: { model: "azure-cni-overlay", dataplane: "unknown" },
    caveat: /a dataplane migration may be in progress/,
  },
  {
    name: "Azure NPM DaemonSet → azure policy",
    fixture: "node-subnet",
    change: (s) => ({ daemonSets: [...s.daemonSets, { namespace: "kube-system", name: "azure-npm", desired: 3 }] }),
    expect: { model: "azure-cni-node-subnet", policy: "azure" },
  },
  {
    name: "Calico in calico-system → calico policy",
    fixture: "kubenet",
    change: (s) => ({ daemonSets: [...s.daemonSets, { namespace: "calico-system", name: "calico-node", desired: 3 }] }),
    expect: { model: "kubenet", policy: "calico" },
  },
  {
    name: "NodeNetworkConfigs drawing from the node's own subnet (CNS on node subnet) read as node subnet",
    fixture: "node-subnet",
    change: (s) => ({
      nodeNetworkConfigs: s.nodes.map((n) => ({
        name: n.name,
        labels: {},
        requestedIpCount: 32,
        assignedIpCount: 32,
        containers: [
          {
            type: "vnet",
            subnetName: "aks-subnet",
            subnetAddressSpace: "10.224.0.0/16",
            primaryIp: n.internalIps[0],
            assignedIps: 32,
          },
        ],
      })),
      daemonSets: [...s.daemonSets, { namespace: "kube-system", name: "azure-cns", desired: 3 }],
    }),
    expect: { model: "azure-cni-node-subnet", confidence: "high" },
  },
  {
    name: "no nodes at all → unknown, low",
    fixture: "overlay",
    change: () => ({ nodes: [], pods: [], daemonSets: [], nodeNetworkConfigs: [] }),
    expect: { model: "unknown", confidence: "low" },
  },
  {
    name: "node subnet from 1.32 with azure-cns still reads node subnet and says why",
    fixture: "node-subnet",
    change: (s) => ({ daemonSets: [...s.daemonSets, { namespace: "kube-system", name: "azure-cns", desired: 3 }] }),
    expect: { model: "azure-cni-node-subnet" },
    caveat: /Kubernetes 1\.32/,
  },
];

describe("verdicts on edited snapshots", () => {
  it.each(variants)("$name", async ({ fixture, change, expect: want, caveat }) => {
    const s = await load(fixture);
    const v = judge(edit(s, change(s)));
    expect(v).toMatchObject(want);
    if (caveat) expect(v.caveats.join("\n")).toMatch(caveat);
  });
});
