import { GATEWAY_POOL as GW, gatewayPoolMaxNodes, sourceUrls } from "../../../kb/index.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "gateway-pool-invalid",
    family: "node-counts",
    severity: "error",
    description:
      "A static egress gateway pool (mode Gateway) needs a public IP prefix length of 28–31, at most as many nodes " +
      "as the prefix has addresses (at least 2 for high availability), a fixed count, Linux, and neither Azure " +
      "CNI Pod Subnet nor dual-stack; private-IP mode needs Kubernetes 1.34 and VirtualMachines.",
    messages: {
      noPrefix: {
        message:
          'Gateway pool "{pool}" sets no gatewayPrefixSize; the pool\'s public IP prefix (/28 to /31) bounds how ' +
          "many nodes it may have.",
        fix: "Set gatewayPrefixSize: 28, 29, 30 or 31 (16, 8, 4 or 2 nodes at most).",
      },
      prefixRange: {
        message: 'Gateway pool "{pool}" has gatewayPrefixSize {bits}; AKS accepts {min} to {max}.',
        fix: "Use a gatewayPrefixSize from {min} to {max}.",
      },
      tooManyNodes: {
        message: 'Gateway pool "{pool}" has {count} nodes, but a /{bits} public IP prefix gives at most {max}.',
        fix: "Use at most {max} nodes, or a shorter prefix (/{shorter} allows {more}).",
      },
      noHa: {
        message: 'Gateway pool "{pool}" has {count} node(s); Microsoft asks for at least 2 for high availability.',
        fix: "Use count: 2 or more.",
        severity: "warning",
      },
      autoscaler: {
        message: 'Gateway pool "{pool}" sets autoscaler bounds; gateway pools do not support the cluster autoscaler.',
        fix: "Remove minCount and maxCount and give a fixed count; scale it by hand within the prefix.",
      },
      podSubnet: {
        message:
          'Gateway pool "{pool}" is in a cluster on {model}; static egress gateway isn\'t supported with Azure CNI ' +
          "Pod Subnet.",
        fix: "Use Azure CNI Overlay (or node subnet) for a cluster with a gateway pool.",
      },
      windows: {
        message: 'Gateway pool "{pool}" runs {os}; Windows node pools can\'t be gateway pools.',
        fix: "Use os: Linux for the gateway pool.",
      },
      dualStack: {
        message: 'Gateway pool "{pool}" is in a dual-stack cluster; static egress gateway supports IPv4-only clusters.',
        fix: "Use ipFamilies: [IPv4], or another egress design.",
      },
      notGateway: {
        message: 'Pool "{pool}" sets gatewayPrefixSize but its mode is {mode}; only gateway pools have one.',
        fix: "Set mode: Gateway, or remove gatewayPrefixSize.",
      },
      privateVersion: {
        message:
          'Gateway pool "{pool}" uses VirtualMachines (private-IP mode, preview), which needs Kubernetes 1.34 or ' +
          "later (this plan: {version}).",
        fix: "Use Kubernetes 1.34 or later, or the public-IP mode (VirtualMachineScaleSets).",
      },
    },
    sources: sourceUrls(
      GW.prefixLengths,
      GW.maxNodesPerPrefix,
      GW.minNodesForHa,
      GW.autoscaler,
      GW.podSubnet,
      GW.windows,
      GW.dualStack,
      GW.privateIp,
    ),
    checked: "2026-12-06",
  },
  check({ plan, report }) {
    const { min, max } = GW.prefixLengths.value;
    for (const p of plan.pools) {
      const raw = plan.plan.nodePools[p.index]!;
      const at = ["nodePools", p.index];
      if (p.mode !== "Gateway") {
        if (raw.gatewayPrefixSize !== undefined)
          report({ messageId: "notGateway", path: [...at, "gatewayPrefixSize"], data: { pool: p.name, mode: p.mode } });
        continue;
      }
      const pool = p.name;
      if (raw.minCount !== undefined || raw.maxCount !== undefined)
        report({ messageId: "autoscaler", path: at, data: { pool } });
      if (plan.model === "azure-cni-pod-subnet-dynamic" || plan.model === "azure-cni-pod-subnet-static")
        report({ messageId: "podSubnet", path: at, data: { pool, model: plan.model } });
      if (p.os !== "Linux") report({ messageId: "windows", path: [...at, "os"], data: { pool, os: p.os } });
      if (plan.ipFamilies.includes("IPv6"))
        report({ messageId: "dualStack", path: ["network", "ipFamilies"], data: { pool } });
      const v = plan.kubernetesVersion;
      if (raw.vmSetType === "VirtualMachines" && v && v.major === 1 && v.minor < 34)
        report({ messageId: "privateVersion", path: [...at, "vmSetType"], data: { pool, version: v.text } });
      const bits = raw.gatewayPrefixSize;
      if (bits === undefined) {
        report({ messageId: "noPrefix", path: at, data: { pool } });
        continue;
      }
      if (bits < min || bits > max) {
        report({ messageId: "prefixRange", path: [...at, "gatewayPrefixSize"], data: { pool, bits, min, max } });
        continue;
      }
      const most = gatewayPoolMaxNodes(bits);
      if (p.count > most) {
        const shorter = Math.max(min, bits - Math.ceil(Math.log2(p.count / most)));
        report({
          messageId: "tooManyNodes",
          path: [...at, "count"],
          data: { pool, count: p.count, bits, max: most, shorter, more: gatewayPoolMaxNodes(shorter) },
        });
      } else if (p.count < GW.minNodesForHa.value)
        report({ messageId: "noHa", path: [...at, "count"], data: { pool, count: p.count } });
    }
  },
});
