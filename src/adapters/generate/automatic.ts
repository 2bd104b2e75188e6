/**
 * AKS Automatic in a custom VNet, for the three generators: a user-assigned identity with Network Contributor on
 * the VNet, then the cluster with the Automatic SKU, the API server subnet (`apiServerAccessProfile.subnetId`) and
 * the system and user node subnets (`hostedSystemProfile`), without node pools or the network fields Automatic
 * fixes (Overlay with Cilium). The plan's pod and service ranges, DNS address and outbound type are written where
 * the tool has a place for them; azurerm's resource has none, so Terraform refuses them (`automaticRefusals`).
 *
 * Sources (`AKS_AUTOMATIC` in the knowledge base, checked 2026-12-07):
 * MicrosoftDocs/azure-aks-docs:articles/aks/automatic/quick-automatic-custom-network.md
 * and Azure-Samples/aks-samples:automatic/custom-network/public/ (sh/create-uami.sh; bicep/aks.bicep,
 * bicep/roleAssignments.bicep); the az flags `az aks create --sku automatic --enable-hosted-system
 * --apiserver-subnet-id --node-subnet-id --system-node-subnet-id --assign-identity` from Azure/azure-cli PR #33259
 * (Azure CLI 2.86.0);
 * hashicorp/terraform-provider-azurerm:website/docs/r/kubernetes_automatic_cluster.html.markdown
 * and internal/services/containers/kubernetes_automatic_cluster_resource.go (`hosted_system` needs a UserAssigned
 * identity and `api_server_access.subnet_id`; it sends `hostedSystemProfile.enabled: true`).
 */
import { AKS_AUTOMATIC, DEPLOY_TARGETS } from "../../kb/index.js";
import type { Arg } from "./az-words.js";
import { command } from "./az-words.js";
import { bexpr, bicepValue, type BicepValue } from "./bicep-writer.js";
import { expr, type HclItem } from "./hcl.js";
import type { GenAutomatic, GenPlan, GenProblem } from "./model.js";
import { dnsPrefixOf } from "./network.js";
import { bicepString, shellQuote } from "./quote.js";

/** Azure's built-in Network Contributor role (its definition ID is the same in every tenant). */
const NETWORK_CONTRIBUTOR_ID = "4d97b98b-1d4f-4787-a291-c67834d212e7";
const ROLE = AKS_AUTOMATIC.userAssignedIdentity.value.role;
const API = DEPLOY_TARGETS.managedClustersApi.value;
/** The `az aks create` flags (Azure CLI 2.86.0, Azure/azure-cli PR #33259). */
const AZ = AKS_AUTOMATIC.az.value;
const WHY_IDENTITY =
  `AKS Automatic in a custom VNet: a user-assigned identity with ${ROLE} on the virtual network ` +
  "(quick-automatic-custom-network.md).";

const identityName = (plan: GenPlan) => `${plan.name}-identity`;

/** The network fields the plan sets that the tools take beside Automatic's fixed model (one range each). */
function networkFields(plan: GenPlan) {
  const n = plan.network;
  return {
    podCidr: n.podCidrs.length === 1 ? n.podCidrs[0] : undefined,
    serviceCidr: n.serviceCidrs.length === 1 ? n.serviceCidrs[0] : undefined,
    dnsServiceIp: n.dnsServiceIp,
    outboundType: n.outboundType,
  };
}

/** Terraform: `azurerm_kubernetes_automatic_cluster` has no network profile; each network value set is refused. */
export function automaticRefusals(plan: GenPlan): GenProblem[] {
  if (!plan.automatic) return [];
  const n = plan.network;
  const out: GenProblem[] = [];
  const reason =
    "azurerm_kubernetes_automatic_cluster has no network profile argument (checked up to 5.2.0); " +
    "remove it to take AKS's default, or generate the az script or Bicep instead";
  if (n.podCidrs.length)
    out.push({ path: "network.podCidrs", value: n.podCidrs.join(", "), reason, format: "terraform" });
  if (n.serviceCidrs.length)
    out.push({ path: "network.serviceCidrs", value: n.serviceCidrs.join(", "), reason, format: "terraform" });
  if (n.dnsServiceIp !== undefined)
    out.push({ path: "network.dnsServiceIp", value: n.dnsServiceIp, reason, format: "terraform" });
  if (n.outboundType !== undefined)
    out.push({ path: "network.outboundType", value: n.outboundType, reason, format: "terraform" });
  if (plan.kubernetesVersion !== undefined)
    out.push({
      path: "kubernetesVersion",
      value: plan.kubernetesVersion,
      reason:
        "azurerm_kubernetes_automatic_cluster has no Kubernetes version argument (AKS picks it); " +
        "remove it, or generate the az script or Bicep instead",
      format: "terraform",
    });
  return out;
}

/** az: the identity, its role on the VNet and `az aks create --sku automatic`. */
export function automaticAzCommands(
  plan: GenPlan,
  a: GenAutomatic,
  subnetId: (name: string) => string,
  clusterArgs: readonly Arg[],
): string[] {
  const vnet = plan.vnet?.name ?? "";
  const location: Arg[] = plan.location !== undefined ? [["--location", `"$LOCATION"`]] : [];
  const show = (query: string) =>
    `"$(az identity show --resource-group="$RESOURCE_GROUP" --name=${shellQuote(identityName(plan))} ` +
    `--query=${query} --output=tsv)"`;
  const f = networkFields(plan);
  const create: Arg[] = [
    ["--resource-group", `"$RESOURCE_GROUP"`],
    ["--name", `"$CLUSTER_NAME"`],
    ...location,
    ["--sku", "automatic"],
    [AZ.hostedSystem],
  ];
  if (plan.kubernetesVersion !== undefined) create.push(["--kubernetes-version", shellQuote(plan.kubernetesVersion)]);
  create.push(
    [AZ.apiServerSubnet, subnetId(a.apiServerSubnet)],
    [AZ.nodeSubnet, subnetId(a.nodeSubnet)],
    [AZ.systemNodeSubnet, subnetId(a.systemNodeSubnet)],
    [AZ.identity, `"$IDENTITY_ID"`],
  );
  if (a.private) create.push(["--enable-private-cluster"]);
  if (f.podCidr !== undefined) create.push(["--pod-cidr", shellQuote(f.podCidr)]);
  if (f.serviceCidr !== undefined) create.push(["--service-cidr", shellQuote(f.serviceCidr)]);
  if (f.dnsServiceIp !== undefined) create.push(["--dns-service-ip", shellQuote(f.dnsServiceIp)]);
  if (f.outboundType !== undefined) create.push(["--outbound-type", shellQuote(f.outboundType)]);
  create.push(...clusterArgs);
  return [
    `# ${WHY_IDENTITY}`,
    command("az identity create", [
      ["--resource-group", `"$RESOURCE_GROUP"`],
      ["--name", shellQuote(identityName(plan))],
      ...location,
    ]),
    `IDENTITY_ID=${show("id")}`,
    `IDENTITY_PRINCIPAL_ID=${show("principalId")}`,
    `VNET_ID="$(az network vnet show --resource-group="$VNET_RESOURCE_GROUP" --name=${shellQuote(vnet)} --query=id ` +
      `--output=tsv)"`,
    command("az role assignment create", [
      ["--scope", `"$VNET_ID"`],
      ["--role", shellQuote(ROLE)],
      ["--assignee-object-id", `"$IDENTITY_PRINCIPAL_ID"`],
      ["--assignee-principal-type", "ServicePrincipal"],
    ]),
    "# The AKS Automatic cluster: AKS manages the system nodes, node auto-provisioning the user nodes.",
    command("az aks create", create),
  ];
}

/** The Network Contributor role on the VNet: assigned when the VNet is in this resource group, else a note. */
function roleBicep(plan: GenPlan, sameGroup: boolean): string[] {
  if (sameGroup) {
    const role: BicepValue = {
      name: bexpr(`guid(vnet.id, identity.id, '${NETWORK_CONTRIBUTOR_ID}')`),
      scope: bexpr("vnet"),
      properties: {
        roleDefinitionId: bexpr(
          `subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${NETWORK_CONTRIBUTOR_ID}')`,
        ),
        principalId: bexpr("identity.properties.principalId"),
        principalType: "ServicePrincipal",
      },
    };
    return [
      `// ${ROLE} (${NETWORK_CONTRIBUTOR_ID}) for the identity on the VNet.`,
      `resource networkContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = ${bicepValue(role)}`,
      "",
    ];
  }
  return [
    `// Grant the identity ${ROLE} on the VNet ${bicepString(plan.vnet?.name ?? "").slice(1, -1)} ` +
      "(in its own resource group) before deploying the cluster.",
    "",
  ];
}

/** Bicep: the identity, its role assignment on the VNet (when the VNet is in this resource group) and the cluster. */
export function automaticBicep(
  plan: GenPlan,
  a: GenAutomatic,
  subnetId: (name: string) => BicepValue,
  extra: Readonly<Record<string, BicepValue>>,
): string[] {
  const sameGroup = plan.vnet !== undefined && plan.vnet.resourceGroup === undefined;
  const f = networkFields(plan);
  const hasNetwork = Object.values(f).some((v) => v !== undefined);
  const cluster: BicepValue = {
    name: bexpr("clusterName"),
    location: bexpr("location"),
    sku: { name: "Automatic", tier: "Standard" },
    identity: { type: "UserAssigned", userAssignedIdentities: bexpr("{\n      '${identity.id}': {}\n    }") },
    properties: {
      kubernetesVersion: plan.kubernetesVersion,
      apiServerAccessProfile: {
        authorizedIPRanges: plan.authorizedIpRanges,
        subnetId: subnetId(a.apiServerSubnet),
        enablePrivateCluster: a.private ? true : undefined,
      },
      hostedSystemProfile: {
        enabled: true,
        systemNodeSubnetID: subnetId(a.systemNodeSubnet),
        nodeSubnetID: subnetId(a.nodeSubnet),
      },
      networkProfile: hasNetwork
        ? { podCidr: f.podCidr, serviceCidr: f.serviceCidr, dnsServiceIP: f.dnsServiceIp, outboundType: f.outboundType }
        : undefined,
      ...extra,
    },
    dependsOn: sameGroup ? [bexpr("networkContributor")] : undefined,
  };
  const identity: BicepValue = { name: bexpr(`'\${clusterName}-identity'`), location: bexpr("location") };
  const out = [
    `// ${WHY_IDENTITY}`,
    `resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = ${bicepValue(identity)}`,
    "",
  ];
  out.push(...roleBicep(plan, sameGroup));
  out.push(`resource aks 'Microsoft.ContainerService/managedClusters@${API}' = ${bicepValue(cluster)}`);
  return out;
}

/** Terraform's `api_server_access` block: the authorized IP ranges and the API server subnet. */
function apiServerAccess(plan: GenPlan, a: GenAutomatic, subnet: (name: string) => string): HclItem {
  const ranges = plan.authorizedIpRanges;
  return {
    type: "api_server_access",
    body: [
      ...(ranges !== undefined ? [{ attr: "authorized_ip_ranges", value: [...ranges] }] : []),
      { attr: "subnet_id", value: expr(`${subnet(a.apiServerSubnet)}.id`) },
    ],
  };
}

/** Terraform: the identity, its role assignment on the VNet and `azurerm_kubernetes_automatic_cluster`. */
export function automaticTerraform(
  plan: GenPlan,
  a: GenAutomatic,
  subnet: (name: string) => string,
  vnetRef: string,
  dependsOn: readonly string[],
): HclItem[] {
  return [
    { comment: WHY_IDENTITY },
    {
      type: "resource",
      labels: ["azurerm_user_assigned_identity", "aks"],
      body: [
        { attr: "name", value: identityName(plan) },
        { attr: "location", value: expr("var.location") },
        { attr: "resource_group_name", value: expr("var.resource_group_name") },
      ],
    },
    {
      type: "resource",
      labels: ["azurerm_role_assignment", "network_contributor"],
      body: [
        { attr: "scope", value: expr(`${vnetRef}.id`) },
        { attr: "role_definition_name", value: ROLE },
        { attr: "principal_id", value: expr("azurerm_user_assigned_identity.aks.principal_id") },
      ],
    },
    {
      type: "resource",
      labels: ["azurerm_kubernetes_automatic_cluster", "aks"],
      body: [
        { attr: "name", value: plan.name },
        { attr: "location", value: expr("var.location") },
        { attr: "resource_group_name", value: expr("var.resource_group_name") },
        // ExactlyOneOf dns_prefix / private_cluster.0.dns_prefix (the latter only with a custom private DNS zone).
        { attr: "dns_prefix", value: dnsPrefixOf(plan.name) },
        {
          type: "identity",
          body: [
            { attr: "type", value: "UserAssigned" },
            { attr: "identity_ids", value: [expr("azurerm_user_assigned_identity.aks.id")] },
          ],
        },
        apiServerAccess(plan, a, subnet),
        {
          type: "hosted_system",
          body: [
            { attr: "node_subnet_id", value: expr(`${subnet(a.nodeSubnet)}.id`) },
            { attr: "system_node_subnet_id", value: expr(`${subnet(a.systemNodeSubnet)}.id`) },
          ],
        },
        ...(a.private ? [{ type: "private_cluster", body: [{ attr: "private_dns_zone_id", value: "System" }] }] : []),
        { blank: true },
        {
          attr: "depends_on",
          value: ["azurerm_role_assignment.network_contributor", ...dependsOn].map((d) => expr(d)),
        },
      ],
    },
  ];
}
