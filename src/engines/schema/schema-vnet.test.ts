import { describe, expect, it } from "vitest";
import { parsePlan } from "../plan/index.js";

/** A plan using every section of schema-vnet.ts: the VNet of a modern AKS cluster. */
const FULL = {
  sku: { name: "Automatic", tier: "Standard" },
  network: { plugin: "azure", pluginMode: "overlay", dataplane: "cilium" },
  vnet: {
    addressSpace: ["10.10.0.0/20"],
    natGateways: [{ name: "natgw", publicIpCount: 2 }],
    subnets: [
      { name: "aks-nodes", cidr: "10.10.0.0/22", natGateway: "natgw" },
      { name: "aks-apiserver", cidr: "10.10.4.0/28", delegation: "Microsoft.ContainerService/managedClusters" },
      { name: "pe", cidr: "10.10.5.0/27", purpose: "privateEndpoints", privateEndpoints: 20 },
      { name: "ilb", cidr: "10.10.5.32/28", internalLoadBalancerIps: 4 },
    ],
  },
  apiServer: { vnetIntegration: true, subnet: "aks-apiserver", private: true, clustersSharingSubnet: 2 },
  hostedSystem: { systemNodeSubnet: "aks-system", nodeSubnet: "aks-nodes" },
  nodeProvisioning: { mode: "Auto", pools: [{ name: "default", maxNodes: 50, disruptionBudget: "10%" }] },
  addons: {
    virtualNodes: { subnet: "aci", maxPods: 100 },
    applicationGatewayForContainers: { subnet: "agc" },
    applicationGateway: { subnet: "appgw", maxInstances: 10, privateFrontend: true },
  },
  nodePools: [
    { name: "system", count: 3 },
    { name: "egress", mode: "Gateway", count: 2, gatewayPrefixSize: 30, vmSetType: "VirtualMachines" },
    { name: "spot", priority: "Spot", count: 5 },
  ],
  reserved: { internalLoadBalancerSubnet: "ilb" },
  layout: {
    growth: 2,
    subnets: [{ name: "AzureBastionSubnet" }, { name: "pe2", purpose: "privateEndpoints", addresses: 40 }],
  },
};

describe("the VNet sections of the plan", () => {
  it("a plan with every section parses", () => {
    const r = parsePlan(FULL);
    expect(r.problems).toEqual([]);
    expect(r.plan?.nodeProvisioning?.pools[0]?.maxNodes).toBe(50);
    expect(r.plan?.nodePools[1]?.mode).toBe("Gateway");
  });

  it.each([
    {
      name: "a subnet purpose that is not a kind",
      input: {
        vnet: { addressSpace: ["10.0.0.0/16"], subnets: [{ name: "x", cidr: "10.0.0.0/24", purpose: "firewall" }] },
      },
      path: "vnet.subnets[0].purpose",
    },
    {
      name: "a pool mode that is not one",
      input: { nodePools: [{ name: "a", mode: "Egress" }] },
      path: "nodePools[0].mode",
    },
    {
      name: "NAP pools need maxNodes",
      input: { nodeProvisioning: { pools: [{ name: "a" }] } },
      path: "nodeProvisioning.pools[0].maxNodes",
    },
    { name: "an unknown add-on", input: { addons: { ingress: {} } }, path: "addons.ingress" },
    { name: "a growth factor of 0", input: { layout: { growth: 0 } }, path: "layout.growth" },
    { name: "a growth factor past 256", input: { layout: { growth: 257 } }, path: "layout.growth" },
    { name: "an sku that is not one", input: { sku: { name: "Premium" } }, path: "sku.name" },
  ])("$name is refused at $path", ({ input, path }) => {
    const r = parsePlan(input);
    expect(r.problems.map((p) => p.pathText)).toContain(path);
  });
});
