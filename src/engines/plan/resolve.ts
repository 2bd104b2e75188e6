/**
 * Fills every AKS default into a parsed plan for its stated Kubernetes version
 * and records each default used as an `Assumption`. Never throws: text that
 * does not parse (a bad CIDR) is kept with its problem for the validator.
 */
import { tryParsePrefix } from "../../ip/index.js";
import type { DataplaneId, ModelId } from "../../kb/index.js";
import {
  DEFAULT_MAX_PODS,
  DEFAULT_OUTBOUND,
  DEFAULT_POLICY,
  DEFAULT_RANGES,
  MAX_PODS_DISAGREEMENT,
  OVERLAY_DEFAULT_FROM_MINOR,
  SURGE_10_PERCENT_FROM_MINOR,
  SURGE_ONE_NODE_SOURCE,
} from "./facts.js";
import type { Assumption, CidrField, KubernetesVersion, MaxSurge, ResolvedPlan, ResolvedPool } from "./resolved.js";
import type { NodePool, Plan } from "./schema.js";

/** Parses `"1.33"`, `"1.33.2"`, `"v1.33"` or the number `1.33`; undefined when it is not a version. */
export function parseKubernetesVersion(v: string | number | undefined): KubernetesVersion | undefined {
  if (v === undefined) return undefined;
  const text = String(v).trim();
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text);
  if (!m) return undefined;
  return { text, major: Number(m[1]), minor: Number(m[2]) };
}

/** Reports whether the version is at least 1.minor (an unknown version counts as current). */
function atLeast(v: KubernetesVersion | undefined, minor: number): boolean {
  return v === undefined || v.major > 1 || (v.major === 1 && v.minor >= minor);
}

/** A CIDR field as written, parsed when it parses. */
export function cidrField(path: string, text: string): CidrField {
  const r = tryParsePrefix(text);
  return r.ok ? { path, text, prefix: r.value } : { path, text, problem: r.error.message };
}

/** The extra nodes a max surge setting means for a pool of `nodes` nodes (percent rounds up; at least 1). */
export function surgeNodes(maxSurge: string | number, nodes: number): number | undefined {
  if (typeof maxSurge === "number") return Number.isInteger(maxSurge) && maxSurge >= 0 ? maxSurge : undefined;
  const t = maxSurge.trim();
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (pct) return Math.max(1, Math.ceil((Number(pct[1]) * nodes) / 100));
  if (/^\d+$/.test(t)) return Number(t);
  return undefined;
}

function modelOf(plugin: ResolvedPlan["plugin"], mode: "overlay" | undefined, pools: readonly NodePool[]): ModelId {
  if (plugin === "kubenet") return "kubenet";
  if (plugin === "none") return "byo-cni";
  if (mode === "overlay") return "azure-cni-overlay";
  const podPools = pools.filter((p) => p.podSubnet !== undefined);
  if (podPools.length === 0) return "azure-cni-node-subnet";
  return podPools.every((p) => p.podIpAllocation === "StaticBlock") ? "azure-cni-pod-subnet-static" : "azure-cni-pod-subnet-dynamic";
}

export function resolvePlan(plan: Plan): ResolvedPlan {
  const assumptions: Assumption[] = [];
  const assume = (a: Assumption) => assumptions.push(a);
  const version = parseKubernetesVersion(plan.kubernetesVersion);
  const net = plan.network;

  let plugin = net.plugin;
  if (plugin === undefined) {
    const hasPodSubnet = plan.nodePools.some((p) => p.podSubnet !== undefined);
    if (net.pluginMode === "overlay" || hasPodSubnet || net.dataplane === "cilium") {
      plugin = "azure";
      assume({
        path: "network.plugin",
        value: "azure",
        reason: net.pluginMode === "overlay" ? "pluginMode overlay implies the azure plugin" : hasPodSubnet ? "a pool names a pod subnet, which implies the azure plugin" : "the Cilium dataplane implies the azure plugin",
        source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-cni-overview.md",
      });
    } else if (atLeast(version, OVERLAY_DEFAULT_FROM_MINOR.value)) {
      plugin = "azure";
      assume({
        path: "network.plugin",
        value: "azure (overlay)",
        reason: version
          ? `no plugin given: AKS uses Azure CNI Overlay from Kubernetes 1.${OVERLAY_DEFAULT_FROM_MINOR.value} (this plan: ${version.text})`
          : `no plugin and no kubernetesVersion given: assumed a current version, where AKS uses Azure CNI Overlay (from 1.${OVERLAY_DEFAULT_FROM_MINOR.value})`,
        source: OVERLAY_DEFAULT_FROM_MINOR.source,
        alternatives: [
          { value: "kubenet", meaning: `the default before Kubernetes 1.${OVERLAY_DEFAULT_FROM_MINOR.value}; some older pages still say kubenet is the default`, source: "MicrosoftDocs/azure-aks-docs:articles/aks/configure-kubenet.md" },
        ],
      });
    } else {
      plugin = "kubenet";
      assume({
        path: "network.plugin",
        value: "kubenet",
        reason: `no plugin given: AKS uses kubenet before Kubernetes 1.${OVERLAY_DEFAULT_FROM_MINOR.value} (this plan: ${version?.text ?? "?"})`,
        source: OVERLAY_DEFAULT_FROM_MINOR.source,
      });
    }
  }
  const pluginMode: "overlay" | undefined =
    net.pluginMode ?? (net.plugin === undefined && plugin === "azure" && !plan.nodePools.some((p) => p.podSubnet !== undefined) ? "overlay" : undefined);
  const model = modelOf(plugin, pluginMode, plan.nodePools);
  if (net.plugin === "azure" && net.pluginMode === undefined && model === "azure-cni-node-subnet") {
    assume({
      path: "network.pluginMode",
      value: "(none): Azure CNI node subnet",
      reason: "plugin azure without a mode and without pod subnets means Azure CNI node subnet (legacy), kept for backward compatibility",
      source: "MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-overlay.md",
    });
  }

  const dataplane: DataplaneId = net.dataplane ?? "azure";
  if (net.dataplane === undefined) {
    assume({ path: "network.dataplane", value: "azure", reason: "no dataplane given: AKS uses the Azure (iptables) dataplane", source: "MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-powered-by-cilium.md" });
  }
  const policy = net.policy ?? DEFAULT_POLICY.value;
  if (net.policy === undefined) {
    assume({ path: "network.policy", value: policy, reason: "no network policy given: none is the default for new clusters", source: DEFAULT_POLICY.source });
  }

  const podCidrTexts = net.podCidrs ?? [];
  const svcTexts = net.serviceCidrs ?? [];
  let ipFamilies = net.ipFamilies;
  if (ipFamilies === undefined) {
    const v6 = [...podCidrTexts, ...svcTexts].some((t) => cidrField("", t).prefix?.family === 6);
    ipFamilies = v6 ? ["IPv4", "IPv6"] : ["IPv4"];
    assume({
      path: "network.ipFamilies",
      value: ipFamilies.join(", "),
      reason: v6 ? "no ipFamilies given, but an IPv6 pod or service CIDR is: assumed dual-stack" : "no ipFamilies given: single-stack IPv4",
      source: "MicrosoftDocs/azure-aks-docs:articles/aks/configure-dual-stack.md",
    });
  }
  const dual = ipFamilies.includes("IPv6");

  let podCidrs: CidrField[] = podCidrTexts.map((t, i) => cidrField(`network.podCidrs[${i}]`, t));
  if (net.podCidrs === undefined && (model === "kubenet" || model === "azure-cni-overlay")) {
    const d = DEFAULT_RANGES.podCidrs.value;
    podCidrs = (dual ? [d.v4, d.v6] : [d.v4]).map((t, i) => cidrField(`network.podCidrs[${i}]`, t));
    assume({ path: "network.podCidrs", value: podCidrs.map((c) => c.text).join(", "), reason: "no pod CIDR given: the AKS default", source: DEFAULT_RANGES.podCidrs.source });
  }
  let serviceCidrs: CidrField[] = svcTexts.map((t, i) => cidrField(`network.serviceCidrs[${i}]`, t));
  if (net.serviceCidrs === undefined) {
    const d = DEFAULT_RANGES.serviceCidrs.value;
    serviceCidrs = (dual ? [d.v4, d.v6] : [d.v4]).map((t, i) => cidrField(`network.serviceCidrs[${i}]`, t));
    assume({ path: "network.serviceCidrs", value: serviceCidrs.map((c) => c.text).join(", "), reason: "no service CIDR given: the AKS default", source: DEFAULT_RANGES.serviceCidrs.source });
  }
  const dnsText = net.dnsServiceIp ?? DEFAULT_RANGES.dnsServiceIp.value;
  if (net.dnsServiceIp === undefined) {
    assume({ path: "network.dnsServiceIp", value: dnsText, reason: "no DNS service IP given: the AKS default", source: DEFAULT_RANGES.dnsServiceIp.source });
  }
  const outboundType = net.outboundType ?? DEFAULT_OUTBOUND.value;
  if (net.outboundType === undefined) {
    assume({ path: "network.outboundType", value: outboundType, reason: "no outbound type given: the AKS default", source: DEFAULT_OUTBOUND.source });
  }

  const pools = plan.nodePools.map((p, i) => resolvePool(p, i, model, version, assume));

  return {
    plan,
    ...(version ? { kubernetesVersion: version } : {}),
    plugin,
    ...(pluginMode ? { pluginMode } : {}),
    model,
    dataplane,
    policy,
    ipFamilies,
    podCidrs,
    serviceCidrs,
    dnsServiceIp: { path: "network.dnsServiceIp", text: dnsText },
    outboundType,
    vnetAddressSpace: (plan.vnet?.addressSpace ?? []).map((t, i) => cidrField(`vnet.addressSpace[${i}]`, t)),
    subnets: (plan.vnet?.subnets ?? []).map((s, i) => ({
      ...cidrField(`vnet.subnets[${i}].cidr`, s.cidr),
      name: s.name,
      index: i,
      ...(s.delegation ? { delegation: s.delegation } : {}),
    })),
    connectedNetworks: plan.connectedNetworks.map((c, i) => ({
      name: c.name,
      index: i,
      cidrs: c.cidrs.map((t, j) => cidrField(`connectedNetworks[${i}].cidrs[${j}]`, t)),
    })),
    pools,
    assumptions,
  };
}

function poolModel(p: NodePool, model: ModelId): ModelId {
  if (model !== "azure-cni-pod-subnet-dynamic" && model !== "azure-cni-pod-subnet-static") return model;
  return p.podIpAllocation === "StaticBlock" ? "azure-cni-pod-subnet-static" : "azure-cni-pod-subnet-dynamic";
}

function resolvePool(p: NodePool, i: number, model: ModelId, version: KubernetesVersion | undefined, assume: (a: Assumption) => void): ResolvedPool {
  const at = `nodePools[${i}]`;
  const autoscale = p.minCount !== undefined || p.maxCount !== undefined;
  const count = p.count ?? p.minCount ?? 0;
  const peakCount = Math.max(count, autoscale ? (p.maxCount ?? count) : count);
  const mode = p.mode ?? (i === 0 ? "System" : "User");
  if (p.mode === undefined) {
    assume({ path: `${at}.mode`, value: mode, reason: i === 0 ? "the first pool is the system pool" : "pools after the first are user pools", source: "MicrosoftDocs/azure-aks-docs:articles/aks/use-system-pools.md" });
  }

  const pm = poolModel(p, model);
  const given = p.maxPods !== undefined && p.maxPods !== 0 ? p.maxPods : undefined;
  const dflt = DEFAULT_MAX_PODS[pm];
  if (given === undefined) {
    const other = MAX_PODS_DISAGREEMENT[pm];
    assume({
      path: `${at}.maxPods`,
      value: String(dflt.value),
      reason: `no maxPods given for pool "${p.name}": the default for ${pm}`,
      source: dflt.source,
      ...(other ? { alternatives: [{ value: String(other.value), meaning: "another documented default", source: other.source }] } : {}),
    });
  }

  let maxSurge: MaxSurge;
  if (p.maxSurge !== undefined) {
    maxSurge = { text: String(p.maxSurge), nodes: surgeNodes(p.maxSurge, peakCount) ?? 1, defaulted: false };
  } else if (atLeast(version, SURGE_10_PERCENT_FROM_MINOR.value)) {
    maxSurge = { text: "10%", nodes: surgeNodes("10%", peakCount) ?? 1, defaulted: true };
    assume({
      path: `${at}.maxSurge`,
      value: `10% (${maxSurge.nodes} node${maxSurge.nodes === 1 ? "" : "s"})`,
      reason: `no maxSurge given for pool "${p.name}": AKS defaults to 10% from Kubernetes 1.${SURGE_10_PERCENT_FROM_MINOR.value}${version ? "" : " (no kubernetesVersion given: assumed current)"}`,
      source: SURGE_10_PERCENT_FROM_MINOR.source,
      alternatives: [{ value: "1", meaning: "one surge node, the default the rolling-upgrade page and the InsufficientSubnetSize guide still state", source: SURGE_ONE_NODE_SOURCE }],
    });
  } else {
    maxSurge = { text: "1", nodes: 1, defaulted: true };
    assume({ path: `${at}.maxSurge`, value: "1", reason: `no maxSurge given for pool "${p.name}": one node before Kubernetes 1.${SURGE_10_PERCENT_FROM_MINOR.value}`, source: SURGE_ONE_NODE_SOURCE });
  }

  return {
    index: i,
    name: p.name,
    mode,
    os: p.os ?? "Linux",
    autoscale,
    count,
    ...(p.minCount !== undefined ? { minCount: p.minCount } : {}),
    ...(p.maxCount !== undefined ? { maxCount: p.maxCount } : {}),
    peakCount,
    maxPods: given ?? dflt.value,
    maxPodsDefaulted: given === undefined,
    maxSurge,
    ...(p.subnet !== undefined ? { subnet: p.subnet } : {}),
    ...(p.podSubnet !== undefined ? { podSubnet: p.podSubnet } : {}),
    ...(p.podIpAllocation !== undefined ? { podIpAllocation: p.podIpAllocation } : p.podSubnet !== undefined ? { podIpAllocation: "DynamicIndividual" as const } : {}),
  };
}
