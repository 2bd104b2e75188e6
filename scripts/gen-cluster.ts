/**
 * Writes a synthetic AKS cluster dump in the shape of
 * `kubectl get nodes,pods,daemonsets -A -o json` (plus NodeNetworkConfigs in
 * the same List for the CNS-managed models), deterministic for a seed.
 *
 *   npx tsx scripts/gen-cluster.ts --model azure-cni-overlay --nodes 5000 --pods 150000 --out /tmp/big.json
 *
 * Shapes follow recorded data: node labels from Azure/karpenter-provider-azure:
 * pkg/providers/labels/labels.go and recorded Overlay nodes (no spec.podCIDR on Overlay:
 * kb CLUSTER_SIGNALS.overlayNodesHavePodCidr), node annotations as recorded on AKS nodes,
 * NodeNetworkConfig fields from
 * Azure/azure-container-networking:crd/nodenetworkconfig/api/v1alpha/nodenetworkconfig.go,
 * kubenet node conditions from a recorded AKS kubenet node list (edgexr/edge-cloud-platform).
 * The host-network agent on each node is kube-proxy (label component=kube-proxy) or, on the
 * Cilium dataplane, the Cilium agent (label k8s-app=cilium). Everything else (names,
 * addresses, pod bodies) is synthesised.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { prng as rng } from "../src/ip/testing/random-text.js";

export type GenModel =
  | "kubenet"
  | "azure-cni-node-subnet"
  | "azure-cni-pod-subnet-dynamic"
  | "azure-cni-pod-subnet-static"
  | "azure-cni-overlay"
  | "byo-cni";

export interface GenOptions {
  readonly model: GenModel;
  readonly nodes: number;
  readonly pods: number;
  readonly dataplane: "azure" | "cilium";
  readonly maxPods: number;
  readonly seed: number;
  readonly pools: number;
  readonly kubernetesVersion: string;
}

const ip4 = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
const NODE_BASE = (10 << 24) | (224 << 16); // 10.224.0.0/12 managed VNet, aks-subnet 10.224.0.0/16
/** The pod CIDR: the 10.244.0.0/16 default while 256 nodes fit, else a big enough block from 10.64.0.0/10. */
function podCidr(o: GenOptions): { base: number; bits: number } {
  if (o.nodes <= 256) return { base: (10 << 24) | (244 << 16), bits: 16 };
  return { base: (10 << 24) | (64 << 16), bits: 24 - Math.ceil(Math.log2(o.nodes)) };
}
const POD_SUBNET_BASE = (10 << 24) | (240 << 16); // pod subnet 10.240.0.0/14

interface Layout {
  nodeIp(i: number): number;
  podRange(i: number): string | undefined;
  podIp(node: number, k: number): number;
}

function layout(o: GenOptions): Layout {
  const stride = o.maxPods + 1;
  switch (o.model) {
    case "azure-cni-node-subnet":
      // Each node takes its address and maxPods more, in order, from the node subnet.
      return {
        nodeIp: (i) => NODE_BASE + 4 + i * stride,
        podRange: () => undefined,
        podIp: (n, k) => NODE_BASE + 4 + n * stride + 1 + k,
      };
    case "azure-cni-pod-subnet-dynamic":
    case "azure-cni-pod-subnet-static": {
      const per = 16 * Math.ceil((o.maxPods + 1) / 16);
      return {
        nodeIp: (i) => NODE_BASE + 4 + i,
        podRange: () => undefined,
        podIp: (n, k) => POD_SUBNET_BASE + 4 + n * per + 1 + k,
      };
    }
    default: {
      const POD_CIDR_BASE = podCidr(o).base;
      return {
        nodeIp: (i) => NODE_BASE + 4 + i,
        podRange: (i) => `${ip4(POD_CIDR_BASE + i * 256)}/24`,
        podIp: (n, k) => POD_CIDR_BASE + n * 256 + 2 + k,
      };
    }
  }
}

function poolOf(i: number, o: GenOptions): string {
  return i % o.pools === 0 ? "system" : `user${i % o.pools}`;
}

function nodeName(i: number, o: GenOptions): string {
  return `aks-${poolOf(i, o)}-12345678-vmss${i.toString(36).padStart(6, "0")}`;
}

/** A node's labels as AKS sets them for the network model. */
function nodeLabels(i: number, o: GenOptions): Record<string, string> {
  const labels: Record<string, string> = {
    agentpool: poolOf(i, o),
    "kubernetes.azure.com/agentpool": poolOf(i, o),
    "kubernetes.azure.com/cluster": "MC_rg-aksnet_aks-synthetic_westeurope",
    "kubernetes.azure.com/mode": i % o.pools === 0 ? "system" : "user",
    "kubernetes.azure.com/role": "agent",
    "kubernetes.azure.com/os-sku": "Ubuntu",
    "kubernetes.io/os": "linux",
    "kubernetes.io/hostname": nodeName(i, o),
    "node.kubernetes.io/instance-type": "Standard_D8s_v5",
    "topology.kubernetes.io/zone": `westeurope-${(i % 3) + 1}`,
  };
  if (o.model === "azure-cni-overlay") {
    labels["kubernetes.azure.com/azure-cni-overlay"] = "true";
    labels["kubernetes.azure.com/podnetwork-type"] = "overlay";
    labels["kubernetes.azure.com/network-subnet"] = "aks-subnet";
    labels["kubernetes.azure.com/nodenetwork-vnetguid"] = "8b1a5d3c-0000-4000-8000-000000000001";
  }
  if (o.model === "azure-cni-pod-subnet-dynamic" || o.model === "azure-cni-pod-subnet-static") {
    labels["kubernetes.azure.com/podnetwork-type"] = o.model === "azure-cni-pod-subnet-static" ? "vnetblock" : "vnet";
    labels["kubernetes.azure.com/podnetwork-subnet"] = "pods";
  }
  if (o.dataplane === "cilium" && o.model !== "byo-cni") labels["kubernetes.azure.com/ebpf-dataplane"] = "cilium";
  return labels;
}

function node(i: number, o: GenOptions, l: Layout): object {
  const labels = nodeLabels(i, o);
  // Recorded AKS Overlay nodes carry no spec.podCIDR; their /24 is in the NodeNetworkConfig.
  const range = o.model === "azure-cni-overlay" ? undefined : l.podRange(i);
  const conditions: object[] = [
    { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" },
  ];
  if (o.model === "kubenet")
    conditions.unshift({
      type: "NetworkUnavailable",
      status: "False",
      reason: "RouteCreated",
      message: "RouteController created a route",
    });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: nodeName(i, o),
      labels,
      annotations: {
        "alpha.kubernetes.io/provided-node-ip": ip4(l.nodeIp(i)),
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
      creationTimestamp: "2026-11-01T08:00:00Z",
    },
    spec: {
      providerID: `azure:///subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/mc_rg/providers/Microsoft.Compute/virtualMachineScaleSets/aks-${poolOf(i, o)}-12345678-vmss/virtualMachines/${i}`,
      ...(range ? { podCIDR: range, podCIDRs: [range] } : {}),
    },
    status: {
      addresses: [
        { type: "InternalIP", address: ip4(l.nodeIp(i)) },
        { type: "Hostname", address: nodeName(i, o) },
      ],
      allocatable: { cpu: "7820m", memory: "28409388Ki", pods: String(o.maxPods) },
      capacity: { cpu: "8", memory: "32863276Ki", pods: String(o.maxPods) },
      conditions,
      nodeInfo: {
        kubeletVersion: `v${o.kubernetesVersion}`,
        containerRuntimeVersion: "containerd://1.7.27-1",
        osImage: "Ubuntu 22.04.5 LTS",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

const DAEMONSETS: Record<string, string[]> = {
  base: ["kube-system/cloud-node-manager", "kube-system/csi-azuredisk-node", "kube-system/csi-azurefile-node"],
};

function daemonSets(o: GenOptions): string[] {
  const out = [...(DAEMONSETS["base"] ?? [])];
  const cilium = o.dataplane === "cilium";
  if (o.model === "byo-cni") return [...out, "kube-system/cilium"];
  if (!cilium) out.push("kube-system/kube-proxy");
  else out.push("kube-system/cilium");
  if (o.model !== "kubenet" && o.model !== "azure-cni-node-subnet") out.push("kube-system/azure-cns");
  if (o.model === "kubenet" || o.model === "azure-cni-node-subnet" || o.model === "azure-cni-overlay")
    out.push("kube-system/azure-ip-masq-agent");
  return out.sort();
}

function daemonSet(id: string, nodes: number): object {
  const [namespace, name] = id.split("/");
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name, namespace, labels: { "k8s-app": name, "kubernetes.azure.com/managedby": "aks" } },
    spec: { selector: { matchLabels: { "k8s-app": name } } },
    status: {
      desiredNumberScheduled: nodes,
      numberReady: nodes,
      currentNumberScheduled: nodes,
      numberAvailable: nodes,
    },
  };
}

function nnc(i: number, o: GenOptions, pods: number): object | undefined {
  if (
    o.model !== "azure-cni-overlay" &&
    o.model !== "azure-cni-pod-subnet-dynamic" &&
    o.model !== "azure-cni-pod-subnet-static"
  )
    return undefined;
  const type =
    o.model === "azure-cni-overlay" ? "overlay" : o.model === "azure-cni-pod-subnet-static" ? "vnetblock" : "vnet";
  const l = layout(o);
  const per = 16 * Math.ceil((o.maxPods + 1) / 16);
  const assigned = type === "vnet" ? 16 * Math.ceil((pods + 8) / 16) : 0;
  const first = l.podIp(i, -1);
  const container = {
    id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`,
    assignmentMode: type === "vnet" ? "dynamic" : "static",
    type,
    primaryIP:
      type === "overlay"
        ? l.podRange(i)
        : type === "vnetblock"
          ? `${ip4(POD_SUBNET_BASE + 4 + i * per - 1 + 1)}/28`
          : ip4(first),
    subnetName: type === "overlay" ? "routingdomain_00000000-0000-0000-0000-000000000000_overlaysubnet" : "pods",
    subnetAddressSpace: type === "overlay" ? `${ip4(podCidr(o).base)}/${podCidr(o).bits}` : "10.240.0.0/14",
    ipAssignments: Array.from({ length: assigned }, (_, k) => ({ name: `ip-${i}-${k}`, ip: ip4(first + 1 + k) })),
    version: 1,
    nodeIP: ip4(l.nodeIp(i)),
    status: "NCUpdateSuccess",
  };
  return {
    apiVersion: "acn.azure.com/v1alpha",
    kind: "NodeNetworkConfig",
    metadata: {
      name: nodeName(i, o),
      namespace: "kube-system",
      labels: { "kubernetes.azure.com/podnetwork-type": type, managed: "true", owner: nodeName(i, o) },
    },
    spec: { requestedIPCount: type === "vnet" ? assigned : 0 },
    status: {
      assignedIPCount: assigned,
      status: "Updated",
      scaler: { batchSize: 16, releaseThresholdPercent: 150, requestThresholdPercent: 50, maxIPCount: 250 },
      networkContainers: [container],
    },
  };
}

function pod(
  j: number,
  nodeIndex: number,
  k: number,
  o: GenOptions,
  l: Layout,
  r: () => number,
  hostNetwork: boolean,
): object {
  const app = `app-${Math.floor(r() * 500)}`;
  const ip = hostNetwork ? ip4(l.nodeIp(nodeIndex)) : ip4(l.podIp(nodeIndex, k));
  // The host-network agent: kube-proxy, or the Cilium agent on the Cilium dataplane (and with BYO Cilium).
  const agent = o.dataplane === "cilium" || o.model === "byo-cni" ? "cilium" : "kube-proxy";
  const agentLabels: Record<string, string> =
    agent === "cilium" ? { "k8s-app": "cilium" } : { component: "kube-proxy", tier: "node" };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: hostNetwork ? `${agent}-${j.toString(36).padStart(5, "0")}` : `${app}-${j.toString(36)}`,
      namespace: hostNetwork ? "kube-system" : `team-${j % 40}`,
      labels: hostNetwork ? agentLabels : { app, "pod-template-hash": "5d9c7b6f4" },
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          kind: hostNetwork ? "DaemonSet" : "ReplicaSet",
          name: hostNetwork ? agent : `${app}-5d9c7b6f4`,
          uid: "0b9f2c1e-0000-4000-8000-000000000000",
          controller: true,
        },
      ],
      creationTimestamp: "2026-11-10T10:00:00Z",
    },
    spec: podSpec(nodeIndex, o, hostNetwork),
    status: podStatus(nodeIndex, l, ip),
  };
}

function podSpec(nodeIndex: number, o: GenOptions, hostNetwork: boolean): object {
  return {
    nodeName: nodeName(nodeIndex, o),
    hostNetwork: hostNetwork || undefined,
    containers: [
      {
        name: "main",
        image: "mcr.microsoft.com/azurelinux/base/nginx:1.25",
        resources: { requests: { cpu: "50m", memory: "64Mi" } },
        ports: [{ containerPort: 8080, protocol: "TCP" }],
      },
    ],
    serviceAccountName: "default",
    tolerations: [
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    ],
  };
}

function podStatus(nodeIndex: number, l: Layout, ip: string): object {
  return {
    phase: "Running",
    hostIP: ip4(l.nodeIp(nodeIndex)),
    podIP: ip,
    podIPs: [{ ip }],
    conditions: [
      { type: "Ready", status: "True" },
      { type: "PodScheduled", status: "True" },
    ],
    containerStatuses: [
      {
        name: "main",
        ready: true,
        restartCount: 0,
        image: "mcr.microsoft.com/azurelinux/base/nginx:1.25",
        started: true,
      },
    ],
  };
}

/** Writes the dump: one List holding nodes, pods, DaemonSets and (CNS models) NodeNetworkConfigs. */
export async function writeCluster(path: string, o: GenOptions): Promise<void> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, "drain");
  };
  const r = rng(o.seed);
  const l = layout(o);
  await write('{\n  "apiVersion": "v1",\n  "items": [\n');
  let first = true;
  const item = async (x: object) => {
    await write((first ? "" : ",\n") + JSON.stringify(x));
    first = false;
  };
  for (let i = 0; i < o.nodes; i++) await item(node(i, o, l));
  // Pods: one host-network agent per node, the rest spread round-robin, never above maxPods − 1.
  const perNode = new Array<number>(o.nodes).fill(0);
  let j = 0;
  for (let i = 0; i < o.nodes && j < o.pods; i++, j++) await item(pod(j, i, 0, o, l, r, true));
  for (let n = 0; j < o.pods; j++, n = (n + 1) % o.nodes) {
    if ((perNode[n] ?? 0) >= o.maxPods - 1) continue;
    const k = perNode[n] ?? 0;
    perNode[n] = k + 1;
    await item(pod(j, n, k, o, l, r, false));
  }
  for (const id of daemonSets(o)) await item(daemonSet(id, o.nodes));
  // Every namespace holds kube-root-ca.crt (Kubernetes 1.20+): the dump looked at kube-system's ConfigMaps.
  await item({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "kube-root-ca.crt", namespace: "kube-system" },
    data: { "ca.crt": "-----BEGIN CERTIFICATE-----\n(synthetic)\n-----END CERTIFICATE-----\n" },
  });
  for (let i = 0; i < o.nodes; i++) {
    const x = nnc(i, o, perNode[i] ?? 0);
    if (x) await item(x);
  }
  await write('\n  ],\n  "kind": "List",\n  "metadata": {\n    "resourceVersion": ""\n  }\n}\n');
  out.end();
  await once(out, "finish");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: "string", default: "azure-cni-overlay" },
      nodes: { type: "string", default: "5000" },
      pods: { type: "string", default: "150000" },
      dataplane: { type: "string", default: "azure" },
      "max-pods": { type: "string", default: "" },
      seed: { type: "string", default: "1" },
      pools: { type: "string", default: "" },
      "kubernetes-version": { type: "string", default: "1.33.3" },
      out: { type: "string" },
    },
  });
  if (!values.out) throw new Error("--out FILE is required");
  const model = values.model as GenModel;
  const defaults: Record<GenModel, number> = {
    kubenet: 110,
    "azure-cni-node-subnet": 30,
    "azure-cni-pod-subnet-dynamic": 250,
    "azure-cni-pod-subnet-static": 250,
    "azure-cni-overlay": 250,
    "byo-cni": 250,
  };
  await writeCluster(values.out, {
    model,
    nodes: Number(values.nodes),
    pods: Number(values.pods),
    dataplane: values.dataplane === "cilium" ? "cilium" : "azure",
    maxPods: values["max-pods"] ? Number(values["max-pods"]) : defaults[model],
    seed: Number(values.seed),
    // At most 900 nodes a pool by default: a scale set holds 1,000 instances including surge nodes.
    pools: values.pools ? Number(values.pools) : Math.max(3, Math.ceil(Number(values.nodes) / 900)),
    kubernetesVersion: values["kubernetes-version"] ?? "1.33.3",
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "\u0000")) await main();
