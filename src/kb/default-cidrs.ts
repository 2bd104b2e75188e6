/** The address ranges AKS uses when a cluster is created without them. */
import { parsePrefix } from "../ip/index.js";
import { aksDoc, repoFile, sourced, type Sourced } from "./source.js";

export interface DefaultCidrs {
  /** kubenet, Overlay and BYO CNI. */
  readonly podCidr: Sourced<string>;
  readonly serviceCidr: Sourced<string>;
  readonly dnsServiceIp: Sourced<string>;
  readonly podCidrV6: Sourced<string>;
  readonly serviceCidrV6: Sourced<string>;
  /** The VNet AKS creates when you bring none. */
  readonly managedVnet: Sourced<string>;
  /** The node subnet (`aks-subnet`) in the managed VNet. */
  readonly managedSubnet: Sourced<string>;
}

const KARPENTER_MAKEFILE = repoFile(
  "Azure/karpenter-provider-azure:Makefile-az.mk",
  "comments state these match the AKS-managed VNet",
);

export const DEFAULT_CIDRS: DefaultCidrs = {
  podCidr: sourced("10.244.0.0/16", [aksDoc("configure-kubenet"), aksDoc("azure-cni-overlay")], {
    checked: "2026-12-07",
  }),
  serviceCidr: sourced("10.0.0.0/16", aksDoc("configure-kubenet"), { checked: "2026-12-07" }),
  dnsServiceIp: sourced("10.0.0.10", aksDoc("configure-kubenet"), { checked: "2026-12-07" }),
  podCidrV6: sourced("fd12:3456:789a::/64", aksDoc("configure-dual-stack"), { checked: "2026-12-07" }),
  serviceCidrV6: sourced("fd12:3456:789a:1::/108", aksDoc("configure-dual-stack"), { checked: "2026-12-07" }),
  managedVnet: sourced("10.224.0.0/12", KARPENTER_MAKEFILE, { checked: "2026-11-22" }),
  managedSubnet: sourced("10.224.0.0/16", KARPENTER_MAKEFILE, { checked: "2026-11-22" }),
};

/**
 * The prefix lengths of the default ranges (/16 each): the size aksnet suggests for a new pod or service CIDR,
 * and never less for an Overlay pod CIDR it chooses (growing one later is Linux-only).
 */
export const DEFAULT_POD_CIDR_BITS: number = parsePrefix(DEFAULT_CIDRS.podCidr.value).bits;
export const DEFAULT_SERVICE_CIDR_BITS: number = parsePrefix(DEFAULT_CIDRS.serviceCidr.value).bits;

/**
 * The node subnet size of Microsoft's capacity examples: a /24 holds 251 kubenet nodes, and 8 Azure CNI Node
 * Subnet nodes at 30 pods. `aksnet compare` uses a /24 at the start of the managed subnet when given none.
 */
export const EXAMPLE_NODE_SUBNET_BITS: Sourced<number> = sourced(
  24,
  [
    aksDoc("configure-kubenet", "a /24 subnet: up to 251 nodes"),
    aksDoc("concepts-network-legacy-cni", "a /24 subnet: 8 nodes at 30 pods per node"),
  ],
  { checked: "2026-11-22" },
);
