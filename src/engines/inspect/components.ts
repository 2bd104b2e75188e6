/**
 * Which network components run, from pods, DaemonSets and node labels, each
 * answer with the objects that prove it: is Cilium running, is kube-proxy
 * running, which dataplane and which network policy engine. The names and
 * labels come from the knowledge base (CLUSTER_SIGNALS).
 */
import {
  CLUSTER_SIGNALS,
  DATAPLANES,
  MODELS,
  supportsDataplane,
  type ComponentSignal,
  type DataplaneId,
  type ModelId,
} from "../../kb/index.js";
import type { ClusterSnapshot, SnapshotPod } from "./snapshot.js";
import { MAX_PROOF, count, known, notRead, unknown, whyMissing, type Proof, type Verdict } from "./verdict.js";
import { guardArgs, SIGNAL, SNAPSHOT, VERDICT } from "./guard-args.js";

export type YesNo = "yes" | "no";
export type DataplaneValue = "azure" | "cilium";
export type PolicyValue = "none" | "azure" | "calico" | "cilium";

const S = CLUSTER_SIGNALS;

function podLabel(p: SnapshotPod, key: string): string | undefined {
  return key === "k8s-app" ? p.k8sApp : key === "component" ? p.component : undefined;
}

/** `kubectl get pods -n NS -l KEY=VALUE`: the command that settles whether a component runs. */
export function podsCommand(c: ComponentSignal): string {
  return `kubectl get pods -n ${c.namespaces[0]} -l ${c.podLabel[0]}=${c.podLabel[1]}`;
}

/**
 * Whether a component runs: its pods (by the label the lab uses) when pods were read, else its DaemonSet.
 * `no` needs the pod list or the DaemonSet list; with neither, `unknown`.
 */
export const componentRuns = guardArgs(
  "componentRuns",
  [SNAPSHOT, SIGNAL],
  function componentRuns(s: ClusterSnapshot, c: ComponentSignal): Verdict<YesNo> {
    const [key, value] = c.podLabel;
    const label = `${key}=${value}`;
    const pods = s.pods.filter((p) => c.namespaces.includes(p.namespace) && podLabel(p, key) === value);
    const ds = s.daemonSets.filter((d) => c.namespaces.includes(d.namespace) && d.name === c.daemonSet);
    const dsProof: Proof[] = ds.map((d) => ({
      object: `daemonset ${d.namespace}/${d.name}`,
      says: `wants ${count(d.desired, "pod")}`,
    }));
    if (pods.length > 0)
      return known(
        "yes",
        [
          ...pods.slice(0, MAX_PROOF).map((p) => ({
            object: `pod ${p.namespace}/${p.name}`,
            says: `label ${label}, on ${p.node ?? "no node"}`,
          })),
          ...dsProof,
        ],
        null,
        pods.length + dsProof.length,
      );
    const scheduling = ds.filter((d) => d.desired > 0);
    if (scheduling.length > 0)
      return known(
        "yes",
        dsProof,
        s.read.includes("pods")
          ? `No listed pod carries the label ${label} the lab looks for: the DaemonSet's pods are labelled otherwise.`
          : null,
      );
    if (s.read.includes("pods") || s.read.includes("daemonsets")) {
      const looked: Proof[] = [];
      if (s.read.includes("pods"))
        looked.push({
          object:
            `pod list (all namespaces, ` +
            `${count(s.pods.filter((p) => p.phase !== "Succeeded" && p.phase !== "Failed").length, "pod")} not ` +
            `finished)`,
          says: `no pod in ${c.namespaces.join(" or ")} labelled ${label}`,
        });
      if (s.read.includes("daemonsets"))
        looked.push({
          object: `DaemonSet list (all namespaces, ${count(s.daemonSets.length, "DaemonSet")})`,
          says: ds.length
            ? `${c.daemonSet} schedules no pod`
            : `no DaemonSet ${c.daemonSet} in ${c.namespaces.join(" or ")}`,
        });
      return known("no", looked);
    }
    return unknown({
      missing: notRead(s, ["pods", "daemonsets"]),
      why: `neither pods nor DaemonSets were read (${whyMissing(s, ["pods", "daemonsets"])})`,
      settle: podsCommand(c),
    });
  },
);

export const ciliumRuns = guardArgs("ciliumRuns", [SNAPSHOT], function ciliumRuns(s: ClusterSnapshot): Verdict<YesNo> {
  return componentRuns(s, S.cilium.value);
});

export const kubeProxyRuns = guardArgs(
  "kubeProxyRuns",
  [SNAPSHOT],
  function kubeProxyRuns(s: ClusterSnapshot): Verdict<YesNo> {
    return componentRuns(s, S.kubeProxy.value);
  },
);

/** Nodes carrying a label value, as proof. */
function labelled(s: ClusterSnapshot, key: string, value: string): Proof[] {
  return s.nodes
    .filter((n) => n.labels[key] === value)
    .map((n) => ({ object: `node ${n.name}`, says: `label ${key}=${value}` }));
}

const DATAPLANE_SETTLE =
  "kubectl get ds -n kube-system cilium kube-proxy (or az aks show -g RG -n NAME --query " +
  "networkProfile.networkDataplane)";

/** The one dataplane AKS runs a model on (kubenet: azure), or undefined when it offers both. */
export function onlyDataplane(model: ModelId): DataplaneId | undefined {
  const offered = (["azure", "cilium"] as const).filter((d) => supportsDataplane(model, d));
  return offered.length === 1 ? offered[0] : undefined;
}

/**
 * The dataplane: `cilium` when AKS labels nodes with the eBPF dataplane or Cilium runs without kube-proxy;
 * `azure` when kube-proxy runs without Cilium; when the components were not read, the one dataplane AKS runs
 * `model` on (kubenet: azure) if `model` is the high-confidence model; otherwise `unknown`, saying why.
 */
export const dataplaneVerdict = guardArgs(
  "dataplaneVerdict",
  [SNAPSHOT, VERDICT, VERDICT],
  function dataplaneVerdict(
    s: ClusterSnapshot,
    cilium: Verdict<YesNo>,
    kubeProxy: Verdict<YesNo>,
    byoCni: boolean,
    model?: ModelId,
  ): Verdict<DataplaneValue> {
    const ebpf = S.ebpfDataplaneLabel.value;
    const labelProof = labelled(s, ebpf.key, ebpf.value);
    if (byoCni)
      return unknown(
        {
          missing: [],
          why: "the cluster brings its own CNI, so AKS manages no dataplane",
          settle: "az aks show -g RG -n NAME --query networkProfile",
        },
        "Bring your own CNI: whatever runs is yours to name.",
      );
    if (labelProof.length > 0) return known("cilium", [...labelProof, ...cilium.proof]);
    if (cilium.value === "yes" && kubeProxy.value === "no")
      return known("cilium", [...cilium.proof, ...kubeProxy.proof]);
    if (cilium.value === "no" && kubeProxy.value === "yes")
      return known("azure", [...kubeProxy.proof, ...cilium.proof]);
    if (cilium.value === "yes" && kubeProxy.value === "yes")
      return unknown(
        { missing: [], why: "both Cilium and kube-proxy run", settle: DATAPLANE_SETTLE },
        "Both run: a dataplane migration may be in progress, or Cilium is installed beside kube-proxy by hand.",
      );
    if (cilium.value === "no" && kubeProxy.value === "no")
      return unknown(
        { missing: [], why: "neither Cilium nor kube-proxy runs", settle: DATAPLANE_SETTLE },
        "Neither runs: service routing is not one AKS manages.",
      );
    const missing = [...new Set([...(cilium.unknown?.missing ?? []), ...(kubeProxy.unknown?.missing ?? [])])];
    const only = model && cilium.value !== "yes" && kubeProxy.value !== "no" ? onlyDataplane(model) : undefined;
    if (only)
      return known(
        only,
        [
          {
            object: `model ${model}`,
            says: `AKS runs ${MODELS[model!].title} on the ${DATAPLANES[only].title} dataplane only`,
          },
        ],
        `Read from the model: ${whyMissing(s, missing) || "the components could not be told"}.`,
      );
    return unknown({
      missing,
      why:
        `no node carries ${ebpf.key}=${ebpf.value} and ` +
        `${whyMissing(s, missing) || "the components could not be told"}`,
      settle: DATAPLANE_SETTLE,
    });
  },
);

/** DaemonSets (or their pods) of a component, as proof; empty when it does not run. */
function runningProof(s: ClusterSnapshot, c: ComponentSignal): Proof[] {
  const v = componentRuns(s, c);
  return v.value === "yes" ? [...v.proof] : [];
}

/**
 * The network policy engine: `cilium` on the Cilium dataplane, `azure` with Azure NPM, `calico` with
 * calico-node, else what the nodes' network-policy label says, else `none` once DaemonSets or pods were read.
 */
export const policyVerdict = guardArgs(
  "policyVerdict",
  [SNAPSHOT, VERDICT],
  function policyVerdict(s: ClusterSnapshot, dataplane: Verdict<DataplaneValue>, byoCni = false): Verdict<PolicyValue> {
    if (dataplane.value === "cilium")
      return known("cilium", dataplane.proof, "The Cilium dataplane enforces network policy itself.");
    const npm = runningProof(s, S.azureNpm.value);
    if (npm.length > 0) return known("azure", npm);
    const calico = runningProof(s, S.calico.value);
    if (calico.length > 0) return known("calico", calico);
    if (byoCni)
      return unknown(
        {
          missing: [],
          why:
            "the cluster brings its own CNI, which may enforce network policy itself (Cilium does unless told " +
            "not to)",
          settle: "ask the CNI (cilium status, calicoctl get felixconfiguration)",
        },
        "Bring your own CNI: AKS installs no policy engine.",
      );
    const key = S.networkPolicyLabel.value;
    const values = new Set(s.nodes.map((n) => n.labels[key]).filter((v): v is string => v !== undefined));
    const only = [...values][0];
    if (values.size === 1 && only !== undefined && ["none", "azure", "calico", "cilium"].includes(only))
      return known(only as PolicyValue, labelled(s, key, only));
    if (s.read.includes("daemonsets") || s.read.includes("pods"))
      return known("none", [
        {
          object: s.read.includes("daemonsets") ? "DaemonSet list (all namespaces)" : "pod list (all namespaces)",
          says: "no azure-npm, calico-node or cilium",
        },
      ]);
    return unknown({
      missing: notRead(s, ["daemonsets", "pods"]),
      why:
        `neither DaemonSets nor pods were read (${whyMissing(s, ["daemonsets", "pods"])}) and no node carries ` + key,
      settle:
        "kubectl get ds -A | grep -E 'azure-npm|calico-node|cilium' (or az aks show -g RG -n NAME --query " +
        "networkProfile.networkPolicy)",
    });
  },
);
