import { NODE_AUTO_PROVISIONING as NAP, sourceUrls } from "../../../kb/index.js";
import { napPoolsIn, subnetDemand } from "../../layout/index.js";
import { defineRule } from "../rule.js";
import { listText } from "../words.js";
import { usableOf } from "../subnet-uses.js";

export default defineRule({
  meta: {
    id: "nap-subnet-too-small",
    family: "subnet-sizing",
    severity: "error",
    description:
      "A subnet that node auto-provisioning creates nodes in must hold its NodePools' most nodes plus the " +
      "replacement nodes of their disruption budget, beside the node pools it also holds. NAP skips ARM's " +
      "up-front subnet check, so a subnet too small fails only later, when a node is provisioned, with " +
      "SubnetIsFull.",
    messages: {
      tooSmall: {
        message:
          'Subnet "{subnet}" ({cidr}) has {usable:count} usable addresses, but its nodes need {needed:count}: ' +
          "{breakdown}. Node " +
          "auto-provisioning skips ARM's up-front subnet check, so this fails only when a node is provisioned, " +
          "with SubnetIsFull.",
        fix: "Use a /{bits} or larger subnet, or lower the NodePools' node limits (limits.nodes or their CPU limit).",
      },
      unbounded: {
        message:
          'NodePool "{pool}" gives maxNodes 0 for subnet "{subnet}"; without a node limit aksnet cannot size its ' +
          "subnet and NAP grows until the subnet is full.",
        fix: "Set the NodePool's maxNodes from its limits (limits.nodes, or its CPU limit ÷ the smallest VM's CPUs).",
        severity: "warning",
      },
    },
    aksErrorCode: "SubnetIsFull",
    sources: [
      ...sourceUrls(NAP.skipsArmSubnetCheck, NAP.disruptionBudget, NAP.maxPods, NAP.subnetFrom),
      "https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning",
    ],
    checked: "2026-12-06",
    assumes:
      "A NodePool's nodes are counted at its maxNodes plus its disruption budget (default 10%, rounded up): " +
      "Karpenter launches a replacement before it removes a drifted node, like a pool's max surge.",
  },
  check({ plan, report }) {
    for (const s of plan.subnets) {
      const nap = napPoolsIn(plan, s.name);
      if (nap.length === 0) continue;
      const at = ["vnet", "subnets", s.index];
      plan.plan.nodeProvisioning?.pools.forEach((p, i) => {
        if (nap.includes(p) && p.maxNodes === 0)
          report({
            messageId: "unbounded",
            path: ["nodeProvisioning", "pools", i, "maxNodes"],
            data: { pool: p.name, subnet: s.name },
          });
      });
      const usable = usableOf(s);
      if (usable === null) continue;
      const d = subnetDemand(plan, s.name, "nodes");
      if (d.addresses === null || d.addresses <= usable) continue;
      report({
        messageId: "tooSmall",
        path: [...at, "cidr"],
        data: {
          subnet: s.name,
          cidr: s.text,
          usable,
          needed: d.addresses,
          breakdown: listText(d.breakdown, 6, "; "),
          bits: d.prefixLength ?? 0,
        },
      });
    }
  },
});
