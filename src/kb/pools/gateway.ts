/**
 * Static egress gateway pools (`mode: Gateway`): nodes that route annotated pods'
 * egress through a public IP prefix (or, in preview, fixed private addresses).
 */
import { aksDoc, aksRelease, repoFile, sourced } from "../source.js";

const C = { checked: "2026-12-06" } as const;
const SEG = (note: string) => aksDoc("configure-static-egress-gateway", note);
const VMS_ARM =
  "type VirtualMachines; virtualMachinesProfile.scale.manual[{ size, count }] instead of vmSize and count";

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
  /**
   * Private-IP mode: a gateway pool of VM set type VirtualMachines (node public IPs off; the
   * StaticGatewayConfiguration's provisionPublicIps: false keeps the private addresses). It needs Kubernetes 1.34,
   * no route out is created for its subnet, and in ARM it is only `type: VirtualMachines` with the pool's VM size
   * and count in `virtualMachinesProfile.scale.manual` (what az sends), all in the stable 2026-04-01 API.
   * Microsoft's sources disagree on its status: the page's 2026-03-09 revision ("GAing") dropped the preview note
   * and its feature flag, its 2026-08-06 refresh calls it a preview again, and the AKS changelog records only the
   * public preview (2026-01). aksnet takes the newer page (preview) and still writes it, saying so.
   */
  privateIp: sourced(
    {
      minKubernetes: "1.34",
      vmSetType: "VirtualMachines",
      preview: true,
      ownSubnet: "optional (--vnet-subnet-id)",
      azCliMin: "2.85.0",
      arm: VMS_ARM,
    },
    [
      SEG(
        "Static private IP support is in preview and requires Kubernetes 1.34 or later; --vm-set-type VirtualMachines",
      ),
      SEG("Private IP mode doesn't create an outbound route: configure a UDR to a firewall/NVA or ExpressRoute"),
      aksRelease("2026-01-04", "Private IP support for Static Egress Gateway in public preview on 1.34+"),
      aksDoc("virtual-machines-node-pools", "Azure CLI version 2.85.0 or later; --vm-set-type VirtualMachines"),
      repoFile(
        "hashicorp/terraform-provider-azurerm:vendor/github.com/hashicorp/go-azure-sdk/resource-manager/" +
          "containerservice/2026-04-01/managedclusters/model_virtualmachinesprofile.go",
        "VirtualMachinesProfile.scale (ScaleProfile.manual: ManualScaleProfile size, count); AgentPoolType " +
          "VirtualMachines in constants.go",
      ),
      repoFile(
        "Azure/azure-cli-extensions:src/aks-preview/azext_aks_preview/agentpool_decorator.py",
        "a VirtualMachines pool: type VirtualMachines, virtual_machines_profile.scale.manual [size, count]; vm_size, " +
          "count and autoscaling unset",
      ),
    ],
    {
      checked: "2026-12-07",
      alternatives: [
        {
          value: {
            minKubernetes: "1.34",
            vmSetType: "VirtualMachines",
            preview: false,
            ownSubnet: "optional (--vnet-subnet-id)",
            azCliMin: "2.85.0",
            arm: VMS_ARM,
          },
          source: [
            repoFile(
              "MicrosoftDocs/azure-aks-docs:articles/aks/configure-static-egress-gateway.md",
              "revision e07cfd7 of 2026-03-09, 'update docs for Static Egress Gateway Private IP Support GAing': the " +
                "preview note and the StaticEgressGatewayPreview feature flag removed",
            ),
          ],
          note: "generally available, per the page's March 2026 revision (its August 2026 refresh says preview again)",
        },
      ],
    },
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
  return typeof prefixLength === "number" ? 2 ** (32 - prefixLength) : Number.NaN;
}
