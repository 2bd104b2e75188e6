/**
 * Node auto-provisioning (NAP, Karpenter on AKS): nodes come from NodePool
 * limits and the AKSNodeClass subnet, not from a pool count, and are created
 * without ARM's up-front validation.
 */
import { aksDoc, repoFile, sourced } from "../source.js";

const C = { checked: "2026-12-06" } as const;
const NET = (note: string) => aksDoc("node-auto-provisioning-networking", note);
const NAP = (note: string) => aksDoc("node-auto-provisioning", note);
const CLASS = (note: string) => aksDoc("node-auto-provisioning-aksnodeclass", note);
const POOLS = (note: string) => aksDoc("node-auto-provisioning-node-pools", note);
const DISRUPT = (note: string) => aksDoc("node-auto-provisioning-disruption", note);

export const NODE_AUTO_PROVISIONING = {
  /** Network setups NAP supports (model ids; Cilium on Overlay included). */
  supportedModels: sourced(
    ["azure-cni-overlay", "azure-cni-node-subnet"] as readonly string[],
    NET("Azure CNI Overlay, Azure CNI Overlay powered by Cilium, Azure CNI"),
    C,
  ),
  /** Not supported: dynamic IP allocation (pod subnet) and Calico. */
  unsupported: sourced(
    { dynamicPodSubnet: true, calico: true } as const,
    NET("NAP doesn't support Calico network policy or Dynamic IP allocation"),
    C,
  ),
  windows: sourced(false, NAP("Windows node pools aren't supported"), C),
  ipv6: sourced(false, NAP("IPv6 clusters aren't supported"), C),
  /** A custom VNet needs the Standard load balancer. */
  customVnetNeedsStandardLb: sourced(true, NAP("you must use a Standard Load Balancer in a custom VNet"), C),
  /** The outbound type is fixed once NAP is on. */
  outboundTypeFixed: sourced(
    true,
    NAP("You can't change the cluster egress outbound type after you create a cluster enabled with NAP"),
    C,
  ),
  /** Nodes are created by Karpenter CRDs, so ARM's subnet size check never runs: a full subnet fails later. */
  skipsArmSubnetCheck: sourced(
    true,
    NET("Karpenter applies CRDs that provision nodes instantly without the extended validation that ARM provides"),
    {
      ...C,
      derived:
        "ARM checks a pool's subnet for its nodes before creating it (InsufficientSubnetSize); NAP nodes skip that, " +
        "so a " +
        "subnet too small fails only when a node is provisioned, with SubnetIsFull",
    },
  ),
  /** Where NAP nodes get their addresses: AKSNodeClass.vnetSubnetID, else the cluster's default subnet. */
  subnetFrom: sourced(
    "AKSNodeClass spec.vnetSubnetID, else the subnet given at cluster creation",
    [NET("Subnet configurations for NAP"), CLASS("vnetSubnetID")],
    C,
  ),
  /** Changing a node class's subnet to another valid subnet is drift that stops provisioning. */
  subnetChangeBlocked: sourced(
    true,
    NET("Modifying vnetSubnetID from one valid subnet to another valid subnet isn't a supported operation"),
    C,
  ),
  /** Max pods per NAP node: range and the defaults by network plugin. */
  maxPods: sourced(
    { min: 10, max: 250, defaultNodeSubnet: 30, defaultOverlay: 250, defaultNone: 250, defaultOther: 110 },
    CLASS("minimum 10, maximum 250; defaults 30 (Azure CNI node subnet), 250 (Overlay), 250 (none), 110 (others)"),
    C,
  ),
  /** How a NodePool bounds its nodes: resource limits, or `limits.nodes` (static pools: `replicas`). */
  nodeLimit: sourced(
    "spec.limits (cpu, memory) or spec.limits.nodes",
    POOLS("Node pool limits; static node pools: limits.nodes"),
    C,
  ),
  /**
   * No upgrade surge setting: Karpenter replaces drifted nodes within the disruption budget (default 10% of nodes,
   * rounded up).
   */
  disruptionBudget: sourced(
    { defaultPercent: 10, rounding: "up" } as const,
    DISRUPT(
      "If you leave this setting undefined, Karpenter defaults to one budget with nodes: 10%; allowed = " +
        "roundup(total × percentage)",
    ),
    {
      ...C,
      derived:
        "a replacement node is launched before the drifted one goes, so the budget is the extra addresses a NAP pool " +
        "needs during node image and Kubernetes upgrades; aksnet counts it like a pool's max surge",
    },
  ),
  azCliMin: sourced("2.76.0", NAP("Azure CLI version 2.76.0 or later"), C),
  arm: sourced(
    { setting: "nodeProvisioningProfile.mode", value: "Auto", apiVersion: "2025-10-01" },
    repoFile(
      "hashicorp/terraform-provider-azurerm:vendor/github.com/hashicorp/go-azure-sdk/resource-manager/" +
        "containerservice/2025-10-01/managedclusters/model_managedclusternodeprovisioningprofile.go",
    ),
    { ...C, derived: "2025-10-01 is the oldest stable API version aksnet verified to have it" },
  ),
  terraform: sourced(
    { attributes: 'node_provisioning_profile { mode = "Auto" }', azurermMin: "4.57.0" },
    repoFile(
      "hashicorp/terraform-provider-azurerm:CHANGELOG-v4.md",
      "4.57.0 (December 18, 2025): support for the node_provisioning_profile block",
    ),
    C,
  ),
} as const;

/** Extra nodes a NAP pool of `nodes` may run while replacing drifted nodes, at `percent` (default 10%). */
export function napReplacementNodes(
  nodes: number,
  percent: number = NODE_AUTO_PROVISIONING.disruptionBudget.value.defaultPercent,
): number {
  if (!Number.isFinite(nodes) || nodes <= 0) return 0;
  return Math.ceil((nodes * percent) / 100);
}
