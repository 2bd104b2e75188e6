/**
 * `ClusterSnapshot`: the plain, compact record of what `inspect` read from a
 * cluster (live or from a dump). Raw Kubernetes objects are reduced to the few
 * fields the networking verdict needs as they arrive, one object at a time, so
 * a 150,000-pod cluster never sits in memory as API objects.
 *
 * Everything after this point (classification, usage, headroom) is a pure
 * function of the snapshot, which is JSON-serialisable and order-independent.
 */

/** A node, reduced to its networking facts. */
export interface SnapshotNode {
  readonly name: string;
  /**
   * The AKS node pool (`kubernetes.azure.com/agentpool` or `agentpool` label; `karpenter.sh/nodepool` for
   * auto-provisioned nodes).
   */
  readonly pool: string | undefined;
  /** `kubernetes.io/os`. */
  readonly os: string | undefined;
  /** Only the `kubernetes.azure.com/*` labels: the AKS networking signals. */
  readonly labels: Readonly<Record<string, string>>;
  /** The node's annotations (at most 32, values cut at 256 characters): what the lab asks them to say. */
  readonly annotations: Readonly<Record<string, string>>;
  /** `status.addresses` of type InternalIP. */
  readonly internalIps: readonly string[];
  /** `spec.podCIDRs` (or `spec.podCIDR`). */
  readonly podCidrs: readonly string[];
  /** `status.allocatable.pods`: the node's max pods. */
  readonly maxPods: number | undefined;
  readonly ready: boolean;
  /**
   * The `NetworkUnavailable` condition's reason (`RouteCreated` is written by the Azure route controller on kubenet).
   */
  readonly networkUnavailableReason: string | undefined;
  readonly kubeletVersion: string | undefined;
  /**
   * A virtual node (ACI through virtual-kubelet, label `type=virtual-kubelet`): no VM, no node subnet
   * address of its own, pods in the ACI subnet. Source: articles/aks/virtual-nodes-cli.md (checked 2026-11-22).
   */
  readonly virtual: boolean;
}

/** A pod, reduced to where it runs, which addresses it holds and the labels that name a network component. */
export interface SnapshotPod {
  readonly namespace: string;
  readonly name: string;
  /** The `k8s-app` label (`cilium` on Cilium agents). */
  readonly k8sApp: string | undefined;
  /** The `component` label (`kube-proxy` on kube-proxy pods). */
  readonly component: string | undefined;
  readonly node: string | undefined;
  readonly ips: readonly string[];
  readonly hostNetwork: boolean;
  /** Pending, Running, Succeeded, Failed or Unknown. Finished pods hold no address. */
  readonly phase: string;
}

export interface SnapshotDaemonSet {
  readonly namespace: string;
  readonly name: string;
  readonly desired: number;
}

/** One network container of a `NodeNetworkConfig` (acn.azure.com/v1alpha). */
export interface SnapshotNetworkContainer {
  /** vnet (pod subnet, dynamic), vnetblock (pod subnet, static) or overlay. */
  readonly type: string | undefined;
  readonly subnetName: string | undefined;
  /** The pod subnet (vnet, vnetblock) or the cluster pod CIDR (overlay). */
  readonly subnetAddressSpace: string | undefined;
  /** The node's primary address or block in this container. */
  readonly primaryIp: string | undefined;
  /** Number of `ipAssignments`: addresses handed to the node. */
  readonly assignedIps: number;
}

export interface SnapshotNodeNetworkConfig {
  /** The NNC is named after its node. */
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly requestedIpCount: number | undefined;
  readonly assignedIpCount: number | undefined;
  readonly containers: readonly SnapshotNetworkContainer[];
}

/**
 * A ConfigMap inspect reads (only `kube-system/azure-cni-networkmonitor`), its data cut to 64 keys of 1,024 characters.
 */
export interface SnapshotConfigMap {
  readonly namespace: string;
  readonly name: string;
  readonly data: Readonly<Record<string, string>>;
}

/** What inspect reads; `configmaps` is the one ConfigMap `kube-system/azure-cni-networkmonitor`. */
export type ResourceKind = "nodes" | "pods" | "daemonsets" | "nodenetworkconfigs" | "configmaps";

/** Every resource kind, in the order they are read and reported. */
export const RESOURCE_KINDS: readonly ResourceKind[] = [
  "nodes",
  "pods",
  "daemonsets",
  "nodenetworkconfigs",
  "configmaps",
];

/**
 * Why a resource could not be read. `absent`: the API does not serve the resource (NodeNetworkConfig CRD not
 * installed); `not-in-dump`: the offline dump holds none; `unreadable`: items of the resource were
 * there but without the fields every object has (a `metadata` object with a `name`), so they were
 * left out; `refused`: aksnet refused the answer (a redirect, an
 * answer too large, a list of the wrong kind, a continue token repeated).
 */
export type ReadProblemKind =
  | "forbidden"
  | "unauthorized"
  | "timeout"
  | "unreachable"
  | "absent"
  | "not-in-dump"
  | "refused"
  | "unreadable"
  | "error";

export interface ReadProblem {
  readonly resource: ResourceKind;
  readonly kind: ReadProblemKind;
  /** One sentence for the user: what failed and what it means. */
  readonly detail: string;
}

export interface ClusterSnapshot {
  readonly nodes: readonly SnapshotNode[];
  readonly pods: readonly SnapshotPod[];
  readonly daemonSets: readonly SnapshotDaemonSet[];
  readonly nodeNetworkConfigs: readonly SnapshotNodeNetworkConfig[];
  /** The ConfigMaps read (only `kube-system/azure-cni-networkmonitor`, when it exists). */
  readonly configMaps: readonly SnapshotConfigMap[];
  /** Resources that were read (a list that failed is absent here and present in `problems`). */
  readonly read: readonly ResourceKind[];
  readonly problems: readonly ReadProblem[];
}
