/** `aksnet compare` output, whatever the format: the capacity and features tables, the headline and the notes. */
import { POD_CIDR_BLOCK_BITS, type CompareResult, type CompareRow } from "../../../engines/capacity/index.js";
import { PLATFORM_LIMITS } from "../../../kb/index.js";
import { parsePrefix } from "../../../ip/index.js";
import type { CellLike, Column } from "../output/table.js";
import { fallbackLead, formatNumber, perNodeText, RESOURCE_WORDS, yesNo } from "../capacity-words.js";

export function capacityTable(r: CompareResult): { columns: Column[]; rows: CellLike[][] } {
  const surge = r.models[0]?.withSurge.maxSurge ?? "";
  const columns: Column[] = [
    { header: "model" },
    { header: "dataplane" },
    { header: "pods/node", align: "right" },
    { header: "per node" },
    { header: "max nodes", align: "right" },
    { header: "max pods", align: "right" },
    { header: `nodes+surge ${surge}`, align: "right" },
    { header: `pods+surge ${surge}`, align: "right" },
    { header: "limited by" },
  ];
  const rows = r.models.map((m): CellLike[] => {
    const limit =
      m.withSurge.limitedBy === m.limitedBy
        ? RESOURCE_WORDS[m.limitedBy]
        : `${RESOURCE_WORDS[m.limitedBy]}; with surge ${RESOURCE_WORDS[m.withSurge.limitedBy]}`;
    const podsNote = m.podsLimitedBy === "cluster-pod-limit" ? " (cluster pod limit)" : "";
    return [
      m.model,
      m.dataplane ?? "(your CNI)",
      String(m.maxPodsPerNode),
      perNodeText(m),
      formatNumber(m.maxNodes),
      `${formatNumber(m.maxPods)}${podsNote}`,
      `${formatNumber(m.withSurge.maxNodes)}+${formatNumber(m.withSurge.surgeNodes)}`,
      formatNumber(m.withSurge.maxPods),
      { text: limit, mark: "limit" },
    ];
  });
  return { columns, rows };
}

export function featureTable(r: CompareResult): { columns: Column[]; rows: CellLike[][] } {
  const columns: Column[] = [
    { header: "model" },
    { header: "dataplane" },
    { header: "status" },
    { header: "Windows" },
    { header: "network policy" },
    { header: "dual-stack" },
    { header: "pods routable" },
    { header: "virtual nodes" },
    { header: "kube-proxy" },
    { header: "Private Link" },
    { header: "retires" },
  ];
  const rows = r.models.map((m): CellLike[] => {
    const f = m.features;
    return [
      m.model,
      m.dataplane ?? "(your CNI)",
      f.status === "retiring" ? { text: f.status, mark: "warn" } : f.status,
      yesNo(f.windows),
      f.networkPolicies.length ? f.networkPolicies.join(", ") : "(your CNI)",
      yesNo(f.dualStack),
      yesNo(f.podsRoutable),
      yesNo(f.virtualNodes),
      yesNo(f.kubeProxy),
      f.privateLinkService ? "yes" : { text: "no", mark: "warn" },
      f.retirement ? { text: f.retirement, mark: "warn" } : "-",
    ];
  });
  return { columns, rows };
}

export function headline(r: CompareResult): string {
  const subnet = String(r.assumptions["nodeSubnet"]?.value ?? "");
  const usable = subnet ? formatNumber(Number(parsePrefix(subnet).size()) - 5) : "?";
  const parts = [`Node subnet ${subnet} (${usable} usable addresses)`];
  const podCidr = r.assumptions["podCidr"];
  if (podCidr) parts.push(`pod CIDR ${String(podCidr.value)}`);
  const podSubnet = r.assumptions["podSubnet"];
  if (podSubnet)
    parts.push(`pod subnet ${podSubnet.value === null ? "large enough (not given)" : String(podSubnet.value)}`);
  return `${parts.join(", ")}.`;
}

export function notes(r: CompareResult): string[] {
  const out: string[] = [
    "Per node: addresses from the node subnet + the node's share of its pod range (a /24 of the pod CIDR; /28 " +
      "blocks; or, with dynamic allocation, at most max pods + 1 addresses of the pod subnet when full).",
  ];
  for (const p of r.problems) out.push(`Warning: ${p.message}.`);
  const tierLimited = r.models.find(
    (m) => m.limitedBy === "tier-node-limit" || m.withSurge.limitedBy === "tier-node-limit",
  );
  const tierCap = tierLimited?.limits.find((l) => l.resource === "tier-node-limit")?.maxNodes;
  if (tierCap !== undefined)
    out.push(
      `Tier's node limit: the ${String(r.assumptions["tier"]?.value)} tier supports ${formatNumber(tierCap)} nodes ` +
        `per cluster, surge nodes included; Standard and Premium support 5,000 (--tier).`,
    );
  const fallback = fallbackNote(r);
  if (fallback) out.push(fallback);
  const noPls = [...new Set(r.models.filter((m) => !m.features.privateLinkService).map((m) => m.model))];
  if (noPls.length)
    out.push(
      `${noPls.join(", ")}: exposing a Kubernetes LoadBalancer service as a Private Link Service is not supported.`,
    );
  if (r.models.some((m) => m.limitedBy === "vnet-ip-limit" || m.withSurge.limitedBy === "vnet-ip-limit"))
    out.push(
      `VNet IP limit: a VNet holds at most ${formatNumber(PLATFORM_LIMITS.vnetPrivateIps.value)} private IPs, and ` +
        `every node and pod-subnet address counts.`,
    );
  const alternative = alternativeSurgeNote(r);
  if (alternative) out.push(alternative);
  out.push(...sizeNotes(r));
  return out;
}

/** AKS's retry with one surge node: from which version, and the nodes that still upgrade per model. */
function fallbackNote(r: CompareResult): string | undefined {
  const fallback = r.models.filter((m) => m.withFallbackSurge);
  const fb = fallback[0]?.withFallbackSurge;
  if (!fb) return undefined;
  const when =
    fb.applies === true
      ? `on Kubernetes ${fb.fromKubernetes} and later (this version)`
      : fb.applies === false
        ? `only from Kubernetes ${fb.fromKubernetes} (not this version: the upgrade fails instead)`
        : `from Kubernetes ${fb.fromKubernetes}`;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const m of fallback)
    if (!seen.has(m.model)) {
      seen.add(m.model);
      parts.push(`${m.model} ${formatNumber(m.withFallbackSurge?.maxNodes ?? 0)}`);
    }
  return `${fallbackLead(when, "")}, nodes that still upgrade: ${parts.join(", ")}.`;
}

/** The nodes with surge under the other documented default max surge. */
function alternativeSurgeNote(r: CompareResult): string | undefined {
  const alt = r.models.filter((m) => m.withAlternativeSurge);
  if (alt.length === 0) return undefined;
  const first = alt[0]?.withAlternativeSurge;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const m of alt) {
    if (seen.has(m.model)) continue;
    seen.add(m.model);
    parts.push(`${m.model} ${formatNumber(m.withAlternativeSurge?.maxNodes ?? 0)}`);
  }
  return (
    `With max surge ${first?.maxSurge} (the other documented default), nodes with surge would be: ` +
    `${parts.join(", ")}.`
  );
}

/** Notes on sizes: a pod CIDR too small for a node, pools needed for the capacity, pod subnets needed. */
function sizeNotes(r: CompareResult): string[] {
  const out: string[] = [];
  const podCidr = r.assumptions["podCidr"]?.value;
  if (typeof podCidr === "string" && parsePrefix(podCidr).bits > POD_CIDR_BLOCK_BITS)
    out.push(
      `The pod CIDR ${podCidr} is smaller than the /${POD_CIDR_BLOCK_BITS} each kubenet or Overlay node takes: no ` +
        `node fits.`,
    );
  const perPool = PLATFORM_LIMITS.nodesPerPool.value;
  const big = r.models.filter((m) => m.maxNodes > perPool);
  if (big.length > 0)
    out.push(
      `A node pool holds at most ${formatNumber(perPool)} nodes including surge nodes: ` +
        `${[...new Set(big.map((m) => m.model))].join(", ")} need at least ` +
        `${Math.ceil(Math.max(...big.map((m) => m.maxNodes)) / perPool)} pools to use the whole capacity.`,
    );
  const needed = new Map<string, CompareRow>();
  for (const m of r.models) if (m.podSubnetNeeded && !needed.has(m.model)) needed.set(m.model, m);
  for (const m of needed.values()) {
    const n = m.podSubnetNeeded;
    if (!n) continue;
    out.push(
      `${m.model}: ${formatNumber(m.maxNodes)} nodes at ${m.maxPodsPerNode} pods need a pod subnet of ` +
        `${formatNumber(n.addressesNeeded)} addresses: ` +
        `${n.prefixLength === null ? "more than any Azure subnet" : `a /${n.prefixLength}`}.`,
    );
  }
  return out;
}
