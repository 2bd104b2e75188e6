/**
 * The planner's starting points: plans for the common starts, each a complete aksnet.yaml that
 * `check` reads (presets.test.ts keeps them free of error findings, except where the point of the
 * preset is a finding to fix).
 */
import { EXAMPLE_PLAN } from "./state.js";

export interface Preset {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

const SLASH_24 = `apiVersion: aksnet/v1
kind: ClusterPlan
# The /24 example of Microsoft's IP planning page: a /24 node subnet with Azure CNI Node Subnet
# (every pod takes a VNet address) holds 8 nodes at 30 pods each. Switch the model to see the others.
name: aks-slash24
location: westeurope
resourceGroup: rg-aks
kubernetesVersion: "1.33"
network:
  plugin: azure
  serviceCidrs: [10.0.0.0/16]
  dnsServiceIp: 10.0.0.10
vnet:
  name: vnet-aks
  resourceGroup: rg-network
  addressSpace: [10.224.0.0/16]
  subnets:
    - { name: aks-nodes, cidr: 10.224.0.0/24 }
nodePools:
  - name: system
    mode: System
    count: 3
    maxPods: 30
    subnet: aks-nodes
`;

const POD_SUBNET = `apiVersion: aksnet/v1
kind: ClusterPlan
# Pods get VNet addresses from their own subnet (dynamic allocation): routable from the VNet and
# on-premises, traceable end to end; nodes and pods scale their subnets separately.
name: aks-podsubnet
location: westeurope
resourceGroup: rg-aks
kubernetesVersion: "1.33"
network:
  plugin: azure
  dataplane: cilium
  policy: cilium
  serviceCidrs: [10.0.0.0/16]
  dnsServiceIp: 10.0.0.10
vnet:
  name: vnet-aks
  resourceGroup: rg-network
  addressSpace: [10.224.0.0/12]
  subnets:
    - { name: aks-nodes, cidr: 10.224.0.0/24 }
    - { name: aks-pods, cidr: 10.225.0.0/20 }
connectedNetworks:
  - { name: on-prem, cidrs: [192.168.0.0/16] }
nodePools:
  - name: system
    mode: System
    count: 3
    minCount: 3
    maxCount: 20
    maxPods: 50
    subnet: aks-nodes
    podSubnet: aks-pods
    podIpAllocation: DynamicIndividual
requirements:
  podsReachableFromVnet: true
  podsReachableFromOnPremises: true
  podIpsTraceable: true
`;

const KUBENET = `apiVersion: aksnet/v1
kind: ClusterPlan
# A kubenet cluster as it runs today: kubenet retires on 31 March 2028. Check shows the warning;
# switch the model to Azure CNI Overlay (the documented upgrade path keeps the pod CIDR).
name: aks-kubenet
location: westeurope
resourceGroup: rg-aks
kubernetesVersion: "1.33"
network:
  plugin: kubenet
  podCidrs: [10.244.0.0/16]
  serviceCidrs: [10.0.0.0/16]
  dnsServiceIp: 10.0.0.10
vnet:
  name: vnet-aks
  resourceGroup: rg-network
  addressSpace: [10.224.0.0/16]
  subnets:
    - { name: aks-nodes, cidr: 10.224.0.0/22 }
nodePools:
  - name: system
    mode: System
    count: 3
    minCount: 3
    maxCount: 50
    maxPods: 110
    subnet: aks-nodes
`;

const AUTOMATIC = `apiVersion: aksnet/v1
kind: ClusterPlan
# AKS Automatic in your own VNet: Azure CNI Overlay with Cilium, an API server subnet, a subnet for
# the hosted system nodes and one for the nodes node auto-provisioning creates.
name: aks-automatic
location: westeurope
resourceGroup: rg-aks
kubernetesVersion: "1.33"
sku: { name: Automatic }
network:
  plugin: azure
  pluginMode: overlay
  dataplane: cilium
  policy: cilium
  podCidrs: [10.244.0.0/16]
  serviceCidrs: [10.0.0.0/16]
  dnsServiceIp: 10.0.0.10
vnet:
  name: vnet-aks
  resourceGroup: rg-network
  addressSpace: [10.224.0.0/16]
  subnets:
    - { name: aks-nodes, cidr: 10.224.0.0/22 }
    - { name: api, cidr: 10.224.12.0/28, delegation: Microsoft.ContainerService/managedClusters }
    - { name: system, cidr: 10.224.12.64/26 }
apiServer: { subnet: api }
hostedSystem: { systemNodeSubnet: system, nodeSubnet: aks-nodes }
nodePools:
  - name: system
    mode: System
    count: 3
    subnet: aks-nodes
`;

export const PRESETS: readonly Preset[] = [
  { id: "overlay-cilium", title: "Overlay + Cilium, production", text: EXAMPLE_PLAN },
  { id: "slash-24", title: "The /24 example (Node Subnet, 30 pods)", text: SLASH_24 },
  { id: "pod-subnet", title: "Pod subnet, routable pods", text: POD_SUBNET },
  { id: "kubenet", title: "kubenet, before migrating", text: KUBENET },
  { id: "automatic", title: "AKS Automatic", text: AUTOMATIC },
];
