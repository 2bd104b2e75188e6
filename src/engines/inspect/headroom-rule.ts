/**
 * The headroom checks as findings of one rule, `inspect/headroom`: the id a project config names (docs/ci.md),
 * the SARIF results' rule, and a docs page under docs/rules/ like the check and drift rules'. A check that does
 * not fit is a finding (the same threshold as the text output's FAIL line); its message is the check's own.
 */
import type { RuleMeta } from "../validate/index.js";

export const HEADROOM_RULE_ID = "inspect/headroom" as const;

type HeadroomMessage = "upgrade" | "autoscaler" | "scaleSet" | "azure";

export const HEADROOM_META: RuleMeta<HeadroomMessage> = {
  id: HEADROOM_RULE_ID,
  family: "headroom",
  severity: "error",
  description:
    "The running cluster has room for its next upgrade's surge nodes and for its autoscaled pools at their " +
    "maximums, in every range it takes addresses from (aksnet inspect's headroom).",
  messages: {
    upgrade: {
      message:
        "The next upgrade (surge of {needsNodes} nodes) does not fit in the tightest range or limit: the node " +
        "subnet (SubnetIsFull), the pod subnet, the pod CIDR's /24 blocks, the route table or the VNet's IPs.",
      fix:
        "Lower the pools' max surge (or upgrade with maxUnavailable), or give the range more room: a larger or " +
        "new subnet for the pool, or on Overlay a larger pod CIDR (az aks update --pod-cidr).",
      aksErrorCode: "SubnetIsFull",
    },
    autoscaler: {
      message:
        "Scaling every autoscaled pool to its maximum plus the surge at that size ({needsNodes} nodes) does not " +
        "fit in the tightest range or limit, or passes the cluster's node limit.",
      fix:
        "Lower the pools' maxCount to what the range holds, or give the range more room (a larger subnet, a new " +
        "pool on its own subnet, a larger Overlay pod CIDR).",
      aksErrorCode: "InsufficientSubnetSize",
    },
    scaleSet: {
      message: "A pool plus its upgrade surge would pass the scale set's instance limit, so AKS rejects the upgrade.",
      fix: "Lower the pool's node count or max surge, or split the pool in two.",
    },
    azure: {
      message:
        "With --azure: a scan check on the pool's subnet as Azure counts it (next upgrade, scale-out to maxCount, " +
        "upgrade at maxCount, every pool on the subnet at maxCount) does not fit.",
      fix: "As the scan's check says (docs/scan.md): a larger subnet, a lower maxCount or max surge.",
      aksErrorCode: "SubnetIsFull",
    },
  },
  sources: [
    "MicrosoftDocs/azure-aks-docs:articles/aks/upgrade-aks-cluster.md",
    "MicrosoftDocs/azure-aks-docs:articles/aks/quotas-skus-regions.md",
    "MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/create-upgrade-delete/" +
      "error-code-subnetisfull.md",
    "MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/connectivity/" +
      "insufficientsubnetsize-error-advanced-networking.md",
  ],
  checked: "2026-12-07",
  file: "src/engines/inspect/headroom.ts",
};

/** Which of the rule's messages a headroom check is, by its name (as in `-o json`'s `headroom.checks[].name`). */
export function headroomMessageId(name: string): HeadroomMessage {
  if (typeof name !== "string") return "upgrade"; // a value from JavaScript: the general message
  if (name.includes("(Azure:")) return "azure";
  if (name.startsWith("scale set")) return "scaleSet";
  if (name.startsWith("autoscaler")) return "autoscaler";
  return "upgrade";
}
