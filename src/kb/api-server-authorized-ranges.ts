/**
 * API server authorized IP ranges (`apiServerAccessProfile.authorizedIPRanges`): the public addresses allowed to
 * reach a public API server. What AKS documents about them, what the az CLI and azurerm accept, and where each
 * deployment tool names the field.
 */
import { aksDoc, repoFile, sourced } from "./source.js";

const C = { checked: "2026-12-07" } as const;
const PAGE = (note: string) => aksDoc("api-server-authorized-ip-ranges", note);
const PAGE_2024 = (note: string) =>
  repoFile(
    "MicrosoftDocs/azure-aks-docs:articles/aks/api-server-authorized-ip-ranges.md",
    `ms.date 05/19/2024: ${note}`,
  );
const AZ_VALIDATOR = (note: string) =>
  repoFile("Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/_validators.py", `validate_ip_ranges: ${note}`);

/** The count limits: without and with API Server VNet Integration. */
export interface AuthorizedRangeLimits {
  readonly ranges: number;
  /** The limit with API Server VNet Integration; null where the source names no other limit. */
  readonly rangesWithVnetIntegration: number | null;
}

/**
 * The IPv4 ranges Python's `ipaddress` calls not global (az's `ip_network(x).is_global` is false for a range wholly
 * inside one of them), as CPython 3.12.4 and later list them, plus the shared address space 100.64.0.0/10 that
 * `is_global` excludes separately. Exceptions inside them that are global: `globalExceptions`.
 */
export interface NonGlobalRanges {
  readonly ranges: readonly string[];
  readonly globalExceptions: readonly string[];
}

export const AUTHORIZED_IP_RANGES = {
  /**
   * At most 200 ranges; 2,000 with API Server VNet Integration (the current page). The 2024 revision of the page
   * names 200 with no exception.
   */
  limits: sourced<AuthorizedRangeLimits>(
    { ranges: 200, rangesWithVnetIntegration: 2000 },
    PAGE(
      "Limitations and considerations: up to 200 authorized IP ranges; API Server VNet Integration supports up " +
        "to 2,000",
    ),
    {
      ...C,
      alternatives: [
        {
          value: { ranges: 200, rangesWithVnetIntegration: null },
          source: [PAGE_2024("The upper limit for the number of IP ranges you can specify is 200")],
          note: "200 whatever the API server's network (the page's 2024 revision)",
        },
      ],
    },
  ),
  /** Not supported on private clusters (the page; azurerm's AKS Automatic resource enforces it too). */
  notWithPrivateCluster: sourced(
    true,
    [
      PAGE("You can't use this feature with private clusters"),
      repoFile(
        "hashicorp/terraform-provider-azurerm:internal/services/containers/kubernetes_automatic_cluster_resource.go",
        "api_server_access.authorized_ip_ranges ConflictsWith private_cluster",
      ),
    ],
    C,
  ),
  /** Pools with node public IPs must use public IP prefixes, and those prefixes must be authorized ranges. */
  nodePublicIpPrefixesAuthorized: sourced(
    true,
    PAGE(
      "clusters that use Node public IPs: the node pools using them must use public IP prefixes; you must add the " +
        "public IP prefixes as authorized ranges",
    ),
    C,
  ),
  /**
   * The egress address of the cluster (firewall, NAT gateway or another, by outbound type) should be authorized;
   * the Standard load balancer's outbound IP is allowed by default when ranges are set at creation.
   */
  egressShouldBeAuthorized: sourced(
    {
      shouldAdd: "the cluster egress IP address (firewall, NAT gateway or other, depending on the outbound type)",
      allowedByDefault: "the Standard load balancer's outbound public IP",
    },
    PAGE(
      "You should add these ranges to an allow list: the cluster egress IP address; the public IP for your " +
        "cluster is allowed by default in addition to the ranges you specify",
    ),
    C,
  ),
  /**
   * Only with the Standard load balancer for clusters created after October 2019 (the page's 2024 revision; Basic-LB
   * clusters that had the feature kept it). The Basic load balancer was retired on 2025-09-30 (RETIREMENTS
   * basic-load-balancer), so no cluster AKS creates now can break this: a plan has no load balancer SKU, and
   * `check` makes no finding for it.
   */
  standardLoadBalancerOnly: sourced(
    true,
    [
      PAGE_2024(
        "Limitations: for clusters created after the feature left preview (October 2019), only supported on the " +
          "Standard SKU load balancer",
      ),
      aksDoc("quotas-skus-regions", "the Basic load balancer was retired on 30 September 2025"),
    ],
    C,
  ),
  /**
   * A pool's node public IPs from a public IP prefix: the prefix is named by its resource ID (az
   * `--node-public-ip-prefix-id`, ARM `nodePublicIPPrefixID`, azurerm `node_public_ip_prefix_id`), and only with
   * node public IPs on (`--enable-node-public-ip`, `enableNodePublicIP`, `node_public_ip_enabled`).
   */
  nodePublicIpPrefixId: sourced(
    {
      idPattern: "^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Network/publicIPPrefixes/[^/]+$",
      requiresNodePublicIp: true,
    },
    [
      repoFile(
        "Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/_params.py",
        "aks create / aks nodepool add: --enable-node-public-ip, --node-public-ip-prefix-id",
      ),
      repoFile(
        "hashicorp/terraform-provider-azurerm:website/docs/r/kubernetes_cluster_node_pool.html.markdown",
        "node_public_ip_prefix_id: Resource ID for the Public IP Addresses Prefix for the nodes in this Node Pool; " +
          "node_public_ip_enabled should be true",
      ),
      repoFile(
        "Azure/azure-rest-api-specs:specification/containerservice/resource-manager/Microsoft.ContainerService/aks/" +
          "stable/2025-10-01/managedClusters.json",
        "ManagedClusterAgentPoolProfileProperties: enableNodePublicIP, nodePublicIPPrefixID",
      ),
    ],
    {
      ...C,
      derived: "the ID pattern is an ARM resource ID of type Microsoft.Network/publicIPPrefixes (case-insensitive)",
    },
  ),
  /** A CIDR must start with its first address (137.117.106.88/29, not .90/29); az refuses host bits. */
  networkAddressOnly: sourced(
    true,
    [
      PAGE("When you specify a CIDR range, start with the first IP address in the range"),
      AZ_VALIDATOR("ip_network(ip) (strict): a CIDR with host bits set is refused"),
    ],
    C,
  ),
  /** A single address is accepted (az reads it as its /32; azurerm's validate.CIDR makes the slash optional). */
  singleAddress: sourced(
    true,
    [
      AZ_VALIDATOR("ip_network('1.2.3.4') is 1.2.3.4/32"),
      repoFile(
        "hashicorp/terraform-provider-azurerm:helpers/validate/network.go",
        "CIDR: ^([0-9]{1,3}\\.){3}[0-9]{1,3}(/([0-9]|[1-2][0-9]|3[0-2]))?$ (the prefix length optional)",
      ),
    ],
    { ...C, derived: "aksnet writes every range as a CIDR (a single address as /32), the form the AKS page shows" },
  ),
  /** IPv4 only: az refuses IPv6 ("cannot be IPv6 addresses") and azurerm's validate.CIDR takes IPv4 only. */
  ipv4Only: sourced(
    true,
    [
      AZ_VALIDATOR("--api-server-authorized-ip-ranges cannot be IPv6 addresses"),
      repoFile(
        "hashicorp/terraform-provider-azurerm:helpers/validate/network.go",
        "must start with IPV4 address and/or slash, number of bits (0-32) as prefix",
      ),
    ],
    { ...C, derived: "the AKS page and the API's description show IPv4 CIDRs only and say nothing of IPv6" },
  ),
  /** az refuses a range that is not global (private, reserved, documentation, shared address space). */
  globalOnly: sourced(true, AZ_VALIDATOR("if not ip.is_global: must be global non-reserved addresses or CIDRs"), {
    ...C,
    derived:
      "only the az CLI checks it; ARM and azurerm send any CIDR and the AKS page states no such rule, so aksnet " +
      "warns rather than errs",
  }),
  nonGlobalRanges: sourced<NonGlobalRanges>(
    {
      ranges: [
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "240.0.0.0/4",
        "255.255.255.255/32",
      ],
      globalExceptions: ["192.0.0.9/32", "192.0.0.10/32"],
    },
    repoFile("python/cpython:Lib/ipaddress.py", "_IPv4Constants._private_networks and _private_networks_exceptions"),
    {
      ...C,
      alternatives: [
        {
          value: {
            ranges: [
              "0.0.0.0/8",
              "10.0.0.0/8",
              "100.64.0.0/10",
              "127.0.0.0/8",
              "169.254.0.0/16",
              "172.16.0.0/12",
              "192.0.0.0/29",
              "192.0.0.170/31",
              "192.0.2.0/24",
              "192.168.0.0/16",
              "198.18.0.0/15",
              "198.51.100.0/24",
              "203.0.113.0/24",
              "240.0.0.0/4",
              "255.255.255.255/32",
            ],
            globalExceptions: [],
          },
          source: [repoFile("python/cpython:Lib/ipaddress.py", "Python 3.11: 192.0.0.0/29 and 192.0.0.170/31")],
          note: "an az CLI on Python 3.11 or older: only 192.0.0.0/29 and 192.0.0.170/31 of 192.0.0.0/24",
        },
      ],
    },
  ),
  /** `0.0.0.0/32` alone: only the load balancer's outbound IP; az refuses it beside other ranges. */
  outboundIpOnly: sourced(
    "0.0.0.0/32",
    [
      PAGE("use 0.0.0.0/32 to allow only the outbound public IP of the Standard SKU load balancer"),
      AZ_VALIDATOR("0.0.0.0/32 is not allowed with other IP ranges"),
    ],
    C,
  ),
  /** An empty value disables the feature; az refuses an empty entry beside ranges. */
  emptyDisables: sourced(
    true,
    [
      PAGE('If you specify "" or no value for --api-server-authorized-ip-ranges, the feature is disabled'),
      AZ_VALIDATOR("cannot be disabled and simultaneously enabled"),
    ],
    C,
  ),
  /** Service tags (AzureCloud) as ranges: a preview, one region, not with API Server VNet Integration. */
  serviceTags: sourced(
    { preview: true, featureFlag: "EnableServiceTagAuthorizedIPPreview", regions: ["eastus2euap"] as const },
    PAGE_2024("Use Service Tags: not compatible with API Server VNet Integration; only in eastus2euap"),
    C,
  ),
  /** Where each tool names the field. */
  names: sourced(
    {
      az: "--api-server-authorized-ip-ranges (comma-separated)",
      arm: "properties.apiServerAccessProfile.authorizedIPRanges",
      azurerm:
        "api_server_access_profile { authorized_ip_ranges } in 4.x; 3.x also had a top-level " +
        "api_server_authorized_ip_ranges (deprecated, removed in 4.0)",
    },
    [
      PAGE("az aks create --api-server-authorized-ip-ranges; az aks show --query apiServerAccessProfile"),
      repoFile(
        "hashicorp/terraform-provider-azurerm:internal/services/containers/kubernetes_cluster_resource.go",
        "api_server_authorized_ip_ranges: renamed to authorized_ip_ranges within api_server_access_profile and " +
          "removed in v4.0",
      ),
    ],
    C,
  ),
} as const;
