import { describe, expect, it } from "vitest";
import { gatewayPoolMaxNodes } from "../pools/gateway.js";
import { napReplacementNodes } from "../pools/node-auto-provisioning.js";
import { SUBNET_KIND_IDS, SUBNET_KINDS, subnetKindByDelegation, subnetKindByName } from "./index.js";

describe("subnet kinds", () => {
  it.each(SUBNET_KIND_IDS.map((id) => [id]))("%s: the recommended size lies within the supported sizes", (id) => {
    const k = SUBNET_KINDS[id];
    expect(k.id).toBe(id);
    expect(k.recommendedPrefixLength.value).toBeLessThanOrEqual(k.maxPrefixLength.value);
    expect(k.recommendedPrefixLength.value).toBeGreaterThanOrEqual(k.minPrefixLength.value ?? 2);
    expect(k.maxPrefixLength.value).toBeLessThanOrEqual(29);
  });

  it.each([
    ["AzureFirewallSubnet", "azureFirewall"],
    ["AzureFirewallManagementSubnet", "azureFirewallManagement"],
    ["AzureBastionSubnet", "bastion"],
    ["GatewaySubnet", "virtualNetworkGateway"],
    ["gatewaysubnet", undefined],
    ["aks-nodes", undefined],
  ])("the reserved name %s is kind %s", (name, kind) => {
    expect(subnetKindByName(name)).toBe(kind);
  });

  it.each([
    ["Microsoft.ContainerService/managedClusters", "apiServer"],
    ["microsoft.servicenetworking/trafficcontrollers", "applicationGatewayForContainers"],
    ["Microsoft.ContainerInstance/containerGroups", "virtualNodes"],
    ["Microsoft.Web/serverFarms", undefined],
  ])("the delegation %s is kind %s", (delegation, kind) => {
    expect(subnetKindByDelegation(delegation)).toBe(kind);
  });
});

describe("pool kinds", () => {
  it.each([
    [28, 16],
    [29, 8],
    [30, 4],
    [31, 2],
  ])("a gateway pool with a /%i public IP prefix has at most %i nodes", (bits, nodes) => {
    expect(gatewayPoolMaxNodes(bits)).toBe(nodes);
  });

  it.each([
    [0, 10, 0],
    [1, 10, 1],
    [10, 10, 1],
    [11, 10, 2],
    [100, 10, 10],
    [50, 20, 10],
    [Number.NaN, 10, 0],
  ])("NAP replaces at most ceil(%i × %i%%) = %i nodes at once", (nodes, pct, want) => {
    expect(napReplacementNodes(nodes, pct)).toBe(want);
  });
});
