import {
  addressesPerNode,
  nodeSubnetAddressesNeeded,
  subnetPrefixLength,
  tenantAddresses,
  usableAddresses,
} from "../../capacity/index.js";
import { poolModel, poolTarget } from "../pools.js";
import { rangeEdit } from "../fix-space.js";
import { formatCount } from "../../../kb/index.js";
import { defineRule } from "../rule.js";
import { groupBy, listText } from "../words.js";

type Reserved = Parameters<typeof tenantAddresses>[0] & { readonly internalLoadBalancerSubnet?: string };

/** The load balancer and endpoint addresses a subnet holds: the first pool's subnet holds them, except internal
 * load balancer addresses that a dedicated subnet (the azure-load-balancer-internal-subnet annotation) takes. */
function tenantsIn(reserved: Reserved, subnet: string, firstSubnet: string | undefined): number {
  const ilbSubnet = reserved.internalLoadBalancerSubnet;
  const ilbElsewhere = ilbSubnet !== undefined && ilbSubnet !== firstSubnet;
  const own =
    subnet === firstSubnet ? tenantAddresses(ilbElsewhere ? { ...reserved, internalLoadBalancerIps: 0 } : reserved) : 0;
  return own + (ilbElsewhere && subnet === ilbSubnet ? (reserved.internalLoadBalancerIps ?? 0) : 0);
}

export default defineRule({
  meta: {
    id: "subnet-too-small-for-nodes",
    family: "subnet-sizing",
    severity: "error",
    description:
      "A node subnet must hold every address its pools take at their autoscaler maximum plus upgrade surge (Azure " +
      "CNI node subnet: 1 + maxPods per node; other models: 1 per node), plus internal load balancer and private " +
      "endpoint addresses, within Azure's usable size (size − 5).",
    messages: {
      tooSmall: {
        message:
          'Subnet "{subnet}" ({cidr}) has {usable:count} usable addresses, but its pools need {needed:count}: ' +
          "{breakdown}.",
        fix:
          "Use a /{bits} or larger subnet for these pools ({bitsUsable:count} usable){suggestion}; a pool's subnet " +
          "cannot change later, so add a pool on a larger subnet if the cluster exists.",
      },
    },
    aksErrorCode: "InsufficientSubnetSize",
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md",
      "MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/connectivity/" +
        "insufficientsubnetsize-error-advanced-networking.md",
      "MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/create-upgrade-delete/" +
        "error-code-subnetisfull.md",
    ],
    checked: "2026-11-22",
    assumes:
      "Nodes are counted at the autoscaler maximum (AKS reserves addresses for it) plus the pool's max surge; an " +
      "unset max surge is 10% from Kubernetes 1.32 (1 node before, and some pages still say 1). Internal load " +
      "balancer and private endpoint addresses are counted in the first pool's subnet, except internal load " +
      "balancer addresses when reserved.internalLoadBalancerSubnet names another subnet: they are counted there.",
  },
  check({ plan, fixes, report }) {
    const firstSubnet = plan.pools[0]?.subnet;
    const poolsOf = groupBy(plan.pools, (p) => p.subnet);
    for (const s of plan.subnets) {
      if (!s.prefix) continue;
      const pools = poolsOf.get(s.name) ?? [];
      if (pools.length === 0) continue;
      const tenants = tenantsIn(plan.plan.reserved, s.name, firstSubnet);
      const parts: string[] = [];
      let needed = tenants;
      for (const p of pools) {
        const model = poolModel(plan, p);
        const n = nodeSubnetAddressesNeeded(model, [poolTarget(p)]);
        needed += n;
        const per = addressesPerNode(model, p.maxPods).nodeSubnet;
        parts.push(
          `pool "${p.name}" ${formatCount(p.peakCount)}+${formatCount(Math.min(p.maxSurge.nodes, p.peakCount))} ` +
            `surge node(s) × ${formatCount(per)} = ${formatCount(n)}`,
        );
      }
      if (tenants > 0) parts.push(`${formatCount(tenants)} for load balancer and private endpoint addresses`);
      const usable = usableAddresses(s.prefix);
      if (needed <= usable) continue;
      const bits = subnetPrefixLength(needed) ?? 0;
      const field = { path: s.path, prefix: s.prefix };
      const free = fixes.replacement("subnet", field, bits);
      const suggestion = free ? `, e.g. ${free.toString()}, free in the VNet` : "";
      report({
        messageId: "tooSmall",
        path: s.path,
        data: {
          subnet: s.name,
          cidr: s.text,
          usable,
          needed,
          breakdown: listText(parts, 5, "; "),
          bits,
          bitsUsable: 2 ** (32 - bits) - 5,
          suggestion,
        },
        ...(free ? { edits: [rangeEdit(field, free)] } : {}),
      });
    }
  },
});
