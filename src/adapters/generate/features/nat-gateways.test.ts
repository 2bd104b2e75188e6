import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { PlanSchema, type PlanInput } from "../../../engines/schema/schema.js";
import { generate } from "../index.js";
import { runWithAzStub } from "../testing/az-stub.js";

type Vnet = NonNullable<PlanInput["vnet"]>;
const nat = (patch: Partial<Vnet> = {}): PlanInput => ({
  name: "aks",
  resourceGroup: "rg",
  location: "westeurope",
  network: {
    plugin: "azure",
    pluginMode: "overlay",
    podCidrs: ["10.244.0.0/16"],
    outboundType: "userAssignedNATGateway",
  },
  vnet: {
    name: "vnet",
    addressSpace: ["10.224.0.0/16"],
    natGateways: [{ name: "nat-aks", publicIpCount: 2 }],
    subnets: [{ name: "nodes", cidr: "10.224.0.0/22", natGateway: "nat-aks" }],
    ...patch,
  },
  nodePools: [{ name: "system", mode: "System", count: 3, subnet: "nodes" }],
});

const gen = (plan: PlanInput, format: "az" | "bicep" | "terraform", existingVnet = false) => {
  const r = generate(PlanSchema.parse(plan), format, { existingVnet });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.text;
};

describe("a NAT gateway on the node subnet (userAssignedNATGateway)", () => {
  it("az: its public IPs, then the gateway, then the subnet created with it, all before the cluster", () => {
    const calls = runWithAzStub(gen(nat(), "az"));
    const at = (words: string) => calls.findIndex((c) => c.slice(0, words.split(" ").length).join(" ") === words);
    const ips = calls.filter((c) => c.slice(0, 3).join(" ") === "network public-ip create");
    expect(ips.map((c) => c.find((w) => w.startsWith("--name=")))).toEqual([
      "--name=nat-aks-pip1",
      "--name=nat-aks-pip2",
    ]);
    expect(ips[0]).toContain("--sku=Standard");
    expect(calls[at("network nat gateway create")]?.join(" ")).toContain(
      "--public-ip-addresses nat-aks-pip1 nat-aks-pip2",
    );
    expect(calls[at("network vnet subnet create")]).toContain("--nat-gateway=nat-aks");
    expect(at("network public-ip create")).toBeLessThan(at("network nat gateway create"));
    expect(at("network nat gateway create")).toBeLessThan(at("network vnet subnet create"));
    expect(at("network vnet subnet create")).toBeLessThan(at("aks create"));
  });

  it("bicep: publicIPAddresses and natGateways resources the subnet references by id", () => {
    const text = gen(nat(), "bicep");
    expect(text).toMatch(/resource natGateway_nat_aksIp2 'Microsoft\.Network\/publicIPAddresses@2024-05-01' = \{/);
    expect(text).toMatch(/resource natGateway_nat_aks 'Microsoft\.Network\/natGateways@2024-05-01' = \{/);
    expect(text).toMatch(
      /publicIpAddresses: \[\n\s+\{\n\s+id: natGateway_nat_aksIp1\.id\n\s+\}\n\s+\{\n\s+id: natGateway_nat_aksIp2\.id/,
    );
    expect(text).toMatch(/natGateway: \{\n\s+id: natGateway_nat_aks\.id\n/);
  });

  it("terraform: the gateway, its IPs and associations; the cluster waits for the subnet's association", async () => {
    const json = (await parse("main.tf", gen(nat(), "terraform"))) as {
      resource: Record<string, Record<string, { [k: string]: unknown }[]>>;
    };
    expect(Object.keys(json.resource["azurerm_public_ip"] ?? {})).toHaveLength(2);
    expect(Object.keys(json.resource["azurerm_nat_gateway_public_ip_association"] ?? {})).toHaveLength(2);
    expect(json.resource["azurerm_subnet_nat_gateway_association"]?.["nodes"]?.[0]).toEqual({
      subnet_id: "${azurerm_subnet.nodes.id}",
      nat_gateway_id: "${azurerm_nat_gateway.nat_gateway_nat_aks.id}",
    });
    expect(json.resource["azurerm_kubernetes_cluster"]?.["aks"]?.[0]?.["depends_on"]).toEqual([
      "${azurerm_subnet_nat_gateway_association.nodes}",
    ]);
  });

  it.each(["az", "bicep", "terraform"] as const)(
    "%s: an existing VNet keeps its NAT gateways: nothing written",
    (format) => {
      expect(gen(nat(), format, true)).not.toMatch(/nat gateway create|natGateways@|azurerm_nat_gateway/);
    },
  );

  it("a gateway no subnet attaches is not created", () => {
    const text = gen(nat({ subnets: [{ name: "nodes", cidr: "10.224.0.0/22" }] }), "az");
    expect(text).not.toMatch(/nat gateway create/);
  });

  it("a long gateway name still gives public IP names of at most 80 characters, all different", () => {
    const long = `n${"a".repeat(79)}`;
    const calls = runWithAzStub(
      gen(
        nat({
          natGateways: [{ name: long, publicIpCount: 16 }],
          subnets: [{ name: "nodes", cidr: "10.224.0.0/22", natGateway: long }],
        }),
        "az",
      ),
    );
    const names = calls
      .filter((c) => c.slice(0, 3).join(" ") === "network public-ip create")
      .map((c) => (c.find((w) => w.startsWith("--name=")) ?? "").slice("--name=".length));
    expect(names).toHaveLength(16);
    expect(new Set(names).size).toBe(16);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(80);
  });
});

describe("NAT gateway values that are refused, naming the field", () => {
  it.each<{ name: string; patch: Partial<Vnet>; path: string }>([
    {
      name: "a subnet naming a NAT gateway the VNet does not describe",
      patch: { subnets: [{ name: "nodes", cidr: "10.224.0.0/22", natGateway: "nat-missing" }] },
      path: "vnet.subnets[0].natGateway",
    },
    {
      name: "17 public IPs",
      patch: { natGateways: [{ name: "nat-aks", publicIpCount: 17 }] },
      path: "vnet.natGateways[0].publicIpCount",
    },
    {
      name: "an idle timeout of 3 minutes",
      patch: { natGateways: [{ name: "nat-aks", idleTimeoutMinutes: 3 }] },
      path: "vnet.natGateways[0].idleTimeoutMinutes",
    },
    {
      name: "an idle timeout of 121 minutes",
      patch: { natGateways: [{ name: "nat-aks", idleTimeoutMinutes: 121 }] },
      path: "vnet.natGateways[0].idleTimeoutMinutes",
    },
    {
      name: "command substitution in a NAT gateway name",
      patch: {
        natGateways: [{ name: "nat$(id)" }],
        subnets: [{ name: "nodes", cidr: "10.224.0.0/22", natGateway: "nat$(id)" }],
      },
      path: "vnet.natGateways[0].name",
    },
  ])("$name", ({ patch, path }) => {
    for (const format of ["az", "bicep", "terraform"] as const) {
      const r = generate(PlanSchema.parse(nat(patch)), format);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.path)).toContain(path);
    }
  });
});
