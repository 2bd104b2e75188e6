import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EstateBuilder } from "./estate.js";
import { clusterOf, kindOf, parseResourceId, subnetRowOf, usageOf, vnetIdOf, vnetOf } from "./records.js";

const FIX = join(import.meta.dirname, "fixtures");
const fixture = (f: string): unknown => JSON.parse(readFileSync(join(FIX, f), "utf8"));
const SUBNET =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/clitest000001" +
  "/providers/Microsoft.Network/virtualNetworks/cliakstest000003/subnets/aks-subnet";

describe("records: every shape Azure writes a kind in", () => {
  it("reads the recorded AKS record (ARM shape, lower-case resourcegroups in its ID)", () => {
    const c = clusterOf(fixture("arm-cluster-kubenet-byo-subnet.json"))!;
    expect(c).toMatchObject({
      name: "cliakstest000002",
      subscriptionId: "00000000-0000-0000-0000-000000000000",
      resourceGroup: "clitest000001",
      location: "westus2",
      nodeResourceGroup: "MC_clitest000001_cliakstest000002_westus2",
      provisioningState: "Succeeded",
      powerState: "Running",
    });
    expect(c.pools).toEqual([
      {
        name: "nodepool1",
        subnetId: SUBNET,
        podSubnetId: undefined,
        powerState: "Running",
        provisioningState: "Succeeded",
      },
    ]);
  });

  it.each([
    {
      name: "az aks list (flattened, SDK casing)",
      row: {
        id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c",
        name: "c",
        resourceGroup: "rg",
        agentPoolProfiles: [
          { name: "np", vnetSubnetId: "/x/subnets/a", podSubnetId: "/x/subnets/p", powerState: { code: "Stopped" } },
        ],
      },
      pool: { name: "np", subnetId: "/x/subnets/a", podSubnetId: "/x/subnets/p", powerState: "Stopped" },
    },
    {
      name: "a Resource Graph row (ARM shape plus resourceGroup, subscriptionId)",
      row: {
        id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c",
        name: "c",
        type: "microsoft.containerservice/managedclusters",
        resourceGroup: "rg",
        subscriptionId: "s",
        properties: { agentPoolProfiles: [{ name: "np", vnetSubnetID: "/x/subnets/a" }] },
      },
      pool: { name: "np", subnetId: "/x/subnets/a" },
    },
  ])("reads $name", ({ row, pool }) => {
    expect(kindOf(row)).toBe("cluster");
    expect(clusterOf(row)!.pools[0]).toMatchObject(pool);
  });

  it("reads the recorded VNet and az's flattened VNet the same", () => {
    const arm = vnetOf(fixture("arm-vnet-byo-subnet.json"))!;
    expect(arm).toMatchObject({ name: "cliakstest000003", addressSpace: ["11.0.0.0/16"], peerings: [] });
    expect(arm.subnets).toEqual([{ id: SUBNET, name: "aks-subnet", prefixes: ["11.0.0.0/24"], delegations: [] }]);
    const az = vnetOf({
      id: arm.id,
      name: arm.name,
      resourceGroup: "clitest000001",
      addressSpace: { addressPrefixes: ["11.0.0.0/16"] },
      subnets: [
        { id: SUBNET, name: "aks-subnet", addressPrefix: "11.0.0.0/24", ipConfigurations: [{ id: "a" }, { id: "b" }] },
        {
          id: `${arm.id}/subnets/aci`,
          name: "aci",
          addressPrefixes: ["11.0.1.0/24"],
          delegations: [{ serviceName: "Microsoft.ContainerInstance/containerGroups" }],
        },
      ],
      virtualNetworkPeerings: [{ name: "to-hub", remoteAddressSpace: { addressPrefixes: ["10.0.0.0/16"] } }],
    })!;
    expect(az.subnets[0]).toMatchObject({ prefixes: ["11.0.0.0/24"], ipConfigurations: 2 });
    expect(az.subnets[1]!.delegations).toEqual(["Microsoft.ContainerInstance/containerGroups"]);
    expect(az.peerings).toEqual([{ name: "to-hub", remoteAddressSpace: ["10.0.0.0/16"] }]);
  });

  it("reads the scan's subnet rows and the REST usage sample", () => {
    expect(
      subnetRowOf({
        vnetId: "/v",
        subnetId: "/v/subnets/s",
        name: "s",
        addressPrefix: "10.0.0.0/24",
        ipConfigurations: 7,
      }),
    ).toEqual({
      vnetId: "/v",
      subnet: { id: "/v/subnets/s", name: "s", prefixes: ["10.0.0.0/24"], delegations: [], ipConfigurations: 7 },
    });
    expect(
      subnetRowOf({ vnetId: "/v", subnetId: "/v/subnets/pe", addressPrefix: "10.0.1.0/24", privateEndpoints: 3 })
        ?.subnet.privateEndpoints,
    ).toBe(3);
    expect(subnetRowOf({ vnetId: "/v", subnetId: "/v/subnets/s", privateEndpoints: null })?.subnet).not.toHaveProperty(
      "privateEndpoints",
    );
    const sample = (fixture("vnet-usages-rest-sample.json") as { value: unknown[] }).value;
    expect(sample.map(usageOf)).toEqual([
      { subnetId: expect.stringMatching(/GatewaySubnet$/), usage: { used: -1, limit: -1 } },
      { subnetId: expect.stringMatching(/newSubnet$/), usage: { used: 2, limit: 3 } },
    ]);
  });

  it.each([
    { name: "another usage name", row: { id: `${SUBNET}`, currentValue: 1, limit: 2, name: { value: "Other" } } },
    { name: "an ID that is not a subnet", row: { id: "/subscriptions/s", currentValue: 1, limit: 2 } },
    { name: "a fractional count", row: { id: SUBNET, currentValue: 1.5, limit: 2 } },
    { name: "a count below -1", row: { id: SUBNET, currentValue: -7, limit: 2 } },
  ])("refuses a usage entry with $name", ({ row }) => expect(usageOf(row)).toBeUndefined());

  it.each([
    {
      id: SUBNET,
      want: {
        subscriptionId: "00000000-0000-0000-0000-000000000000",
        resourceGroup: "clitest000001",
        name: "cliakstest000003",
      },
    },
    {
      id: "/subscriptions/s/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/c",
      want: { subscriptionId: "s", resourceGroup: "rg", name: "c" },
    },
    { id: "not an id", want: undefined },
    { id: 42, want: undefined },
  ])("parseResourceId($id)", ({ id, want }) => expect(parseResourceId(id)).toEqual(want));

  it("vnetIdOf takes a subnet ID to its VNet", () => {
    expect(vnetIdOf(SUBNET)).toBe(SUBNET.replace(/\/subnets\/aks-subnet$/, ""));
    expect(vnetIdOf("/subscriptions/s")).toBeUndefined();
  });
});

describe("EstateBuilder", () => {
  it("merges the recorded cluster, VNet and a usage list into one snapshot", () => {
    const b = new EstateBuilder();
    b.add(fixture("arm-cluster-kubenet-byo-subnet.json"));
    b.add(fixture("arm-vnet-byo-subnet.json"));
    for (const u of fixture("az-vnet-list-usage-byo-subnet.json") as unknown[]) b.add(u);
    const { snapshot, records } = b.build();
    expect(snapshot.clusters).toHaveLength(1);
    expect(records.size).toBe(1);
    expect(snapshot.vnets[0]!.subnets[0]).toMatchObject({ name: "aks-subnet", usage: { used: 4, limit: 251 } });
    expect(snapshot.missing).toEqual([]);
  });

  it("says which subnets Resource Graph's mv-expand left out", () => {
    const b = new EstateBuilder();
    b.add({
      id: "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/big",
      name: "big",
      type: "Microsoft.Network/virtualNetworks",
      addressSpace: { addressPrefixes: ["10.0.0.0/8"] },
      subnetCount: 450,
    });
    for (let i = 0; i < 400; i++)
      b.add({
        vnetId: "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/big",
        subnetId: `/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/big/subnets/s${i}`,
        name: `s${i}`,
      });
    const { snapshot } = b.build();
    expect(snapshot.vnets[0]!.subnets).toHaveLength(400);
    expect(snapshot.missing).toEqual([expect.objectContaining({ what: "50 of the 450 subnets of VNet big" })]);
  });

  it("keeps a subnet known only from a usage entry", () => {
    const b = new EstateBuilder();
    for (const u of fixture("az-vnet-list-usage-byo-subnet.json") as unknown[]) b.add(u);
    const v = b.build().snapshot.vnets[0]!;
    expect(v.name).toBe("cliakstest000003");
    expect(v.subnets).toEqual([
      { id: SUBNET, name: "aks-subnet", prefixes: [], delegations: [], usage: { used: 4, limit: 251 } },
    ]);
  });
});
