/** One plan per network model (and a few variants) for the generator golden files and laws. */
import { PlanSchema, type Plan, type PlanInput } from "../../../engines/schema/schema.js";

const vnet = (subnets: { name: string; cidr: string; delegation?: string }[]): PlanInput["vnet"] => ({
  name: "vnet-aks",
  addressSpace: ["10.224.0.0/12"],
  subnets,
});

const inputs: Record<string, PlanInput> = {
  minimal: { name: "aks-min" },
  kubenet: {
    name: "aks-kubenet",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.29",
    network: {
      plugin: "kubenet",
      podCidrs: ["10.244.0.0/16"],
      serviceCidrs: ["10.0.0.0/16"],
      dnsServiceIp: "10.0.0.10",
    },
    vnet: vnet([{ name: "aks-nodes", cidr: "10.224.0.0/24" }]),
    nodePools: [{ name: "system", mode: "System", count: 3, maxPods: 110, subnet: "aks-nodes" }],
  },
  "azure-cni-node-subnet": {
    name: "aks-flat",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.33",
    network: { plugin: "azure", policy: "azure", serviceCidrs: ["10.0.0.0/16"], dnsServiceIp: "10.0.0.10" },
    vnet: vnet([{ name: "aks-nodes", cidr: "10.224.0.0/21" }]),
    nodePools: [
      { name: "system", mode: "System", count: 3, maxPods: 30, maxSurge: "33%", subnet: "aks-nodes" },
      { name: "win", mode: "User", os: "Windows2022", count: 2, maxPods: 30, subnet: "aks-nodes" },
    ],
  },
  "azure-cni-pod-subnet-dynamic": {
    name: "aks-podsubnet",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.33",
    network: { plugin: "azure", serviceCidrs: ["10.0.0.0/16"], dnsServiceIp: "10.0.0.10" },
    vnet: vnet([
      { name: "aks-nodes", cidr: "10.224.0.0/24" },
      { name: "aks-pods", cidr: "10.225.0.0/16" },
    ]),
    nodePools: [
      {
        name: "system",
        mode: "System",
        count: 3,
        maxPods: 110,
        subnet: "aks-nodes",
        podSubnet: "aks-pods",
        podIpAllocation: "DynamicIndividual",
      },
    ],
  },
  "azure-cni-pod-subnet-static": {
    name: "aks-static",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.33",
    network: { plugin: "azure", dataplane: "cilium", policy: "cilium" },
    vnet: vnet([
      { name: "aks-nodes", cidr: "10.224.0.0/24" },
      { name: "aks-pods", cidr: "10.228.0.0/14" },
    ]),
    nodePools: [
      {
        name: "system",
        mode: "System",
        count: 3,
        maxPods: 47,
        subnet: "aks-nodes",
        podSubnet: "aks-pods",
        podIpAllocation: "StaticBlock",
      },
    ],
  },
  "azure-cni-overlay": {
    name: "aks-overlay",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.33",
    network: {
      plugin: "azure",
      pluginMode: "overlay",
      podCidrs: ["10.244.0.0/16"],
      serviceCidrs: ["10.0.0.0/16"],
      dnsServiceIp: "10.0.0.10",
      outboundType: "loadBalancer",
    },
    vnet: {
      name: "vnet-aks",
      resourceGroup: "rg-network",
      addressSpace: ["10.224.0.0/12"],
      subnets: [{ name: "aks-nodes", cidr: "10.224.0.0/22" }],
    },
    nodePools: [
      { name: "system", mode: "System", count: 3, subnet: "aks-nodes" },
      { name: "apps", mode: "User", minCount: 2, maxCount: 20, maxPods: 250, maxSurge: "10%", subnet: "aks-nodes" },
    ],
  },
  "azure-cni-overlay-cilium": {
    name: "aks-prod-weu",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.33",
    network: {
      plugin: "azure",
      pluginMode: "overlay",
      dataplane: "cilium",
      policy: "cilium",
      ipFamilies: ["IPv4", "IPv6"],
      podCidrs: ["10.244.0.0/16", "fd12:3456:789a::/64"],
      serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::/108"],
      dnsServiceIp: "10.0.0.10",
    },
    vnet: vnet([{ name: "aks-nodes", cidr: "10.224.0.0/22" }]),
    nodePools: [{ name: "system", mode: "System", minCount: 3, maxCount: 10, maxSurge: "33%", subnet: "aks-nodes" }],
  },
  "azure-cni-node-subnet-cilium": {
    name: "aks-flat-cilium",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.33",
    network: { plugin: "azure", dataplane: "cilium", policy: "cilium" },
    vnet: vnet([{ name: "aks-nodes", cidr: "10.224.0.0/20" }]),
    nodePools: [{ name: "system", mode: "System", count: 3, maxPods: 50, subnet: "aks-nodes" }],
  },
  "windows-2025": {
    name: "aks-win25",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.33",
    network: { plugin: "azure", pluginMode: "overlay", podCidrs: ["10.244.0.0/16"] },
    nodePools: [
      { name: "system", mode: "System", count: 3 },
      { name: "win25", mode: "User", os: "Windows2025", count: 2 },
    ],
  },
  "outbound-none": {
    name: "aks-isolated",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.33",
    network: { plugin: "azure", pluginMode: "overlay", podCidrs: ["10.244.0.0/16"], outboundType: "none" },
    vnet: vnet([{ name: "aks-nodes", cidr: "10.224.0.0/24" }]),
    nodePools: [{ name: "system", mode: "System", count: 3, subnet: "aks-nodes" }],
  },
  "outbound-block": {
    name: "aks-blocked",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.33",
    network: { plugin: "azure", pluginMode: "overlay", podCidrs: ["10.244.0.0/16"], outboundType: "block" },
    nodePools: [{ name: "system", mode: "System", count: 3 }],
  },
  "nat-gateway-v2": {
    name: "aks-natv2",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.33",
    network: {
      plugin: "azure",
      pluginMode: "overlay",
      podCidrs: ["10.244.0.0/16"],
      outboundType: "managedNATGatewayV2",
    },
    nodePools: [{ name: "system", mode: "System", count: 3 }],
  },
  "user-defined-routing": {
    name: "aks-udr",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.33",
    network: {
      plugin: "azure",
      pluginMode: "overlay",
      podCidrs: ["10.244.0.0/16"],
      outboundType: "userDefinedRouting",
    },
    vnet: {
      name: "vnet-aks",
      addressSpace: ["10.224.0.0/12"],
      routeTables: [
        {
          name: "rt-aks",
          routes: [
            {
              name: "to-firewall",
              addressPrefix: "0.0.0.0/0",
              nextHopType: "VirtualAppliance",
              nextHopIpAddress: "10.224.8.4",
            },
          ],
        },
      ],
      subnets: [
        { name: "aks-nodes", cidr: "10.224.0.0/22", routeTable: "rt-aks" },
        { name: "AzureFirewallSubnet", cidr: "10.224.8.0/26" },
      ],
    },
    nodePools: [{ name: "system", mode: "System", count: 3, subnet: "aks-nodes" }],
  },
  // The laid-out plan of docs/layout.md: API Server VNet Integration, AGC, a gateway pool, private endpoints.
  "overlay-cilium-vnet": {
    name: "aks-prod-weu",
    resourceGroup: "rg-aks-prod",
    location: "westeurope",
    kubernetesVersion: "1.34",
    network: {
      plugin: "azure",
      pluginMode: "overlay",
      dataplane: "cilium",
      podCidrs: ["10.244.0.0/16"],
      serviceCidrs: ["10.0.0.0/16"],
      dnsServiceIp: "10.0.0.10",
    },
    vnet: {
      name: "vnet-aks-prod",
      addressSpace: ["10.40.0.0/20"],
      subnets: [
        { name: "agc", cidr: "10.40.0.0/24", delegation: "Microsoft.ServiceNetworking/trafficControllers" },
        { name: "aks-nodes", cidr: "10.40.1.0/26" },
        { name: "private-endpoints", cidr: "10.40.1.128/26", purpose: "privateEndpoints" },
        { name: "aks-apiserver", cidr: "10.40.2.0/28", delegation: "Microsoft.ContainerService/managedClusters" },
        { name: "aks-egress", cidr: "10.40.2.32/29" },
      ],
    },
    apiServer: { vnetIntegration: true, subnet: "aks-apiserver" },
    addons: { applicationGatewayForContainers: { subnet: "agc" } },
    nodePools: [
      { name: "system", mode: "System", count: 3, maxPods: 110, subnet: "aks-nodes" },
      { name: "user", mode: "User", minCount: 3, maxCount: 40, subnet: "aks-nodes" },
      { name: "egress", mode: "Gateway", count: 2, gatewayPrefixSize: 30, subnet: "aks-egress" },
    ],
  },
  // Node auto-provisioning on Overlay + Cilium with a private API server in its own subnet (delegation inferred).
  "node-auto-provisioning": {
    name: "aks-nap",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.34",
    network: {
      plugin: "azure",
      pluginMode: "overlay",
      dataplane: "cilium",
      podCidrs: ["10.244.0.0/16"],
    },
    vnet: {
      name: "vnet-aks",
      addressSpace: ["10.224.0.0/16"],
      subnets: [
        { name: "aks-nodes", cidr: "10.224.0.0/22" },
        { name: "aks-apiserver", cidr: "10.224.4.0/28" },
      ],
    },
    apiServer: { vnetIntegration: true, subnet: "aks-apiserver", private: true },
    nodeProvisioning: { mode: "Auto", pools: [{ name: "default", maxNodes: 100 }] },
    nodePools: [{ name: "system", mode: "System", count: 3, subnet: "aks-nodes" }],
  },
  // Azure CNI Node Subnet with virtual nodes (ACI subnet, delegation inferred) and AGIC in its own subnet.
  "virtual-nodes-agic": {
    name: "aks-addons",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.33",
    network: { plugin: "azure", serviceCidrs: ["10.0.0.0/16"], dnsServiceIp: "10.0.0.10" },
    vnet: {
      name: "vnet-aks",
      addressSpace: ["10.224.0.0/12"],
      subnets: [
        { name: "aks-nodes", cidr: "10.224.0.0/21" },
        { name: "aci", cidr: "10.225.0.0/24" },
        { name: "appgw", cidr: "10.225.1.0/24" },
      ],
    },
    addons: { virtualNodes: { subnet: "aci" }, applicationGateway: { subnet: "appgw" } },
    nodePools: [{ name: "system", mode: "System", count: 3, maxPods: 30, subnet: "aks-nodes" }],
  },
  // Outbound type userAssignedNATGateway: a NAT gateway with two public IPs on the node subnet.
  "user-assigned-nat-gateway": {
    name: "aks-nat",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.33",
    network: {
      plugin: "azure",
      pluginMode: "overlay",
      podCidrs: ["10.244.0.0/16"],
      outboundType: "userAssignedNATGateway",
    },
    vnet: {
      name: "vnet-aks",
      addressSpace: ["10.224.0.0/16"],
      natGateways: [{ name: "nat-aks", publicIpCount: 2, idleTimeoutMinutes: 10 }],
      subnets: [{ name: "aks-nodes", cidr: "10.224.0.0/22", natGateway: "nat-aks" }],
    },
    nodePools: [{ name: "system", mode: "System", count: 3, subnet: "aks-nodes" }],
  },
  // API server authorized IP ranges with API Server VNet Integration: one api_server_access_profile block.
  "authorized-ip-ranges": {
    name: "aks-authz",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.34",
    network: { plugin: "azure", pluginMode: "overlay", podCidrs: ["10.244.0.0/16"] },
    vnet: {
      name: "vnet-aks",
      addressSpace: ["10.224.0.0/16"],
      subnets: [
        { name: "aks-nodes", cidr: "10.224.0.0/22" },
        { name: "aks-apiserver", cidr: "10.224.4.0/28", delegation: "Microsoft.ContainerService/managedClusters" },
      ],
    },
    apiServer: {
      vnetIntegration: true,
      subnet: "aks-apiserver",
      authorizedIpRanges: ["73.140.245.0/24", "20.61.12.34", "137.117.106.88/29"],
    },
    nodePools: [{ name: "system", mode: "System", count: 3, subnet: "aks-nodes" }],
  },
  // Node public IPs: the edge pool's from a public IP prefix (by its resource ID) that is an authorized range; the
  // system pool without; az nodepool add, a Bicep agent pool profile and azurerm_kubernetes_cluster_node_pool.
  "node-public-ips": {
    name: "aks-edge",
    resourceGroup: "rg-aks",
    location: "westeurope",
    kubernetesVersion: "1.34",
    network: { plugin: "azure", pluginMode: "overlay", podCidrs: ["10.244.0.0/16"] },
    vnet: {
      name: "vnet-aks",
      addressSpace: ["10.224.0.0/16"],
      subnets: [{ name: "aks-nodes", cidr: "10.224.0.0/22" }],
    },
    apiServer: { authorizedIpRanges: ["73.140.245.0/24", "20.50.60.0/28"] },
    nodePools: [
      { name: "system", mode: "System", count: 3, subnet: "aks-nodes" },
      {
        name: "edge",
        mode: "User",
        count: 2,
        subnet: "aks-nodes",
        nodePublicIp: true,
        nodePublicIpPrefix: "20.50.60.0/28",
        nodePublicIpPrefixId:
          "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/" +
          "Microsoft.Network/publicIPPrefixes/pip-prefix-edge",
      },
    ],
  },
  "byo-cni": {
    name: "aks-byocni",
    resourceGroup: "rg-aks",
    kubernetesVersion: "1.33",
    network: { plugin: "none", podCidrs: ["192.168.0.0/16"] },
    nodePools: [{ name: "system", count: 3 }],
  },
};

/**
 * The formats that refuse a plan, with the field they name: the tool has no way to write the value
 * (kb DEPLOY_FEATURES). Every other plan and format pair has a golden file.
 */
export const REFUSED: Readonly<Record<string, Partial<Record<"az" | "bicep" | "terraform", string>>>> = {
  "azure-cni-pod-subnet-static": { terraform: "nodePools[0].podIpAllocation" },
  "windows-2025": { terraform: "nodePools[1].os" },
  "outbound-block": { bicep: "network.outboundType", terraform: "network.outboundType" },
  "nat-gateway-v2": { bicep: "network.outboundType", terraform: "network.outboundType" },
};

/** The plans by name, parsed by the plan schema. */
export const PLANS: Readonly<Record<string, Plan>> = Object.fromEntries(
  Object.entries(inputs).map(([k, v]) => [k, PlanSchema.parse(v)]),
);
