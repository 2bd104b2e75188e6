/**
 * The verdicts a report carries (model, dataplane, Cilium, kube-proxy, policy,
 * pod ranges), and the AKS networking lab's five questions answered one by one
 * in its words, each with the command the lab runs. Pure: the snapshot, the
 * model classification and the configured node subnets in.
 */
import { CLUSTER_SIGNALS, type ModelId } from "../../kb/index.js";
import type { Classification } from "./classify.js";
import {
  ciliumRuns,
  dataplaneVerdict,
  kubeProxyRuns,
  podsCommand,
  policyVerdict,
  type DataplaneValue,
  type PolicyValue,
  type YesNo,
} from "./components.js";
import {
  nodePodRanges,
  nodePodRangeVerdict,
  podRangeSeparate,
  type NodePodRange,
  type NodeRangesValue,
  type SeparateValue,
} from "./pod-ranges.js";
import type { ClusterSnapshot } from "./snapshot.js";
import { count, known, notRead, unknown, whyMissing, type Proof, type Verdict } from "./verdict.js";
import { CLASSIFICATION, guardArgs, SNAPSHOT, TEXTS, VERDICTS } from "./guard-args.js";

export interface Verdicts {
  readonly model: Verdict<ModelId>;
  readonly dataplane: Verdict<DataplaneValue>;
  readonly ciliumRuns: Verdict<YesNo>;
  readonly kubeProxyRuns: Verdict<YesNo>;
  readonly networkPolicy: Verdict<PolicyValue>;
  /** Are pod addresses from another range than the node addresses? */
  readonly podRangeSeparate: Verdict<SeparateValue>;
  /** Do the nodes hold pod ranges (`all`, `some`, `none`)? The ranges are in `lab.nodePodCidrs.nodes`. */
  readonly nodePodRanges: Verdict<NodeRangesValue>;
}

/** One lab question: its words, the command the lab runs, and the verdict. */
export type LabAnswer<T extends string> = Verdict<T> & { readonly question: string; readonly command: string };

/** A node annotation key: on how many nodes, and up to three of its values. */
export interface NodeAnnotation {
  readonly key: string;
  readonly nodes: number;
  readonly values: readonly string[];
}

export interface Lab {
  readonly nodeAndPodRanges: LabAnswer<SeparateValue>;
  readonly ciliumRunning: LabAnswer<YesNo>;
  readonly kubeProxyAbsent: LabAnswer<YesNo>;
  readonly networkMonitor: LabAnswer<"found" | "not-found"> & {
    /** The ConfigMap's data (keys cut at 64, values at 1,024 characters), or null. */
    readonly configMap: Readonly<Record<string, string>> | null;
    /** Whether the azure-cni-networkmonitor DaemonSet runs (public recordings show it as one). */
    readonly daemonSet: YesNo | "unknown";
    readonly annotations: readonly NodeAnnotation[];
  };
  readonly nodePodCidrs: LabAnswer<NodeRangesValue> & { readonly nodes: readonly NodePodRange[] };
}

const MODEL_SETTLE =
  "az aks show -g RG -n NAME --query networkProfile (or kubectl get nodes -L " +
  "kubernetes.azure.com/podnetwork-type,kubernetes.azure.com/azure-cni-overlay)";

function modelVerdict(s: ClusterSnapshot, c: Classification): Verdict<ModelId> {
  const proof: Proof[] = c.evidence
    .filter((e) => c.model !== "unknown" && e.models.includes(c.model) && e.weight !== "supporting")
    .flatMap((e) => e.objects.map((object) => ({ object, says: `${e.signal}: ${e.observed}` })));
  if (c.model !== "unknown" && proof.length)
    return known(c.model, proof, c.confidence === "high" ? null : `Confidence ${c.confidence}: see the evidence.`);
  const missing = notRead(s, ["nodes", "nodenetworkconfigs", "daemonsets", "pods"]);
  return unknown({
    missing,
    why:
      c.model === "unknown"
        ? `the signals found do not decide${missing.length ? ` (${whyMissing(s, missing)})` : ""}`
        : `only signals shared by several models point to ` +
          `${c.model}${missing.length ? ` (${whyMissing(s, missing)})` : ""}`,
    settle: MODEL_SETTLE,
  });
}

/** Every verdict of the report. */
export const verdicts = guardArgs(
  "verdicts",
  [SNAPSHOT, CLASSIFICATION, { ...TEXTS, name: "nodeSubnets" }],
  function verdicts(s: ClusterSnapshot, c: Classification, nodeSubnets: readonly string[]): Verdicts {
    const cilium = ciliumRuns(s);
    const kubeProxy = kubeProxyRuns(s);
    // A high-confidence model settles the dataplane when AKS runs it on one only (kubenet: azure).
    const model = c.model !== "unknown" && c.confidence === "high" ? c.model : undefined;
    const dataplane = dataplaneVerdict(s, cilium, kubeProxy, c.model === "byo-cni", model);
    return {
      model: modelVerdict(s, c),
      dataplane,
      ciliumRuns: cilium,
      kubeProxyRuns: kubeProxy,
      networkPolicy: policyVerdict(s, dataplane, c.model === "byo-cni"),
      podRangeSeparate: podRangeSeparate(s, nodeSubnets),
      nodePodRanges: nodePodRangeVerdict(s, c.model, nodePodRanges(s)),
    };
  },
);

/** The node annotations, by key, with how many nodes carry each and a few values. */
function annotations(s: ClusterSnapshot): NodeAnnotation[] {
  const m = new Map<string, { nodes: number; values: Set<string> }>();
  for (const n of s.nodes)
    for (const [k, v] of Object.entries(n.annotations)) {
      let e = m.get(k);
      if (!e) m.set(k, (e = { nodes: 0, values: new Set() }));
      e.nodes++;
      if (e.values.size < 3) e.values.add(v);
    }
  return [...m.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([key, e]) => ({ key, nodes: e.nodes, values: [...e.values] }));
}

function networkMonitor(s: ClusterSnapshot): Lab["networkMonitor"] {
  const { namespace, name } = CLUSTER_SIGNALS.networkMonitor.value;
  const question = `What do the ${name} ConfigMap and the node annotations say?`;
  const command =
    `kubectl get configmap ${name} -n ${namespace} -o yaml; kubectl get nodes -o jsonpath='{range ` +
    `.items[*]}{.metadata.name}{"\\t"}{.metadata.annotations}{"\\n"}{end}'`;
  const cm = s.configMaps.find((x) => x.namespace === namespace && x.name === name);
  const ds = s.daemonSets.find((d) => d.namespace === namespace && d.name === name);
  const daemonSet: YesNo | "unknown" = ds ? "yes" : s.read.includes("daemonsets") ? "no" : "unknown";
  const dsNote =
    daemonSet === "yes"
      ? `A DaemonSet ${namespace}/${name} runs (${count(ds?.desired ?? 0, "pod")} wanted): public recordings show ` +
        `the network monitor as a DaemonSet.`
      : daemonSet === "no"
        ? `No DaemonSet ${namespace}/${name} runs.`
        : "Whether a DaemonSet of that name runs is unknown (DaemonSets not read).";
  const base = { configMap: cm ? cm.data : null, daemonSet, annotations: annotations(s) };
  const keys = cm ? Object.keys(cm.data) : [];
  const verdict: Verdict<"found" | "not-found"> = cm
    ? known(
        "found",
        [{ object: `configmap ${namespace}/${name}`, says: keys.length ? `keys ${keys.join(", ")}` : "no data" }],
        dsNote,
      )
    : s.read.includes("configmaps")
      ? known(
          "not-found",
          [
            {
              object: `configmap ${namespace}/${name}`,
              says: "does not exist (404, or not among the dump's ConfigMaps)",
            },
          ],
          dsNote,
        )
      : unknown(
          {
            missing: ["configmaps"],
            why: `the ConfigMap was not read (${whyMissing(s, ["configmaps"])})`,
            settle: `kubectl get configmap ${name} -n ${namespace} -o yaml`,
          },
          dsNote,
        );
  return { ...verdict, question, command, ...base };
}

/** The lab's five questions, answered in its words. */
export const lab = guardArgs("lab", [SNAPSHOT, VERDICTS], function lab(s: ClusterSnapshot, v: Verdicts): Lab {
  const kp = v.kubeProxyRuns;
  const absent: Verdict<YesNo> = kp.value === "unknown" ? kp : { ...kp, value: kp.value === "yes" ? "no" : "yes" };
  return {
    nodeAndPodRanges: {
      ...v.podRangeSeparate,
      question: "Are the node IPs from the VNet subnet (INTERNAL-IP) and the pod IPs from another range?",
      command: "kubectl get nodes -o wide; kubectl get pods -A -o wide",
    },
    ciliumRunning: {
      ...v.ciliumRuns,
      question: "Is Cilium running (k8s-app=cilium pods in kube-system)?",
      command: podsCommand(CLUSTER_SIGNALS.cilium.value),
    },
    kubeProxyAbsent: {
      ...absent,
      question: "Is kube-proxy absent (component=kube-proxy)?",
      command: podsCommand(CLUSTER_SIGNALS.kubeProxy.value),
    },
    networkMonitor: networkMonitor(s),
    nodePodCidrs: {
      ...v.nodePodRanges,
      question:
        "Which pod CIDR does each node hold (spec.podCIDR: subnets of the overlay pod CIDR, e.g. 10.244.0.0/24)?",
      command: "kubectl get nodes -o custom-columns=NAME:.metadata.name,POD_CIDR:.spec.podCIDR",
      nodes: nodePodRanges(s),
    },
  };
});
