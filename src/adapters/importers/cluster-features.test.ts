import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlanFiles, loadPlanText } from "./index.js";

const SUB =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/" +
  "virtualNetworks/vnet-aks/subnets";

/** An ARM managed cluster (REST shape, 2026-04-01 property names) with the parts beyond the network profile. */
const cluster = (props: Record<string, unknown>, top: Record<string, unknown> = {}) =>
  JSON.stringify({
    name: "aks",
    type: "Microsoft.ContainerService/managedClusters",
    location: "westeurope",
    ...top,
    properties: {
      kubernetesVersion: "1.34",
      networkProfile: { networkPlugin: "azure", networkPluginMode: "overlay", podCidr: "10.244.0.0/16" },
      agentPoolProfiles: [{ name: "system", mode: "System", count: 3, vnetSubnetID: `${SUB}/nodes` }],
      ...props,
    },
  });

const load = (text: string) => {
  const r = loadPlanText(text, "cluster.json");
  if (!r.plan) throw new Error(JSON.stringify(r.problems));
  return r;
};

describe("importers: a cluster record's API server, NAP, gateway pools, Automatic and add-ons", () => {
  it.each<{
    name: string;
    props: Record<string, unknown>;
    top?: Record<string, unknown>;
    want: Record<string, unknown>;
  }>([
    {
      name: "API Server VNet Integration with its subnet, private",
      props: {
        apiServerAccessProfile: {
          enableVnetIntegration: true,
          subnetId: `${SUB}/apiserver`,
          enablePrivateCluster: true,
        },
      },
      want: { apiServer: { vnetIntegration: true, subnet: "apiserver", private: true } },
    },
    {
      name: "node auto-provisioning on",
      props: { nodeProvisioningProfile: { mode: "Auto" } },
      want: { nodeProvisioning: { mode: "Auto", pools: [] } },
    },
    {
      name: "AKS Automatic with its hosted system subnets",
      top: { sku: { name: "Automatic", tier: "Standard" } },
      props: {
        hostedSystemProfile: { enabled: true, systemNodeSubnetID: `${SUB}/system`, nodeSubnetID: `${SUB}/nodes` },
      },
      want: { sku: { name: "Automatic" }, hostedSystem: { systemNodeSubnet: "system", nodeSubnet: "nodes" } },
    },
    {
      name: "the virtual nodes and AGIC add-ons' subnets",
      props: {
        addonProfiles: {
          aciConnectorLinux: { enabled: true, config: { SubnetName: "aci" } },
          ingressApplicationGateway: { enabled: true, config: { subnetId: `${SUB}/appgw` } },
        },
      },
      want: { addons: { virtualNodes: { subnet: "aci" }, applicationGateway: { subnet: "appgw" } } },
    },
  ])("$name", ({ props, top, want }) => {
    expect(load(cluster(props, top)).plan).toMatchObject(want);
  });

  it("AGIC without a subnetId (an existing gateway by ID) names no subnet", () => {
    const plan = load(
      cluster({
        addonProfiles: { ingressApplicationGateway: { enabled: true, config: { applicationGatewayId: "/x" } } },
      }),
    ).plan;
    expect(plan?.addons).toBeUndefined();
  });

  it("a disabled add-on is not imported", () => {
    const plan = load(
      cluster({ addonProfiles: { aciConnectorLinux: { enabled: false, config: { SubnetName: "aci" } } } }),
    ).plan;
    expect(plan?.addons).toBeUndefined();
  });

  it("a gateway pool keeps its mode (any case) and public IP prefix size", () => {
    const plan = load(
      cluster({
        agentPoolProfiles: [
          { name: "system", mode: "System", count: 3 },
          { name: "egress", mode: "gateway", count: 2, gatewayProfile: { publicIPPrefixSize: 30 } },
        ],
      }),
    ).plan;
    expect(plan?.nodePools[1]).toMatchObject({ mode: "Gateway", gatewayPrefixSize: 30 });
  });

  it("locates an imported field at its key in the file", () => {
    const r = load(cluster({ apiServerAccessProfile: { enableVnetIntegration: true, subnetId: `${SUB}/apiserver` } }));
    expect(r.locate("apiServer.subnet").line).toBe(1);
    expect(r.locate("apiServer.subnet").column).toBeGreaterThan(1);
  });
});

describe("importers: AGIC's subnet beside a VNet record", () => {
  const recorded = (name: string) => ({
    text: readFileSync(join(import.meta.dirname, "..", "azure", "fixtures", name), "utf8"),
    fileName: name,
  });
  const vnetRecord = (subnets: { name: string; cidr: string }[]) => ({
    fileName: "vnet.json",
    text: JSON.stringify({
      name: "vnet-aks",
      type: "Microsoft.Network/virtualNetworks",
      properties: {
        addressSpace: { addressPrefixes: ["10.224.0.0/16"] },
        subnets: subnets.map((s) => ({ name: s.name, properties: { addressPrefix: s.cidr } })),
      },
    }),
  });
  const agicCluster = {
    fileName: "cluster.json",
    text: cluster({
      addonProfiles: { ingressApplicationGateway: { enabled: true, config: { subnetId: `${SUB}/appgw` } } },
    }),
  };

  it("recorded: the cluster names appgw-subnet, which its VNet record (read first) lacks: left out, noted", () => {
    const r = loadPlanFiles([recorded("arm-cluster-kubenet-byo-subnet.json"), recorded("arm-vnet-byo-subnet.json")]);
    expect(r.problems).toEqual([]);
    expect(r.plan?.addons).toBeUndefined();
    expect(r.plan?.vnet?.subnets.map((s) => s.name)).toEqual(["aks-subnet"]);
    expect(r.notes.join("\n")).toMatch(/AGIC add-on's subnet "appgw-subnet" is not in the VNet record/);
  });

  it("a VNet record that holds the subnet: imported and checked", () => {
    const r = loadPlanFiles([
      agicCluster,
      vnetRecord([
        { name: "nodes", cidr: "10.224.0.0/22" },
        { name: "appgw", cidr: "10.224.8.0/24" },
      ]),
    ]);
    expect(r.plan?.addons).toEqual({ applicationGateway: { subnet: "appgw" } });
    expect(r.notes).toEqual([]);
  });
});
