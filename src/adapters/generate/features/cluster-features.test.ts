import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { PlanSchema, type PlanInput } from "../../../engines/plan/schema.js";
import { generate } from "../index.js";
import { azCommands } from "../testing/az-args.js";

const base = (patch: Partial<PlanInput> = {}): PlanInput => ({
  name: "aks",
  resourceGroup: "rg",
  location: "westeurope",
  network: { plugin: "azure", pluginMode: "overlay", dataplane: "cilium", podCidrs: ["10.244.0.0/16"] },
  vnet: {
    name: "vnet",
    addressSpace: ["10.224.0.0/16"],
    subnets: [
      { name: "nodes", cidr: "10.224.0.0/22" },
      { name: "apiserver", cidr: "10.224.4.0/28" },
      { name: "egress", cidr: "10.224.4.32/29" },
      { name: "aci", cidr: "10.224.5.0/24" },
      { name: "appgw", cidr: "10.224.6.0/24" },
      { name: "agc", cidr: "10.224.7.0/24" },
    ],
  },
  nodePools: [{ name: "system", mode: "System", count: 3, subnet: "nodes" }],
  ...patch,
});

const text = (plan: PlanInput, format: "az" | "bicep" | "terraform", existingVnet = false) => {
  const r = generate(PlanSchema.parse(plan), format, { existingVnet });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};
const create = (plan: PlanInput) =>
  azCommands(text(plan, "az").text).find((c) => c.words.join(" ") === "az aks create");
const tf = async (plan: PlanInput, existingVnet = false) =>
  (await parse("main.tf", text(plan, "terraform", existingVnet).text)) as {
    resource: Record<string, Record<string, Record<string, unknown>[]>>;
    data?: Record<string, Record<string, Record<string, unknown>[]>>;
  };

describe("API Server VNet Integration", () => {
  const plan = base({ apiServer: { vnetIntegration: true, subnet: "apiserver", private: true } });

  it("az: the three flags of az aks create, the subnet by its resource ID", () => {
    const c = create(plan);
    expect(c?.flags.get("--enable-apiserver-vnet-integration")).toBe(true);
    expect(c?.flags.get("--apiserver-subnet-id")).toBe("<SUBNET_APISERVER_ID>");
    expect(c?.flags.get("--enable-private-cluster")).toBe(true);
  });

  it("the subnet gets the delegation AKS needs, and the output says it was assumed", () => {
    const r = text(plan, "az");
    const sub = azCommands(r.text).find(
      (c) => c.words.join(" ") === "az network vnet subnet create" && c.flags.get("--name") === "apiserver",
    );
    expect(sub?.flags.get("--delegations")).toBe("Microsoft.ContainerService/managedClusters");
    expect(r.notes.join("\n")).toMatch(
      /vnet\.subnets\[1\]\.delegation is not set: Microsoft\.ContainerService\/managedClusters/,
    );
    expect(r.notes.join("\n")).toMatch(/az CLI 2\.73\.0 or later, for API Server VNet Integration/);
  });

  it("bicep: apiServerAccessProfile with the subnet's id", () => {
    const t = text(plan, "bicep").text;
    expect(t).toMatch(
      /apiServerAccessProfile: \{\n\s+enableVnetIntegration: true\n\s+subnetId: '\$\{vnet\.id\}\/subnets\/apiserver'\n\s+enablePrivateCluster: true\n/,
    );
  });

  it("terraform: api_server_access_profile and private_cluster_enabled; an existing VNet's subnet is read", async () => {
    const json = await tf(plan);
    const aks = json.resource["azurerm_kubernetes_cluster"]?.["aks"]?.[0];
    expect(aks?.["private_cluster_enabled"]).toBe(true);
    expect(aks?.["api_server_access_profile"]).toEqual([
      { virtual_network_integration_enabled: true, subnet_id: "${azurerm_subnet.apiserver.id}" },
    ]);
    const existing = await tf(plan, true);
    expect(existing.data?.["azurerm_subnet"]?.["apiserver"]).toBeDefined();
  });

  it("a subnet named without vnetIntegration is not given to the cluster, and the output says so", () => {
    const r = text(base({ apiServer: { subnet: "apiserver" } }), "az");
    expect(create(base({ apiServer: { subnet: "apiserver" } }))?.flags.has("--apiserver-subnet-id")).toBe(false);
    expect(r.notes.join("\n")).toMatch(/apiServer\.vnetIntegration is not on/);
  });

  it("a subnet the VNet does not have is refused, naming apiServer.subnet", () => {
    const r = generate(PlanSchema.parse(base({ apiServer: { vnetIntegration: true, subnet: "nope" } })), "az");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(["apiServer.subnet"]);
  });
});

describe("static egress gateway pools", () => {
  const gw = (prefix?: number) =>
    base({
      nodePools: [
        { name: "system", mode: "System", count: 3, subnet: "nodes" },
        {
          name: "egress",
          mode: "Gateway",
          count: 2,
          subnet: "egress",
          ...(prefix !== undefined ? { gatewayPrefixSize: prefix } : {}),
        },
      ],
    });

  it("az: the cluster turns the feature on, the pool is added with mode Gateway and its prefix size", () => {
    const cmds = azCommands(text(gw(30), "az").text);
    expect(cmds.find((c) => c.words.join(" ") === "az aks create")?.flags.get("--enable-static-egress-gateway")).toBe(
      true,
    );
    const add = cmds.find((c) => c.words.join(" ") === "az aks nodepool add");
    expect(add?.flags.get("--mode")).toBe("Gateway");
    expect(add?.flags.get("--gateway-prefix-size")).toBe("30");
  });

  it("bicep: the network profile turns it on and the pool is a child resource after the cluster", () => {
    const t = text(gw(31), "bicep").text;
    expect(t).toMatch(/staticEgressGatewayProfile: \{\n\s+enabled: true/);
    expect(t).toMatch(
      /resource gatewayPool1 'Microsoft\.ContainerService\/managedClusters\/agentPools@2026-04-01' = \{\n\s+parent: aks\n\s+name: 'egress'/,
    );
    expect(t).toMatch(/gatewayProfile: \{\n\s+publicIPPrefixSize: 31/);
    expect(t.slice(t.indexOf("agentPoolProfiles"), t.indexOf("resource gatewayPool1"))).not.toMatch(/'egress'/);
  });

  it("terraform is refused in one sentence naming the pool's mode (azurerm has no Gateway mode)", () => {
    const r = generate(PlanSchema.parse(gw(30)), "terraform");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.path)).toEqual(["nodePools[1].mode"]);
      expect(r.problems[0]?.reason).toMatch(
        /azurerm provider .* has no argument for static egress gateway pools; generate the az script or Bicep instead/,
      );
    }
  });

  it("a pool without a prefix size leaves it to AKS", () => {
    const add = azCommands(text(gw(), "az").text).find((c) => c.words.join(" ") === "az aks nodepool add");
    expect(add?.flags.has("--gateway-prefix-size")).toBe(false);
  });

  it.each([27, 32, 0])("prefix size %i is refused in every format", (prefix) => {
    for (const format of ["az", "bicep", "terraform"] as const) {
      const r = generate(PlanSchema.parse(gw(prefix)), format);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.path)).toContain("nodePools[1].gatewayPrefixSize");
    }
  });
});

describe("node auto-provisioning", () => {
  const plan = base({ nodeProvisioning: { mode: "Auto", pools: [{ name: "default", maxNodes: 50 }] } });

  it("az: --node-provisioning-mode Auto, and after the cluster what to apply and the SubnetIsFull warning", () => {
    const r = text(plan, "az");
    expect(create(plan)?.flags.get("--node-provisioning-mode")).toBe("Auto");
    expect(r.text).toMatch(/# .*skips ARM's up-front\n# subnet check: .*SubnetIsFull/);
    expect(r.notes.join("\n")).toMatch(/az CLI 2\.76\.0 or later, for node auto-provisioning/);
  });

  it("bicep: nodeProvisioningProfile.mode Auto", () => {
    expect(text(plan, "bicep").text).toMatch(/nodeProvisioningProfile: \{\n\s+mode: 'Auto'\n/);
  });

  it("terraform: the one node_provisioning_profile block says Auto", async () => {
    const aks = (await tf(plan)).resource["azurerm_kubernetes_cluster"]?.["aks"]?.[0];
    expect(aks?.["node_provisioning_profile"]).toEqual([{ mode: "Auto" }]);
  });

  it("without nodeProvisioning nothing is written but Terraform's required Manual block", async () => {
    expect(create(base())?.flags.has("--node-provisioning-mode")).toBe(false);
    expect(text(base(), "bicep").text).not.toMatch(/nodeProvisioningProfile/);
    const aks = (await tf(base())).resource["azurerm_kubernetes_cluster"]?.["aks"]?.[0];
    expect(aks?.["node_provisioning_profile"]).toEqual([{ mode: "Manual" }]);
  });
});

describe("add-ons with a subnet", () => {
  const plan = base({
    network: { plugin: "azure" },
    addons: {
      virtualNodes: { subnet: "aci" },
      applicationGateway: { subnet: "appgw" },
      applicationGatewayForContainers: { subnet: "agc" },
    },
  });

  it("az: one --enable-addons list (az keeps only the last of a repeated flag), the ACI subnet by name, AGIC's by ID", () => {
    const c = create(plan);
    expect(c?.flags.get("--enable-addons")).toBe("virtual-node,ingress-appgw");
    expect(c?.flags.get("--aci-subnet-name")).toBe("aci");
    expect(c?.flags.get("--appgw-subnet-id")).toBe("<SUBNET_APPGW_ID>");
    expect(text(plan, "az").text.match(/--enable-addons/g)).toHaveLength(1);
  });

  it("the ACI and AGC subnets get their delegations; the Application Gateway subnet none", () => {
    const subs = azCommands(text(plan, "az").text).filter((c) => c.words.join(" ") === "az network vnet subnet create");
    const del = (n: string) => subs.find((c) => c.flags.get("--name") === n)?.flags.get("--delegations");
    expect(del("aci")).toBe("Microsoft.ContainerInstance/containerGroups");
    expect(del("agc")).toBe("Microsoft.ServiceNetworking/trafficControllers");
    expect(del("appgw")).toBeUndefined();
  });

  it("bicep: aciConnectorLinux (SubnetName) and ingressApplicationGateway (subnetId)", () => {
    const t = text(plan, "bicep").text;
    expect(t).toMatch(/aciConnectorLinux: \{\n\s+enabled: true\n\s+config: \{\n\s+SubnetName: 'aci'/);
    expect(t).toMatch(
      /ingressApplicationGateway: \{\n\s+enabled: true\n\s+config: \{\n\s+subnetId: '\$\{vnet\.id\}\/subnets\/appgw'/,
    );
  });

  it("terraform: aci_connector_linux and ingress_application_gateway blocks", async () => {
    const aks = (await tf(plan)).resource["azurerm_kubernetes_cluster"]?.["aks"]?.[0];
    expect(aks?.["aci_connector_linux"]).toEqual([{ subnet_name: "${azurerm_subnet.aci.name}" }]);
    expect(aks?.["ingress_application_gateway"]).toEqual([{ subnet_id: "${azurerm_subnet.appgw.id}" }]);
  });

  it.each(["az", "bicep", "terraform"] as const)("%s: says how the AGC itself is created", (format) => {
    expect(text(plan, format).text).toMatch(/Application Gateway for Containers: subnet agc is delegated/);
  });
});

describe("AKS Automatic", () => {
  it.each(["az", "bicep", "terraform"] as const)(
    "%s: refused naming sku.name rather than writing a Standard cluster",
    (format) => {
      const r = generate(PlanSchema.parse(base({ sku: { name: "Automatic" } })), format);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(["sku.name"]);
    },
  );
});
