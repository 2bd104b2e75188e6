/**
 * Test data (backed since 2026-12-07 by schemas/azurerm-4.73.0.json, the provider schema itself, and
 * schemas/azurerm.json, arguments and validation transcribed from the Go source): the argument names the azurerm
 * provider documents for the blocks
 * the Terraform generator writes (a subset of each block: only what a network
 * plan can set). A generated attribute not in this list fails the test, so a
 * misspelling such as `network_dataplane` or `ip_families` cannot ship.
 *
 * Sources (checked 2026-11-22; `node_provisioning_profile`, `bootstrap_profile`, `fips_enabled` and the route
 * table resources checked 2026-12-06 against release 5.2.0):
 * - hashicorp/terraform-provider-azurerm:website/docs/r/kubernetes_cluster.html.markdown
 *   (top-level arguments, `default_node_pool`, `identity`, `network_profile` — whose list is `ip_versions`, not
 *   `ip_families` —, `windows_profile`, `upgrade_settings`);
 * - hashicorp/terraform-provider-azurerm:website/docs/r/kubernetes_cluster_node_pool.html.markdown;
 * - azurerm_virtual_network / azurerm_subnet: registry.terraform.io/providers/hashicorp/azurerm docs
 *   (`address_space`, `address_prefixes`, `delegation { name, service_delegation { name, actions } }`);
 *   `ip_address_pool { id, number_of_ip_addresses }` on both (checked 2026-12-07:
 *   website/docs/r/virtual_network.html.markdown; azurerm_subnet's from 4.38.0, CHANGELOG-v4.md).
 */
const upgradeSettings = ["max_surge", "drain_timeout_in_minutes", "node_soak_duration_in_minutes"];
const poolCommon = [
  "name",
  "vm_size",
  "auto_scaling_enabled",
  "node_count",
  "min_count",
  "max_count",
  "max_pods",
  "vnet_subnet_id",
  "pod_subnet_id",
  "os_sku",
  "upgrade_settings",
  "zones",
  "orchestrator_version",
  "temporary_name_for_rotation",
  "fips_enabled",
  // Node public IPs (4.x names; 3.x had enable_node_public_ip): both pool blocks in schemas/azurerm-4.73.0.json.
  "node_public_ip_enabled",
  "node_public_ip_prefix_id",
];

/** Allowed names per block path (`resource type` then nested block names, joined with "."). */
export const AZURERM_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  azurerm_virtual_network: [
    "name",
    "location",
    "resource_group_name",
    "address_space",
    "ip_address_pool",
    "dns_servers",
    "tags",
  ],
  "azurerm_virtual_network.ip_address_pool": ["id", "number_of_ip_addresses"],
  // website/docs/r/virtual_network_peering.html.markdown (checked 2026-12-07).
  azurerm_virtual_network_peering: [
    "name",
    "resource_group_name",
    "virtual_network_name",
    "remote_virtual_network_id",
    "allow_virtual_network_access",
    "allow_forwarded_traffic",
    "allow_gateway_transit",
    "use_remote_gateways",
    "depends_on",
  ],
  azurerm_subnet: [
    "name",
    "resource_group_name",
    "virtual_network_name",
    "address_prefixes",
    "ip_address_pool",
    "delegation",
    "lifecycle",
  ],
  "azurerm_subnet.ip_address_pool": ["id", "number_of_ip_addresses"],
  "azurerm_subnet.lifecycle": ["ignore_changes"],
  "azurerm_subnet.delegation": ["name", "service_delegation"],
  "azurerm_subnet.delegation.service_delegation": ["name", "actions"],
  azurerm_kubernetes_cluster: [
    "name",
    "location",
    "resource_group_name",
    "dns_prefix",
    "kubernetes_version",
    "default_node_pool",
    "identity",
    "network_profile",
    "windows_profile",
    "node_provisioning_profile",
    "bootstrap_profile",
    "depends_on",
    "tags",
    "private_cluster_enabled",
    "api_server_access_profile",
    "aci_connector_linux",
    "ingress_application_gateway",
  ],
  // internal/services/containers/kubernetes_cluster_resource.go, kubernetes_addons.go (5.2.0).
  "azurerm_kubernetes_cluster.api_server_access_profile": [
    "authorized_ip_ranges",
    "virtual_network_integration_enabled",
    "subnet_id",
  ],
  "azurerm_kubernetes_cluster.aci_connector_linux": ["subnet_name"],
  "azurerm_kubernetes_cluster.ingress_application_gateway": ["gateway_id", "gateway_name", "subnet_cidr", "subnet_id"],
  "azurerm_kubernetes_cluster.default_node_pool": poolCommon,
  "azurerm_kubernetes_cluster.default_node_pool.upgrade_settings": upgradeSettings,
  "azurerm_kubernetes_cluster.identity": ["type", "identity_ids"],
  "azurerm_kubernetes_cluster.node_provisioning_profile": ["mode", "default_node_pools"],
  "azurerm_kubernetes_cluster.bootstrap_profile": ["artifact_source", "container_registry_id"],
  "azurerm_kubernetes_cluster.windows_profile": ["admin_username", "admin_password", "license"],
  "azurerm_kubernetes_cluster.network_profile": [
    "network_plugin",
    "network_plugin_mode",
    "network_data_plane",
    "network_policy",
    "network_mode",
    "dns_service_ip",
    "pod_cidr",
    "pod_cidrs",
    "service_cidr",
    "service_cidrs",
    "ip_versions",
    "outbound_type",
    "load_balancer_sku",
    "load_balancer_profile",
    "nat_gateway_profile",
    "advanced_networking",
  ],
  azurerm_kubernetes_cluster_node_pool: [...poolCommon, "kubernetes_cluster_id", "mode", "os_type"],
  "azurerm_kubernetes_cluster_node_pool.upgrade_settings": upgradeSettings,
  // website/docs/r/route_table.html.markdown, subnet_route_table_association.html.markdown (5.2.0).
  azurerm_route_table: ["name", "location", "resource_group_name", "route", "bgp_route_propagation_enabled", "tags"],
  "azurerm_route_table.route": ["name", "address_prefix", "next_hop_type", "next_hop_in_ip_address"],
  azurerm_subnet_route_table_association: ["subnet_id", "route_table_id"],
  // website/docs/r/nat_gateway.html.markdown, public_ip.html.markdown, nat_gateway_public_ip_association.html.markdown,
  // subnet_nat_gateway_association.html.markdown (5.2.0).
  azurerm_nat_gateway: [
    "name",
    "location",
    "resource_group_name",
    "sku_name",
    "idle_timeout_in_minutes",
    "zones",
    "tags",
  ],
  azurerm_public_ip: ["name", "location", "resource_group_name", "allocation_method", "sku", "zones", "tags"],
  azurerm_nat_gateway_public_ip_association: ["nat_gateway_id", "public_ip_address_id"],
  azurerm_subnet_nat_gateway_association: ["subnet_id", "nat_gateway_id"],
  // AKS Automatic: website/docs/r/kubernetes_automatic_cluster.html.markdown (5.2.0), user_assigned_identity,
  // role_assignment.
  azurerm_kubernetes_automatic_cluster: [
    "name",
    "location",
    "resource_group_name",
    "dns_prefix",
    "identity",
    "api_server_access",
    "hosted_system",
    "private_cluster",
    "tags",
    "depends_on",
  ],
  "azurerm_kubernetes_automatic_cluster.identity": ["type", "identity_ids"],
  "azurerm_kubernetes_automatic_cluster.api_server_access": ["authorized_ip_ranges", "subnet_id"],
  "azurerm_kubernetes_automatic_cluster.hosted_system": ["node_subnet_id", "system_node_subnet_id"],
  "azurerm_kubernetes_automatic_cluster.private_cluster": [
    "public_fully_qualified_domain_name_enabled",
    "private_dns_zone_id",
  ],
  azurerm_user_assigned_identity: ["name", "location", "resource_group_name", "tags"],
  azurerm_role_assignment: ["scope", "role_definition_name", "role_definition_id", "principal_id"],
  // The azapi provider (Azure/terraform-provider-azapi:docs/resources/resource.md, update_resource.md, 2.12.0):
  // the body's ARM property names are checked against ARM_AGENT_POOL_PROPERTIES in their own test.
  azapi_resource: ["type", "name", "parent_id", "body", "depends_on"],
  azapi_update_resource: ["type", "resource_id", "body", "depends_on"],
  // Data sources (website/docs/d/virtual_network.html.markdown, website/docs/d/subnet.html.markdown).
  "data.azurerm_virtual_network": ["name", "resource_group_name"],
  "data.azurerm_subnet": ["name", "virtual_network_name", "resource_group_name"],
  // website/docs/d/subscription.html.markdown: subscription_id is optional (the provider's own by default).
  "data.azurerm_subscription": ["subscription_id"],
};

/**
 * The ARM property names of an agent pool and of the cluster's network profile that the azapi bodies may use:
 * the JSON names of ManagedClusterAgentPoolProfile, AgentPoolGatewayProfile, ContainerServiceNetworkProfile and
 * ManagedClusterStaticEgressGatewayProfile in the stable 2026-04-01 API (hashicorp/terraform-provider-azurerm:vendor/
 * github.com/hashicorp/go-azure-sdk/resource-manager/containerservice/2026-04-01/managedclusters/, checked 2026-12-07).
 */
export const ARM_BODY_NAMES: Readonly<Record<string, readonly string[]>> = {
  agentPool: [
    "count",
    "enableAutoScaling",
    "gatewayProfile",
    "maxCount",
    "maxPods",
    "minCount",
    "mode",
    "osType",
    "podSubnetID",
    "upgradeSettings",
    "vmSize",
    "vnetSubnetID",
  ],
  gatewayProfile: ["publicIPPrefixSize"],
  upgradeSettings: ["maxSurge", "maxUnavailable"],
  cluster: ["networkProfile"],
  networkProfile: ["staticEgressGatewayProfile"],
  staticEgressGatewayProfile: ["enabled"],
};

/** Names that third-party code gets wrong; none may appear (reference §5.3). */
export const WRONG_NAMES = [
  "network_dataplane",
  "ip_families",
  "ebpf_data_plane",
  "enable_auto_scaling",
  "pod_ip_allocation_mode",
];
