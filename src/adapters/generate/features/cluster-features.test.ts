import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { PlanSchema, type PlanInput } from "../../../engines/schema/schema.js";
import { generate } from "../index.js";
import { azCommands } from "../testing/az-args.js";
import { ARM_BODY_NAMES } from "../testing/azurerm-attributes.js";

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

  it("terraform: api_server_access_profile and private_cluster_enabled; an existing VNet's subnet read", async () => {
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

  it("terraform: azapi turns the feature on and adds the agent pool; azurerm writes no Gateway pool", async () => {
    const r = text(gw(30), "terraform");
    expect(r.text).toMatch(/azapi = \{\n\s+source {2}= "Azure\/azapi"\n\s+version = ">= 2\.0\.1, < 3\.0\.0"/);
    expect(r.notes[0]).toMatch(/and the azapi provider >= 2\.0\.1, < 3\.0\.0 \(static egress gateway pools\)/);
    const json = await tf(gw(30));
    const update = json.resource["azapi_update_resource"]?.["static_egress_gateway"]?.[0];
    expect(update?.["type"]).toBe("Microsoft.ContainerService/managedClusters@2026-04-01");
    expect(update?.["resource_id"]).toBe("${azurerm_kubernetes_cluster.aks.id}");
    expect(update?.["body"]).toEqual({
      properties: { networkProfile: { staticEgressGatewayProfile: { enabled: true } } },
    });
    const pool = json.resource["azapi_resource"]?.["gateway_egress"]?.[0];
    expect(pool?.["type"]).toBe("Microsoft.ContainerService/managedClusters/agentPools@2026-04-01");
    expect(pool?.["parent_id"]).toBe("${azurerm_kubernetes_cluster.aks.id}");
    expect(pool?.["depends_on"]).toEqual(["${azapi_update_resource.static_egress_gateway}"]);
    expect(pool?.["body"]).toEqual({
      properties: {
        mode: "Gateway",
        vmSize: "${var.node_vm_size}",
        osType: "Linux",
        count: 2,
        vnetSubnetID: "${azurerm_subnet.egress.id}",
        gatewayProfile: { publicIPPrefixSize: 30 },
      },
    });
    expect(json.resource["azurerm_kubernetes_cluster_node_pool"]).toBeUndefined();
  });

  it("terraform: every property of the azapi bodies is an ARM name of the 2026-04-01 API", async () => {
    const json = await tf(gw(31));
    const bodies = [
      ...Object.values(json.resource["azapi_resource"] ?? {}).map((b) => ["agentPool", b[0]?.["body"]] as const),
      ...Object.values(json.resource["azapi_update_resource"] ?? {}).map((b) => ["cluster", b[0]?.["body"]] as const),
    ];
    const walk = (kind: string, v: unknown): string[] => {
      if (typeof v !== "object" || v === null) return [];
      return Object.entries(v).flatMap(([k, x]) => [
        ...(ARM_BODY_NAMES[kind]?.includes(k) ? [] : [`${kind}.${k}`]),
        ...(typeof x === "object" && x !== null && !Array.isArray(x) ? walk(k, x) : []),
      ]);
    };
    expect(bodies.length).toBe(2);
    for (const [kind, body] of bodies) {
      const props = (body as { properties?: unknown }).properties;
      expect(walk(kind, props)).toEqual([]);
    }
  });

  it("a pool without a prefix size leaves it to AKS", () => {
    const add = azCommands(text(gw(), "az").text).find((c) => c.words.join(" ") === "az aks nodepool add");
    expect(add?.flags.has("--gateway-prefix-size")).toBe(false);
  });

  const privateMode = () => {
    const plan = gw(30);
    return {
      ...plan,
      kubernetesVersion: "1.34",
      nodePools: plan.nodePools?.map((p) =>
        p.mode === "Gateway" ? { ...p, vmSetType: "VirtualMachines" as const } : p,
      ),
    };
  };

  it("private-IP mode (vmSetType VirtualMachines) is written in every format, with the preview notice", () => {
    for (const format of ["az", "bicep", "terraform"] as const) {
      const r = generate(PlanSchema.parse(privateMode()), format);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      expect(r.notes.join("\n")).toMatch(
        /nodePools\[1\]\.vmSetType VirtualMachines: .*calls it a preview .*1\.34 .*provisionPublicIps: false.*route out/,
      );
    }
    const add = azCommands(text(privateMode(), "az").text).find((c) => c.words.join(" ") === "az aks nodepool add");
    expect([add?.flags.get("--mode"), add?.flags.get("--vm-set-type")]).toEqual(["Gateway", "VirtualMachines"]);
    expect(text(privateMode(), "az").text).toMatch(/az CLI 2\.85\.0 or later/);
  });

  it("private-IP mode: ARM type VirtualMachines with the size and count in virtualMachinesProfile", async () => {
    const bicep = text(privateMode(), "bicep").text;
    expect(bicep).toMatch(/type: 'VirtualMachines'\n\s+virtualMachinesProfile: \{\n\s+scale: \{\n\s+manual: \[/);
    expect(bicep.slice(bicep.indexOf("resource gatewayPool1"))).not.toMatch(/\n {4}(count|vmSize):/);
    expect(bicep).toContain("param gatewayVmSize string = 'Standard_D4ds_v5'");
    expect(bicep).toMatch(/manual: \[\n\s+\{\n\s+size: gatewayVmSize\n\s+count: 2\n/);
    expect(text(gw(30), "bicep").text).not.toContain("gatewayVmSize");
    const json = await tf(privateMode());
    expect(json.resource["azapi_resource"]?.["gateway_egress"]?.[0]?.["body"]).toEqual({
      properties: {
        mode: "Gateway",
        type: "VirtualMachines",
        osType: "Linux",
        virtualMachinesProfile: { scale: { manual: [{ size: "${var.node_vm_size}", count: 2 }] } },
        vnetSubnetID: "${azurerm_subnet.egress.id}",
        gatewayProfile: { publicIPPrefixSize: 30 },
      },
    });
  });

  it("another pool's VirtualMachines type is refused in every format, not written as a scale set", () => {
    const plan = gw(30);
    const other = {
      ...plan,
      nodePools: plan.nodePools?.map((p) =>
        p.mode === "System" ? { ...p, vmSetType: "VirtualMachines" as const } : p,
      ),
    };
    for (const format of ["az", "bicep", "terraform"] as const) {
      const r = generate(PlanSchema.parse(other), format);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.problems.find((p) => p.path === "nodePools[0].vmSetType")?.reason).toMatch(
          /VM set type of gateway pools only.*--vm-set-type VirtualMachines/,
        );
    }
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

  it("az: one --enable-addons list (az keeps the last repeated flag), the ACI subnet by name, AGIC's by ID", () => {
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
  const auto = (patch: Partial<PlanInput> = {}) =>
    base({
      sku: { name: "Automatic" },
      network: {},
      nodePools: [],
      apiServer: { subnet: "apiserver" },
      hostedSystem: { systemNodeSubnet: "egress", nodeSubnet: "nodes" },
      ...patch,
    });

  it("az: an identity with Network Contributor on the VNet, then az aks create --sku automatic, three subnets", () => {
    const r = text(auto(), "az");
    const cmds = azCommands(r.text);
    const c = cmds.find((x) => x.words.join(" ") === "az aks create");
    expect(c?.flags.get("--sku")).toBe("automatic");
    expect(c?.flags.get("--enable-hosted-system")).toBe(true);
    expect(c?.flags.get("--apiserver-subnet-id")).toBe("<SUBNET_APISERVER_ID>");
    expect(c?.flags.get("--node-subnet-id")).toBe("<SUBNET_NODES_ID>");
    expect(c?.flags.get("--system-node-subnet-id")).toBe("<SUBNET_EGRESS_ID>");
    expect(c?.flags.get("--assign-identity")).toBe("<IDENTITY_ID>");
    for (const f of ["--network-plugin", "--nodepool-name", "--node-count"]) expect(c?.flags.has(f)).toBe(false);
    const role = cmds.find((x) => x.words.join(" ") === "az role assignment create");
    expect(role?.flags.get("--role")).toBe("Network Contributor");
    expect(role?.flags.get("--scope")).toBe("<VNET_ID>");
    expect(r.text).toMatch(/needs the az CLI 2\.86\.0 or later, for AKS Automatic in a custom VNet/);
    expect(cmds.some((x) => x.words.join(" ") === "az aks nodepool add")).toBe(false);
  });

  it("bicep: sku Automatic, a user-assigned identity, apiServerAccessProfile.subnetId and hostedSystemProfile", () => {
    const t = text(auto(), "bicep").text;
    expect(t).toMatch(/sku: \{\n\s+name: 'Automatic'\n\s+tier: 'Standard'/);
    expect(t).toMatch(/userAssignedIdentities: \{\n\s+'\$\{identity\.id\}': \{\}/);
    expect(t).toMatch(/apiServerAccessProfile: \{\n\s+subnetId: '\$\{vnet\.id\}\/subnets\/apiserver'/);
    expect(t).toMatch(
      /hostedSystemProfile: \{\n\s+enabled: true\n\s+systemNodeSubnetID: '\$\{vnet\.id\}\/subnets\/egress'\n\s+nodeSubnetID: '\$\{vnet\.id\}\/subnets\/nodes'/,
    );
    expect(t).toMatch(/resource networkContributor 'Microsoft\.Authorization\/roleAssignments@2022-04-01'/);
    expect(t).not.toMatch(/agentPoolProfiles|networkPlugin/);
  });

  it("terraform: azurerm_kubernetes_automatic_cluster (azurerm >= 4.81.0) with a UserAssigned identity", async () => {
    const r = text(auto(), "terraform");
    expect(r.text).toContain('version = ">= 4.81.0, < 6.0.0"');
    const json = await tf(auto());
    const c = json.resource["azurerm_kubernetes_automatic_cluster"]?.["aks"]?.[0];
    expect(c?.["identity"]).toEqual([
      { type: "UserAssigned", identity_ids: ["${azurerm_user_assigned_identity.aks.id}"] },
    ]);
    expect(c?.["api_server_access"]).toEqual([{ subnet_id: "${azurerm_subnet.apiserver.id}" }]);
    expect(c?.["hosted_system"]).toEqual([
      { node_subnet_id: "${azurerm_subnet.nodes.id}", system_node_subnet_id: "${azurerm_subnet.egress.id}" },
    ]);
    expect(json.resource["azurerm_role_assignment"]?.["network_contributor"]?.[0]?.["scope"]).toBe(
      "${azurerm_virtual_network.vnet.id}",
    );
    expect(json.resource["azurerm_kubernetes_cluster"]).toBeUndefined();
    expect(json.resource["azurerm_subnet"]?.["egress"]?.[0]?.["lifecycle"]).toEqual([
      { ignore_changes: ["${delegation}"] },
    ]);
  });

  it("terraform: the network values azurerm's resource has no argument for are refused, naming each", () => {
    const plan = auto({
      kubernetesVersion: "1.34",
      network: { serviceCidrs: ["10.0.0.0/16"], outboundType: "loadBalancer" },
    });
    const r = generate(PlanSchema.parse(plan), "terraform");
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => p.path)).toEqual([
        "network.serviceCidrs",
        "network.outboundType",
        "kubernetesVersion",
      ]);
    const az = text(plan, "az");
    expect(
      azCommands(az.text)
        .find((x) => x.words.join(" ") === "az aks create")
        ?.flags.get("--service-cidr"),
    ).toBe("10.0.0.0/16");
  });

  it.each([
    { name: "without a vnet section", patch: { vnet: undefined }, paths: ["sku.name"] },
    {
      name: "with node pools",
      patch: { nodePools: [{ name: "system", mode: "System" as const }] },
      paths: ["nodePools"],
    },
    {
      name: "without its subnets",
      patch: { apiServer: undefined, hostedSystem: undefined },
      paths: ["apiServer.subnet", "hostedSystem.systemNodeSubnet", "hostedSystem.nodeSubnet"],
    },
    { name: "with an add-on", patch: { addons: { virtualNodes: { subnet: "aci" } } }, paths: ["addons.virtualNodes"] },
    { name: "with a subnet the VNet lacks", patch: { apiServer: { subnet: "nope" } }, paths: ["apiServer.subnet"] },
  ])("refused in every format $name, naming the field", ({ patch, paths }) => {
    for (const format of ["az", "bicep", "terraform"] as const) {
      const r = generate(PlanSchema.parse(auto(patch as Partial<PlanInput>)), format);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(paths);
    }
  });
});
