import { isAtLeast, STATIC_BLOCK_MIN_KUBERNETES, tryParseKubernetesVersion } from "../../../kb/index.js";
import { defineRule } from "../rule.js";
import { listText } from "../words.js";

const parsed = tryParseKubernetesVersion(STATIC_BLOCK_MIN_KUBERNETES.value);
/** The oldest Kubernetes a static block pool runs (the knowledge base's fact). */
const STATIC_MIN = { major: parsed?.major ?? 1, minor: parsed?.minor ?? 0, text: STATIC_BLOCK_MIN_KUBERNETES.value };

export default defineRule({
  meta: {
    id: "subnet-reference-invalid",
    family: "vnet-layout",
    severity: "error",
    description:
      "Pools must name subnets of the plan's VNet; node subnets must not be delegated; pod subnets need Azure CNI " +
      "without overlay.",
    messages: {
      unknownSubnet: {
        message: 'Pool "{pool}" names subnet "{subnet}", which is not in vnet.subnets.',
        fix: "Add the subnet to vnet.subnets or correct the name (subnets: {known}).",
      },
      noSubnet: {
        message:
          'Pool "{pool}" names no subnet while the plan describes VNet {vnet}; its node addresses are not checked.',
        fix: "Set the pool's subnet to one of: {known}.",
        severity: "warning",
      },
      delegated: {
        message:
          'Pool "{pool}" uses subnet "{subnet}", which is delegated to {delegation}; AKS node subnets must not be ' +
          "delegated.",
        fix: "Use a subnet without a delegation for the nodes.",
      },
      podSubnetModel: {
        message:
          'Pool "{pool}" names pod subnet "{subnet}", but the cluster uses {model}; pod subnets need plugin azure ' +
          "without pluginMode overlay.",
        fix: "Remove podSubnet, or set plugin azure without pluginMode to use Azure CNI pod subnet.",
      },
      allocationWithoutPodSubnet: {
        message: 'Pool "{pool}" sets podIpAllocation {mode} without a pod subnet.',
        fix: "Set podSubnet for the pool, or remove podIpAllocation.",
      },
      staticBlockVersion: {
        message:
          `Pool "{pool}" uses static block allocation, which needs Kubernetes ${STATIC_MIN.text} or later ` +
          `(this plan: {version}).`,
        fix: `Use Kubernetes ${STATIC_MIN.text} or later, or DynamicIndividual allocation.`,
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-cni-overview.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/node-pool-unique-subnet.md",
      "Azure/azure-cli-extensions:src/aks-preview/azext_aks_preview/_help.py (--pod-ip-allocation-mode requires " +
        "--pod-subnet-id)",
      "MicrosoftDocs/azure-aks-docs:articles/aks/configure-azure-cni-static-block-allocation.md (Kubernetes 1.28 or " +
        "later)",
    ],
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    const vnet = plan.plan.vnet;
    const byName = new Map(plan.subnets.map((s) => [s.name, s]));
    const known = listText([...byName.keys()]);
    for (const p of plan.pools) {
      const at = ["nodePools", p.index];
      if (vnet && p.subnet === undefined && plan.subnets.length > 0)
        report({ messageId: "noSubnet", path: at, data: { pool: p.name, vnet: vnet.name ?? "(unnamed)", known } });
      if (vnet && p.subnet !== undefined) {
        const s = byName.get(p.subnet);
        if (!s)
          report({
            messageId: "unknownSubnet",
            path: [...at, "subnet"],
            data: { pool: p.name, subnet: p.subnet, known },
          });
        else if (s.delegation)
          report({
            messageId: "delegated",
            path: [...at, "subnet"],
            data: { pool: p.name, subnet: s.name, delegation: s.delegation },
          });
      }
      if (p.podSubnet !== undefined) {
        if (plan.model !== "azure-cni-pod-subnet-dynamic" && plan.model !== "azure-cni-pod-subnet-static")
          report({
            messageId: "podSubnetModel",
            path: [...at, "podSubnet"],
            data: { pool: p.name, subnet: p.podSubnet, model: plan.model },
          });
        else if (vnet && !byName.has(p.podSubnet))
          report({
            messageId: "unknownSubnet",
            path: [...at, "podSubnet"],
            data: { pool: p.name, subnet: p.podSubnet, known },
          });
      }
      const raw = plan.plan.nodePools[p.index]!;
      const v = plan.kubernetesVersion;
      if (
        raw.podIpAllocation === "StaticBlock" &&
        raw.podSubnet !== undefined &&
        v &&
        !isAtLeast(v, STATIC_MIN.major, STATIC_MIN.minor)
      )
        report({
          messageId: "staticBlockVersion",
          path: [...at, "podIpAllocation"],
          data: { pool: p.name, version: v.text },
        });
      if (raw.podIpAllocation !== undefined && raw.podSubnet === undefined)
        report({
          messageId: "allocationWithoutPodSubnet",
          path: [...at, "podIpAllocation"],
          data: { pool: p.name, mode: raw.podIpAllocation },
        });
    }
  },
});
