/**
 * Nodes hold pod ranges outside the pod CIDR the configuration names: the configuration's pod CIDR is not
 * the cluster's (Overlay can add a range with az aks update --pod-cidr; kubenet cannot change it).
 */
import { tryParsePrefix } from "../../../ip/index.js";
import { defineDriftRule, CHECKED } from "./inputs.js";

export default defineDriftRule({
  meta: {
    id: "pod-range-outside-pod-cidr",
    family: "drift",
    severity: "error",
    description: "Every node's pod range lies in the pod CIDR the configuration names.",
    messages: {
      outside: {
        message: "Nodes with a pod range outside the configured pod CIDR {podCidrs}: {count}, e.g. {node} {range}.",
        fix: "Set network.podCidrs to the cluster's pod CIDR (az aks show --query networkProfile.podCidrs).",
      },
    },
    sources: [
      "https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay",
      "https://learn.microsoft.com/azure/aks/configure-kubenet",
    ],
    checked: CHECKED,
    file: "src/engines/inspect/rules/pod-range-outside-pod-cidr.ts",
  },
  check({ plan, nodes, report }) {
    const cidrs = plan.podCidrs.flatMap((c) => (c.prefix ? [c.prefix.masked()] : []));
    if (cidrs.length === 0) return;
    const stray = nodes.filter((n) =>
      n.podCidrs.some((x) => {
        const q = tryParsePrefix(x);
        return q.ok && !cidrs.some((pc) => (pc.family === q.value.family ? pc.contains(q.value) : true));
      }),
    );
    const first = stray[0];
    if (first)
      report({
        messageId: "outside",
        path: ["network", "podCidrs"],
        data: {
          count: stray.length,
          podCidrs: plan.podCidrs.map((c) => c.text).join(", "),
          node: first.name,
          range: first.podCidrs.join(", "),
        },
      });
  },
});
