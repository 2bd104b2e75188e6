/**
 * Static egress gateway pools (`mode: Gateway`): nodes that route annotated pods'
 * egress through a public IP prefix (or, in preview, fixed private addresses).
 */
import { aksDoc, aksRelease, repoFile, sourced } from "../source.js";

const C = { checked: "2026-12-06" } as const;
const SEG = (note: string) => aksDoc("configure-static-egress-gateway", note);

export const GATEWAY_POOL = {
  /** The public IP prefix lengths `--gateway-prefix-size` accepts; the prefix bounds the pool's nodes. */
  prefixLengths: sourced({ min: 28, max: 31 }, SEG("The allowed range is 28-31"), C),
  /** Nodes a prefix of length L allows: 2^(32 − L) (/28: 16 … /31: 2). */
  maxNodesPerPrefix: sourced("2^(32 - prefix length)", SEG("/28: 16, /29: 8, /30: 4, /31: 2 maximum gateway nodes"), C),
  /** Nodes recommended at least, for high availability. */
  minNodesForHa: sourced(2, SEG("at least 2 nodes are required for high availability"), C),
  autoscaler: sourced(false, SEG("cluster autoscaler isn't supported"), C),
  podSubnet: sourced(false, SEG("isn't supported in clusters with Azure CNI Pod Subnet"), C),
  dualStack: sourced(false, SEG("supports IPv4-only clusters and isn't supported in dual-stack clusters"), C),
  windows: sourced(false, SEG("Windows node pools can't be used as gateway node pools"), C),
  /** The cluster setting the pools need. */
  clusterFlag: sourced(
    "--enable-static-egress-gateway",
    SEG("enable the feature before creating gateway node pools"),
    C,
  ),
  azCliMin: sourced("2.75.0", SEG("Azure CLI version 2.75.0 or later"), C),
  /** Private-IP mode (preview): its own Kubernetes minimum and VM set type; its subnet needs its own route out. */
  privateIp: sourced(
    { minKubernetes: "1.34", vmSetType: "VirtualMachines", preview: true, ownSubnet: "optional (--vnet-subnet-id)" },
    [
      SEG(
        "Static private IP support is in preview and requires Kubernetes 1.34 or later; --vm-set-type VirtualMachines",
      ),
      SEG("Private IP mode doesn't create an outbound route: configure a UDR to a firewall/NVA or ExpressRoute"),
      aksRelease("2026-01-04", "Private IP support for Static Egress Gateway in public preview on 1.34+"),
    ],
    C,
  ),
  /** ARM and Terraform shapes. */
  arm: sourced(
    {
      poolMode: "Gateway",
      poolSetting: "gatewayProfile.publicIPPrefixSize",
      clusterSetting: "networkProfile.staticEgressGatewayProfile.enabled",
      apiVersion: "2025-10-01",
    },
    repoFile(
      "hashicorp/terraform-provider-azurerm:vendor/github.com/hashicorp/go-azure-sdk/resource-manager/" +
        "containerservice/2025-10-01/agentpools/constants.go",
      "AgentPoolModeGateway and AgentPoolGatewayProfile.PublicIPPrefixSize in the stable 2025-10-01 API",
    ),
    { ...C, derived: "2025-10-01 is the oldest stable API version aksnet verified to have them; older ones may too" },
  ),
  terraform: sourced(
    null,
    repoFile(
      "hashicorp/terraform-provider-azurerm:website/docs/r/kubernetes_cluster_node_pool.html.markdown",
      "mode: System or User only (5.2.0)",
    ),
    {
      checked: "2026-12-07",
      derived:
        "azurerm has no Gateway mode: aksnet generate writes the pool with azapi (DEPLOY_FEATURES.staticEgressGateway)",
    },
  ),
} as const;

/** The most nodes a gateway pool with a public IP prefix of `prefixLength` may have. */
export function gatewayPoolMaxNodes(prefixLength: number): number {
  return 2 ** (32 - prefixLength);
}
