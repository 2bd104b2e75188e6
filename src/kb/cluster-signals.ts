/**
 * What a running AKS cluster shows about its network: the node labels, node
 * conditions, NodeNetworkConfig types, DaemonSets, pod labels and ConfigMap
 * that `aksnet inspect` reads, with the models or components each one marks.
 * Recorded clusters are cited by repository, path and commit.
 */
import type { ModelId } from "./ids.js";
import { aksDoc, aksRelease, page, repoFile, sourced } from "./source.js";

const C = { checked: "2026-12-06" } as const;

const LABELS_GO = repoFile(
  "Azure/karpenter-provider-azure:pkg/providers/labels/labels.go",
  "the kubernetes.azure.com/* node labels AKS writes",
);
const NNC_GO = repoFile(
  "Azure/azure-container-networking:crd/nodenetworkconfig/api/v1alpha/nodenetworkconfig.go",
  "NetworkContainer type: vnet, vnetblock, overlay",
);
/** `kubectl describe node` of an AKS Azure CNI Overlay node, Kubernetes 1.32.7, October 2025. */
const RECORDED_OVERLAY_2025 = page(
  "https://github.com/RamyMaarouf/CST8915/blob/869a6f62a02304edfda66997d0f46fac89febda3/Lab_6/testTested%20the%20kubectl%20commands.txt",
  "recorded kubectl describe node of an Overlay node (AKS 1.32.7): labels azure-cni-overlay=true and " +
    "podnetwork-type=overlay, no PodCIDR line, kube-proxy and azure-cns pods",
);
/** kubectl prints the PodCIDR line only when spec.podCIDR is set. */
const KUBECTL_DESCRIBE = repoFile(
  "kubernetes/kubectl:pkg/describe/describe.go",
  "describeNode writes PodCIDR only if len(node.Spec.PodCIDR) > 0",
);
const RECORDED_KUBENET_2021 = repoFile(
  "edgexr/edge-cloud-platform:pkg/k8smgmt/cluster_test.go@eb39b06e",
  "recorded AKS kubenet node list: spec.podCIDR 10.244.x.0/24 and NetworkUnavailable=False reason RouteCreated",
);

/** A node label and the value that marks something. */
export interface LabelSignal {
  readonly key: string;
  readonly value: string;
}

/** A component that runs as a DaemonSet, with the label its pods carry. */
export interface ComponentSignal {
  /** Namespaces the DaemonSet may live in, the usual one first. */
  readonly namespaces: readonly string[];
  readonly daemonSet: string;
  /** The pod label a `kubectl get pods -l` uses to find its pods, as `[key, value]`. */
  readonly podLabel: readonly [string, string];
}

export const CLUSTER_SIGNALS = {
  /** Written on every Azure CNI Overlay node. */
  overlayLabel: sourced<LabelSignal>(
    { key: "kubernetes.azure.com/azure-cni-overlay", value: "true" },
    [LABELS_GO, RECORDED_OVERLAY_2025],
    C,
  ),
  /** The pod network type of a node: which model hands out its pods' addresses. */
  podNetworkTypeLabel: sourced<{ readonly key: string; readonly models: Readonly<Record<string, ModelId>> }>(
    {
      key: "kubernetes.azure.com/podnetwork-type",
      models: {
        overlay: "azure-cni-overlay",
        vnet: "azure-cni-pod-subnet-dynamic",
        vnetblock: "azure-cni-pod-subnet-static",
      },
    },
    [LABELS_GO, RECORDED_OVERLAY_2025],
    C,
  ),
  /** Written on nodes of the Cilium (eBPF) dataplane. */
  ebpfDataplaneLabel: sourced<LabelSignal>(
    { key: "kubernetes.azure.com/ebpf-dataplane", value: "cilium" },
    [LABELS_GO, repoFile("VijayRod/demo:container-storage/logs/k8s-scale-app_karpenter(NAP).md", "recorded labels")],
    C,
  ),
  /** The network policy engine of a node's cluster. */
  networkPolicyLabel: sourced("kubernetes.azure.com/network-policy", LABELS_GO, C),
  /** NodeNetworkConfig network container types and the models they belong to. */
  nncContainerTypes: sourced<Readonly<Record<string, ModelId>>>(
    { overlay: "azure-cni-overlay", vnet: "azure-cni-pod-subnet-dynamic", vnetblock: "azure-cni-pod-subnet-static" },
    NNC_GO,
    C,
  ),
  /** Where NodeNetworkConfigs are served. */
  nodeNetworkConfig: sourced(
    { group: "acn.azure.com", version: "v1alpha", plural: "nodenetworkconfigs", namespace: "kube-system" },
    repoFile("Azure/azure-container-networking:crd/nodenetworkconfig"),
    C,
  ),
  /**
   * Whether Overlay nodes carry `spec.podCIDR`: recorded Overlay nodes do not (kubectl describe prints no PodCIDR
   * line for them); each node's /24 is the `primaryIP` of its NodeNetworkConfig's overlay container instead.
   */
  overlayNodesHavePodCidr: sourced(
    false,
    [
      RECORDED_OVERLAY_2025,
      repoFile(
        "csirkepaprikas/m06_sparkbasics_python_azure:README.md",
        "a second recorded kubectl describe node of an Overlay node (AKS 1.30.7, February 2025): no PodCIDR line",
      ),
      KUBECTL_DESCRIBE,
      repoFile(
        "VijayRod/demo:container-storage/logs/k8s-cni-azure_overlay.md",
        "recorded kubectl get nnc: NC TYPE overlay, SUBNET CIDR 192.168.0.0/16, 256 allocated IPs a node",
      ),
    ],
    {
      ...C,
      derived:
        "no Microsoft page states it either way; two recorded Overlay nodes (2025) show no spec.podCIDR while " +
        "recorded kubenet nodes do, so inspect uses spec.podCIDR when present and the NodeNetworkConfig otherwise",
    },
  ),
  /** The node condition the Azure route controller writes on kubenet nodes. */
  kubenetRouteCondition: sourced(
    { type: "NetworkUnavailable", status: "False", reason: "RouteCreated" },
    RECORDED_KUBENET_2021,
    C,
  ),
  /** The Cilium agent (Azure CNI Powered by Cilium, or a self-managed Cilium). */
  cilium: sourced<ComponentSignal>(
    { namespaces: ["kube-system"], daemonSet: "cilium", podLabel: ["k8s-app", "cilium"] },
    [
      aksDoc("azure-cni-powered-by-cilium", "Cilium replaces kube-proxy"),
      repoFile("cilium/cilium:install/kubernetes/cilium/templates/cilium-agent/daemonset.yaml", "k8s-app: cilium"),
    ],
    C,
  ),
  /** kube-proxy: absent on the Cilium dataplane. */
  kubeProxy: sourced<ComponentSignal>(
    { namespaces: ["kube-system"], daemonSet: "kube-proxy", podLabel: ["component", "kube-proxy"] },
    [aksDoc("azure-cni-powered-by-cilium", "no kube-proxy with the Cilium dataplane"), RECORDED_OVERLAY_2025],
    C,
  ),
  /** The Azure Container Networking Service: manages pod addresses for Overlay and pod subnet models. */
  azureCns: sourced<ComponentSignal>(
    { namespaces: ["kube-system"], daemonSet: "azure-cns", podLabel: ["k8s-app", "azure-cns"] },
    [repoFile("Azure/azure-container-networking:cns/azure-cns.yaml"), RECORDED_OVERLAY_2025],
    C,
  ),
  /** The models whose pod addresses CNS manages (on node subnet only from Kubernetes 1.32, `cnsOnNodeSubnetFrom`). */
  cnsModels: sourced<readonly ModelId[]>(
    ["azure-cni-overlay", "azure-cni-pod-subnet-dynamic", "azure-cni-pod-subnet-static", "azure-cni-node-subnet"],
    [
      repoFile("Azure/azure-container-networking:cns/azure-cns.yaml"),
      aksDoc("concepts-network-azure-cni-overlay"),
      aksDoc("configure-azure-cni-dynamic-ip-allocation"),
      aksRelease("2025-03-16", "node subnet clusters run azure-cns from Kubernetes 1.32"),
    ],
    C,
  ),
  /** azure-cns also runs on node subnet clusters from this Kubernetes version. */
  cnsOnNodeSubnetFrom: sourced("1.32", aksRelease("2025-03-16"), C),
  /** Azure Network Policy Manager. */
  azureNpm: sourced<ComponentSignal>(
    { namespaces: ["kube-system"], daemonSet: "azure-npm", podLabel: ["k8s-app", "azure-npm"] },
    repoFile("Azure/azure-container-networking:npm/azure-npm.yaml"),
    C,
  ),
  /** Calico, installed by AKS into calico-system (older clusters: kube-system). */
  calico: sourced<ComponentSignal>(
    { namespaces: ["calico-system", "kube-system"], daemonSet: "calico-node", podLabel: ["k8s-app", "calico-node"] },
    aksRelease("2023-09-10"),
    C,
  ),
  /**
   * The Azure CNI network monitor. Public recordings show it as a DaemonSet (pods labelled
   * `component=azure-cni-networkmonitor`); the lab asks for a ConfigMap of the same name, which no public recording
   * shows: inspect reads both and reports what it finds.
   */
  networkMonitor: sourced(
    { namespace: "kube-system", name: "azure-cni-networkmonitor" },
    [
      repoFile("Azure/aks-engine:parts/k8s/addons/azure-cni-networkmonitor.yaml", "a DaemonSet in kube-system"),
      page(
        "https://github.com/Azure/azure-container-networking/issues/893",
        "an AKS pod of it, labels component=azure-cni-networkmonitor",
      ),
    ],
    C,
  ),
  /** Virtual nodes (ACI through virtual-kubelet): no VM, pods in the ACI subnet. */
  virtualNodeLabel: sourced<LabelSignal>({ key: "type", value: "virtual-kubelet" }, aksDoc("virtual-nodes-cli"), C),
  /**
   * A node's pool mode: `kubernetes.azure.com/mode` is `system` or `user` (AKS writes it on every node), and
   * `gateway` on the nodes of a static egress gateway pool (`mode: Gateway`), which run no workloads.
   */
  poolModeLabel: sourced(
    { key: "kubernetes.azure.com/mode", system: "system", user: "user", gateway: "gateway" } as const,
    [
      aksDoc("use-system-pools", "AKS assigns kubernetes.azure.com/mode: system to a system pool's nodes"),
      aksDoc("use-labels", "kubernetes.azure.com/mode: User or system"),
      repoFile(
        "Azure/kube-egress-gateway:pkg/consts/const.go",
        'AKSNodepoolModeLabel = "kubernetes.azure.com/mode", AKSNodepoolModeValue = "gateway" (gateway nodepool ' +
          "mode label value in AKS clusters)",
      ),
    ],
    {
      checked: "2026-12-07",
      derived:
        "the AKS pages list only system and user; gateway is the value AKS's own egress gateway component " +
        "selects gateway nodes by (Azure/kube-egress-gateway), read case-insensitively",
    },
  ),
} as const;
