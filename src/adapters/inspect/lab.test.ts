/**
 * Issue 18: the lab's five questions answered per model, from every fixture (recorded where a recording
 * exists, see fixtures/SOURCES.md), and the laws every verdict keeps: a value comes with the objects that
 * prove it; `unknown` names what was missing and the command that settles it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inspectReport, type InspectReport, type Verdict } from "../../engines/inspect/index.js";
import { readDumps } from "./dump.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const tmp = mkdtempSync(join(tmpdir(), "aksnet-lab-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function report(...files: string[]): Promise<InspectReport> {
  return inspectReport(await readDumps(files.map((f) => (f.startsWith("/") ? f : join(FIXTURES, f)))), {
    kind: "dump",
    files,
  });
}

/** A copy of a fixture with only some kinds of objects: a dump made with fewer `kubectl get` calls. */
function only(fixture: string, kinds: readonly string[]): string {
  const list = JSON.parse(readFileSync(join(FIXTURES, fixture), "utf8")) as { items: { kind: string }[] };
  const path = join(tmp, `${fixture}-${kinds.join("-")}.json`);
  writeFileSync(path, JSON.stringify({ ...list, items: list.items.filter((i) => kinds.includes(i.kind)) }));
  return path;
}

type Answers = [ranges: string, cilium: string, kubeProxyAbsent: string, monitor: string, nodeCidrs: string];

const perModel: { name: string; files: string[]; answers: Answers; cidrsFrom?: string }[] = [
  {
    name: "kubenet (recorded nodes)",
    files: ["kubenet.json"],
    answers: ["yes", "no", "no", "not-found", "all"],
    cidrsFrom: "spec.podCIDR",
  },
  {
    name: "Overlay",
    files: ["overlay.json"],
    answers: ["yes", "no", "no", "not-found", "all"],
    cidrsFrom: "NodeNetworkConfig",
  },
  {
    name: "Overlay with Cilium",
    files: ["overlay-cilium.json"],
    answers: ["yes", "yes", "yes", "not-found", "all"],
    cidrsFrom: "NodeNetworkConfig",
  },
  {
    name: "Overlay, recorded node (AKS 1.32.7) without NodeNetworkConfigs",
    files: ["recorded-overlay-node-2025.json"],
    answers: ["yes", "no", "no", "unknown", "unknown"],
  },
  {
    name: "Overlay with Cilium, recorded node labels and recorded NodeNetworkConfig",
    files: ["nap-overlay-cilium-node.json", "nnc-recorded-overlay.json"],
    // Two recordings of different clusters: no NodeNetworkConfig names the recorded node.
    answers: ["unknown", "unknown", "unknown", "unknown", "none"],
  },
  { name: "node subnet", files: ["node-subnet.json"], answers: ["no", "no", "no", "not-found", "none"] },
  {
    name: "pod subnet, dynamic",
    files: ["pod-subnet-dynamic.json"],
    answers: ["yes", "no", "no", "not-found", "none"],
  },
  {
    name: "pod subnet, dynamic, recorded NodeNetworkConfig only",
    files: ["nnc-recorded-pod-subnet.json"],
    answers: ["unknown", "unknown", "unknown", "unknown", "unknown"],
  },
  { name: "pod subnet, static", files: ["pod-subnet-static.json"], answers: ["yes", "no", "no", "not-found", "none"] },
  {
    name: "bring your own CNI",
    files: ["byo-cni.json"],
    answers: ["yes", "yes", "yes", "not-found", "all"],
    cidrsFrom: "spec.podCIDR",
  },
  {
    name: "a network monitor ConfigMap (synthetic: no public recording shows one)",
    files: ["overlay.json", "network-monitor-configmap.json"],
    answers: ["yes", "no", "no", "found", "all"],
  },
];

function answers(r: InspectReport): Answers {
  const l = r.lab;
  return [
    l.nodeAndPodRanges.value,
    l.ciliumRunning.value,
    l.kubeProxyAbsent.value,
    l.networkMonitor.value,
    l.nodePodCidrs.value,
  ];
}

describe("the lab's questions, per model", () => {
  it.each(perModel)("$name → $answers", async ({ files, answers: want, cidrsFrom }) => {
    const r = await report(...files);
    expect(answers(r)).toEqual(want);
    if (cidrsFrom) expect(new Set(r.lab.nodePodCidrs.nodes.map((n) => n.from))).toEqual(new Set([cidrsFrom]));
  });

  it("asks each question in the lab's words, with the lab's command", async () => {
    const l = (await report("overlay-cilium.json")).lab;
    expect([l.ciliumRunning.question, l.ciliumRunning.command]).toEqual([
      "Is Cilium running (k8s-app=cilium pods in kube-system)?",
      "kubectl get pods -n kube-system -l k8s-app=cilium",
    ]);
    expect([l.kubeProxyAbsent.question, l.kubeProxyAbsent.command]).toEqual([
      "Is kube-proxy absent (component=kube-proxy)?",
      "kubectl get pods -n kube-system -l component=kube-proxy",
    ]);
    expect(l.ciliumRunning.proof[0]).toEqual({
      object: "pod kube-system/cilium-00000",
      says: "label k8s-app=cilium, on aks-system-12345678-vmss000000",
    });
  });

  it("reads an Overlay node's /24 from its NodeNetworkConfig (192.168.1.0/24), not from spec.podCIDR", async () => {
    // The recorded NodeNetworkConfig's node, as a minimal Node object (its own recording was not published).
    const node = join(tmp, "nnc-node.json");
    writeFileSync(
      node,
      JSON.stringify({
        kind: "List",
        items: [
          {
            kind: "Node",
            metadata: { name: "aks-nodepool1-17143216-vmss000000", labels: {} },
            status: { addresses: [{ type: "InternalIP", address: "10.224.0.4" }] },
          },
        ],
      }),
    );
    const r = await report(node, "nnc-recorded-overlay.json");
    expect(r.lab.nodePodCidrs).toMatchObject({
      value: "all",
      nodes: [{ node: "aks-nodepool1-17143216-vmss000000", podCidrs: ["192.168.1.0/24"], from: "NodeNetworkConfig" }],
    });
    expect(r.verdicts.model.value).toBe("azure-cni-overlay");
  });

  it("says what the ConfigMap and the node annotations hold", async () => {
    const m = (await report("overlay.json", "network-monitor-configmap.json")).lab.networkMonitor;
    expect(m.configMap).toEqual({ "monitor.conf": "interval=30s" });
    expect(m.daemonSet).toBe("no");
    expect(m.annotations.map((a) => [a.key, a.nodes])).toEqual([
      ["alpha.kubernetes.io/provided-node-ip", 3],
      ["node.alpha.kubernetes.io/ttl", 3],
      ["volumes.kubernetes.io/controller-managed-attach-detach", 3],
    ]);
  });
});

describe("a dump of the recorded kubenet node list alone (the case issue 18 was filed on)", () => {
  it("answers what nodes prove and leaves the rest unknown with the command that settles it", async () => {
    const r = await report("kubenet-nodelist.json");
    expect(r.verdicts.model.value).toBe("kubenet");
    // Without pods or DaemonSets the dataplane is read from the model: AKS runs kubenet on the Azure dataplane only.
    expect(r.verdicts.dataplane).toMatchObject({
      value: "azure",
      proof: [{ object: "model kubenet", says: "AKS runs kubenet on the Azure (iptables) dataplane only" }],
      note: "Read from the model: pods not in the dump, daemonsets not in the dump.",
    });
    expect(answers(r)).toEqual(["unknown", "unknown", "unknown", "unknown", "all"]);
    expect(r.lab.kubeProxyAbsent.unknown).toMatchObject({
      missing: ["pods", "daemonsets"],
      settle: "kubectl get pods -n kube-system -l component=kube-proxy",
    });
    expect(r.lab.nodeAndPodRanges.unknown).toMatchObject({ missing: ["pods"] });
  });

  it("with DaemonSets but no pods: kube-proxy's DaemonSet answers the lab's kube-proxy question", async () => {
    const r = await report(only("kubenet.json", ["Node", "DaemonSet"]));
    expect(r.lab.kubeProxyAbsent).toMatchObject({
      value: "no",
      proof: [{ object: "daemonset kube-system/kube-proxy", says: "wants 3 pods" }],
    });
    expect(r.verdict.dataplane).toBe("azure");
  });
});

describe("the dataplane read from the model when the components were not read", () => {
  it.each([
    { name: "kubenet (high confidence): azure, its only dataplane", fixture: "kubenet-nodelist.json", want: "azure" },
    {
      name: "Overlay (both dataplanes offered): unknown without pods or DaemonSets",
      fixture: only("overlay.json", ["Node", "NodeNetworkConfig"]),
      want: "unknown",
    },
    {
      name: "kubenet with kube-proxy read: azure from the DaemonSet, not the model",
      fixture: only("kubenet.json", ["Node", "DaemonSet"]),
      want: "azure",
      proof: "daemonset kube-system/kube-proxy",
    },
  ])("$name", async ({ fixture, want, proof }) => {
    const r = await report(fixture);
    expect(r.verdict.dataplane).toBe(want);
    if (proof) expect(r.verdicts.dataplane.proof[0]?.object).toBe(proof);
  });
});

describe("laws of every verdict, on every fixture", () => {
  const all = [...perModel.map((c) => c.files), ["kubenet-nodelist.json"], [only("overlay.json", ["Pod"])]];
  it.each(all.map((files) => ({ files })))("$files", async ({ files }) => {
    const r = await report(...files);
    const verdicts: [string, Verdict<string>][] = [...Object.entries(r.verdicts), ...Object.entries(r.lab)];
    for (const [name, v] of verdicts) {
      if (v.value === "unknown") {
        expect(v.unknown, name).not.toBeNull();
        expect(v.unknown?.settle, name).toMatch(/kubectl|az aks|cilium status/);
        expect(v.proof, name).toEqual([]);
      } else {
        expect(v.unknown, name).toBeNull();
        expect(v.proof.length, name).toBeGreaterThan(0);
        expect(v.proofTotal, name).toBeGreaterThanOrEqual(v.proof.length);
      }
    }
    expect(r.verdict.dataplane).toBe(r.verdicts.dataplane.value);
    expect(r.verdict.policy).toBe(r.verdicts.networkPolicy.value);
  });
});
