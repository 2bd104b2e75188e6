import { describe, expect, it } from "vitest";
import type { EstateSubnet, EstateVnet } from "../scan/index.js";
import { recordSubnetRoles, vnetSubnetsOf } from "./vnet-subnets.js";

const V = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet";
const sub = (name: string, prefix: string, extra: Partial<EstateSubnet> = {}): EstateSubnet => ({
  id: `${V}/subnets/${name}`,
  name,
  prefixes: [prefix],
  delegations: [],
  ...extra,
});
const vnet = (subnets: EstateSubnet[]): EstateVnet => ({
  id: V,
  name: "vnet",
  subscriptionId: "s",
  resourceGroup: "rg",
  addressSpace: ["10.0.0.0/16"],
  peerings: [],
  subnets,
});
const NODES = sub("aks-nodes", "10.0.0.0/24");
const AGIC = { enabled: true, config: { subnetId: `${V}/subnets/APPGW` } };
const one = (s: EstateSubnet) => vnetSubnetsOf([vnet([NODES, s])], [NODES.id])[0];

describe("vnetSubnetsOf: other subnets by Azure's name, delegation or private endpoints, judged by size", () => {
  it.each([
    { s: sub("AzureFirewallSubnet", "10.0.1.0/26"), kind: "azureFirewall", by: "name", verdict: "ok" },
    { s: sub("AzureFirewallSubnet", "10.0.1.0/27"), kind: "azureFirewall", by: "name", verdict: "too-small" },
    { s: sub("AzureBastionSubnet", "10.0.1.0/26"), kind: "bastion", by: "name", verdict: "ok" },
    { s: sub("AzureBastionSubnet", "10.0.1.0/27"), kind: "bastion", by: "name", verdict: "too-small" },
    { s: sub("GatewaySubnet", "10.0.1.0/27"), kind: "virtualNetworkGateway", by: "name", verdict: "ok" },
    { s: sub("GatewaySubnet", "10.0.1.0/30"), kind: "virtualNetworkGateway", by: "name", verdict: "too-small" },
    {
      s: sub("agc", "10.0.2.0/24", { delegations: ["Microsoft.ServiceNetworking/trafficControllers"] }),
      kind: "applicationGatewayForContainers",
      by: "delegation",
      verdict: "ok",
    },
    {
      s: sub("apiserver", "10.0.3.0/29", { delegations: ["microsoft.containerservice/managedclusters"] }),
      kind: "apiServer",
      by: "delegation",
      verdict: "too-small",
    },
    {
      s: sub("aci", "10.0.4.0/24", { delegations: ["Microsoft.ContainerInstance/containerGroups"] }),
      kind: "virtualNodes",
      by: "delegation",
      verdict: "ok",
    },
    { s: sub("pe", "10.0.5.0/28", { privateEndpoints: 3 }), kind: "privateEndpoints", by: "private-endpoints" },
    {
      s: sub("v6", "fd00::/64", { delegations: ["Microsoft.ServiceNetworking/trafficControllers"] }),
      verdict: "unknown",
    },
  ])("$s.name $s.prefixes.0: $kind by $by, $verdict", ({ s, kind, by, verdict }) => {
    const r = one(s);
    if (kind) expect(r?.kind).toBe(kind);
    if (by) expect(r?.by).toBe(by);
    if (verdict) expect(r?.verdict).toBe(verdict);
    expect(r?.source.length).toBeGreaterThan(0);
  });

  it.each([
    { s: sub("GatewaySubnet", "10.0.1.0/27"), says: "/27 meets the /29 minimum" },
    { s: sub("GatewaySubnet", "10.0.1.0/28"), says: "/28 meets the /29 minimum, below the /27 Microsoft recommends" },
    { s: sub("GatewaySubnet", "10.0.1.0/29"), says: "/29 meets the /29 minimum, below the /27 Microsoft recommends" },
    { s: sub("AzureFirewallSubnet", "10.0.1.0/24"), says: "/24 meets the /26 minimum" },
    { s: sub("AzureFirewallManagementSubnet", "10.0.1.0/26"), says: "/26 meets the /26 minimum" },
    // aksnet's own default for private endpoints (/27 for 27 endpoints) is no recommendation of Microsoft's.
    { s: sub("pe", "10.0.5.0/28", { privateEndpoints: 3 }), says: "/28 meets the /29 minimum" },
  ])("$s.name $s.prefixes.0 says: $says", ({ s, says }) => {
    const r = one(s)!;
    expect(r.verdict).toBe("ok");
    expect(r.message).toBe(`${r.title} (by its ${r.by === "name" ? "name" : "private endpoints"}): ${says}`);
  });

  it.each([
    { what: "a plain subnet", s: sub("other", "10.0.6.0/24") },
    {
      what: "a wrongly cased reserved name (Azure requires the exact name)",
      s: sub("azurefirewallsubnet", "10.0.1.0/26"),
    },
    { what: "a subnet without private endpoints", s: sub("pe", "10.0.5.0/28", { privateEndpoints: 0 }) },
  ])("$what is left out", ({ s }) => {
    expect(one(s)).toBeUndefined();
  });

  it("only the VNets holding one of the cluster's subnets, never those subnets themselves", () => {
    const other: EstateVnet = { ...vnet([sub("AzureFirewallSubnet", "10.9.0.0/26")]), id: `${V}2`, name: "vnet2" };
    const fw = sub("AzureFirewallSubnet", "10.0.1.0/26");
    const apiNodes = sub("api", "10.0.3.0/28", { delegations: ["Microsoft.ContainerService/managedClusters"] });
    const r = vnetSubnetsOf([vnet([NODES, fw, apiNodes]), other], [NODES.id, apiNodes.id.toUpperCase()]);
    expect(r.map((x) => `${x.vnet}/${x.name}`)).toEqual(["vnet/AzureFirewallSubnet"]);
  });

  it("Azure's usage figures when read; none for a GatewaySubnet (limit -1)", () => {
    const fw = one(sub("AzureFirewallSubnet", "10.0.1.0/26", { usage: { used: 4, limit: 59 } }));
    expect(fw).toMatchObject({ used: 4, usable: 59 });
    expect(fw?.message).toMatch(/4 of 59 used/);
    expect(one(sub("GatewaySubnet", "10.0.1.0/27", { usage: { used: 0, limit: -1 } }))).toMatchObject({ used: null });
  });

  it("a library caller's malformed input is skipped, never a throw", () => {
    const junk = [null, { name: "x" }, { ...vnet([NODES]), subnets: [null, 3] }] as unknown as EstateVnet[];
    expect(() => vnetSubnetsOf(junk, [NODES.id])).not.toThrow();
  });

  it.each([
    { what: "az aks show (flattened)", record: { addonProfiles: { ingressApplicationGateway: AGIC } } },
    { what: "ARM (properties)", record: { properties: { addonProfiles: { ingressApplicationGateway: AGIC } } } },
  ])("AGIC's subnet, which no name or delegation marks, is told by the cluster's record: $what", ({ record }) => {
    const appgw = sub("appgw", "10.0.7.0/24");
    const r = vnetSubnetsOf([vnet([NODES, appgw])], [NODES.id], recordSubnetRoles(record));
    expect(r).toMatchObject([{ name: "appgw", kind: "applicationGateway", by: "record", verdict: "ok" }]);
    expect(vnetSubnetsOf([vnet([NODES, appgw])], [NODES.id])).toEqual([]);
  });

  it.each([null, 3, { addonProfiles: { ingressApplicationGateway: { ...AGIC, enabled: false } } }])(
    "no roles from %j",
    (record) => expect(recordSubnetRoles(record).size).toBe(0),
  );
});
