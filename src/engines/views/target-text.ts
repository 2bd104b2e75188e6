/**
 * The words for a recommendation's target, shared by `aksnet recommend` (text, Markdown, the
 * emitted plan's header) and the web page, so both say the same thing about the same input.
 */
import type { Recommendation } from "../recommend/index.js";
import { guardArgs } from "../../ip/index.js";

/** One line describing the target, e.g. "10 nodes (50 at most), 50 max pods per node, Kubernetes 1.33". */
export const targetText = guardArgs(
  "targetText",
  [{ name: "recommendation", want: { target: { requirements: "object" } }, words: "a recommendation (recommend)" }],
  function targetText(r: Recommendation): string {
    const t = r.target;
    const q = t.requirements;
    const parts = [
      `${t.nodes} node${t.nodes === 1 ? "" : "s"}${t.peakNodes > t.nodes ? ` (${t.peakNodes} at most)` : ""}`,
    ];
    parts.push(`${t.maxPods} max pods per node${t.maxPodsAssumed ? " (assumed)" : ""}`);
    if (t.pools.length > 1) parts.push(`${t.pools.length} node pools`);
    if (t.kubernetesVersionText) parts.push(`Kubernetes ${t.kubernetesVersionText}`);
    if (t.addressSpace.length) parts.push(`in ${t.addressSpace.map((p) => p.toString()).join(", ")}`);
    const flags: [boolean | undefined, string][] = [
      [q.podsReachableFromVnet, "pods reachable from the VNet"],
      [q.podsReachableFromOnPremises, "pods reachable from on-premises"],
      [q.podIpsTraceable, "pod IPs traceable end to end"],
      [q.windows, "Windows pools"],
      [q.virtualNodes, "virtual nodes"],
      [q.applicationGateway, "Application Gateway"],
      [q.dualStack, "dual-stack"],
      [q.latencySensitive, "latency-sensitive"],
      [q.ebpf, "eBPF / no kube-proxy"],
      [q.nodeAutoProvisioning, "node auto-provisioning"],
      [q.staticEgressGateway, "static egress gateway"],
      [q.applicationGatewayForContainers, "Application Gateway for Containers"],
      [q.apiServerVnetIntegration, "API Server VNet Integration"],
      [q.automatic, "AKS Automatic"],
    ];
    for (const [on, text] of flags) if (on) parts.push(text);
    if (q.networkPolicy && q.networkPolicy !== "none") parts.push(`network policy ${q.networkPolicy}`);
    return parts.join(", ");
  },
);
