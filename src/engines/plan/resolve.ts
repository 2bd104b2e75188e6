/**
 * Fills every AKS default into a parsed plan for its stated Kubernetes version
 * and records each default used as an `Assumption`. Never throws: text that
 * does not parse (a bad CIDR) is kept with its problem for the validator.
 */
import { tryParsePrefix } from "../../ip/index.js";
import {
  DEFAULT_CIDRS,
  defaultMaxPods,
  defaultMaxSurge,
  defaultModel,
  formatKubernetesVersion,
  tryParseKubernetesVersion,
  type DataplaneId,
  type KubernetesVersion,
  type ModelId,
  type Source,
  type Sourced,
} from "../../kb/index.js";
import { formatMaxSurge, surgeNodes, tryParseMaxSurge } from "../capacity/index.js";
import { DEFAULT_OUTBOUND, DEFAULT_POLICY } from "./facts.js";
import type { FieldPath } from "./parse.js";
import type { Assumption, CidrField, ResolvedMaxSurge, ResolvedPlan, ResolvedPool } from "./resolved.js";
import type { NodePool, Plan } from "./schema.js";

const urls = (s: readonly Source[]): string => [...new Set(s.map((x) => x.url))].join("; ");
const alternativesOf = <T>(s: Sourced<T>, show: (v: T) => string): Assumption["alternatives"] =>
  s.alternatives?.map((a) => ({ value: show(a.value), meaning: a.note, source: urls(a.source) }));

/** A CIDR field as written, parsed when it parses. */
export function cidrField(path: FieldPath, text: string): CidrField {
  const r = tryParsePrefix(text);
  return r.ok ? { path, text, prefix: r.value } : { path, text, problem: r.error.reason };
}

function modelOf(plugin: ResolvedPlan["plugin"], mode: "overlay" | undefined, pools: readonly NodePool[]): ModelId {
  if (plugin === "kubenet") return "kubenet";
  if (plugin === "none") return "byo-cni";
  if (mode === "overlay") return "azure-cni-overlay";
  const podPools = pools.filter((p) => p.podSubnet !== undefined);
  if (podPools.length === 0) return "azure-cni-node-subnet";
  return podPools.every((p) => p.podIpAllocation === "StaticBlock")
    ? "azure-cni-pod-subnet-static"
    : "azure-cni-pod-subnet-dynamic";
}

export function resolvePlan(plan: Plan): ResolvedPlan {
  const assumptions: Assumption[] = [];
  const assume = (a: Assumption) => assumptions.push(a);
  const version = plan.kubernetesVersion === undefined ? undefined : tryParseKubernetesVersion(plan.kubernetesVersion);
  const net = plan.network;

  let plugin = net.plugin;
  if (plugin === undefined) {
    const hasPodSubnet = plan.nodePools.some((p) => p.podSubnet !== undefined);
    if (net.pluginMode === "overlay" || hasPodSubnet || net.dataplane === "cilium") {
      plugin = "azure";
      assume({
        path: "network.plugin",
        value: "azure",
        reason:
          net.pluginMode === "overlay"
            ? "pluginMode overlay implies the azure plugin"
            : hasPodSubnet
              ? "a pool names a pod subnet, which implies the azure plugin"
              : "the Cilium dataplane implies the azure plugin",
        source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-cni-overview.md",
      });
    } else {
      const d = defaultModel(version);
      plugin = d.value === "kubenet" ? "kubenet" : "azure";
      const alts = alternativesOf(d, String);
      assume({
        path: "network.plugin",
        value: d.value === "kubenet" ? "kubenet" : "azure (overlay)",
        reason: version
          ? `no plugin given: AKS uses ${d.value === "kubenet" ? "kubenet before" : "Azure CNI Overlay from"} Kubernetes 1.30 (this plan: ${formatKubernetesVersion(version)})`
          : "no plugin and no kubernetesVersion given: assumed a current version, where AKS uses Azure CNI Overlay (from 1.30)",
        source: urls(d.source),
        ...(alts ? { alternatives: alts } : {}),
      });
    }
  }
  const pluginMode: "overlay" | undefined =
    net.pluginMode ??
    (net.plugin === undefined && plugin === "azure" && !plan.nodePools.some((p) => p.podSubnet !== undefined)
      ? "overlay"
      : undefined);
  const model = modelOf(plugin, pluginMode, plan.nodePools);
  if (net.plugin === "azure" && net.pluginMode === undefined && model === "azure-cni-node-subnet") {
    assume({
      path: "network.pluginMode",
      value: "(none): Azure CNI node subnet",
      reason:
        "plugin azure without a mode and without pod subnets means Azure CNI node subnet (legacy), kept for backward compatibility",
      source: "MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-overlay.md",
    });
  }

  const dataplane: DataplaneId = net.dataplane ?? "azure";
  if (net.dataplane === undefined) {
    assume({
      path: "network.dataplane",
      value: "azure",
      reason: "no dataplane given: AKS uses the Azure (iptables) dataplane",
      source: "MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-powered-by-cilium.md",
    });
  }
  const policy = net.policy ?? DEFAULT_POLICY.value;
  if (net.policy === undefined) {
    assume({
      path: "network.policy",
      value: policy,
      reason: "no network policy given: none is the default for new clusters",
      source: DEFAULT_POLICY.source,
    });
  }

  const podCidrTexts = net.podCidrs ?? [];
  const svcTexts = net.serviceCidrs ?? [];
  let ipFamilies = net.ipFamilies;
  if (ipFamilies === undefined) {
    const v6 = [...podCidrTexts, ...svcTexts].some((t) => cidrField([], t).prefix?.family === 6);
    ipFamilies = v6 ? ["IPv4", "IPv6"] : ["IPv4"];
    assume({
      path: "network.ipFamilies",
      value: ipFamilies.join(", "),
      reason: v6
        ? "no ipFamilies given, but an IPv6 pod or service CIDR is: assumed dual-stack"
        : "no ipFamilies given: single-stack IPv4",
      source: "MicrosoftDocs/azure-aks-docs:articles/aks/configure-dual-stack.md",
    });
  }
  const dual = ipFamilies.includes("IPv6");

  let podCidrs: CidrField[] = podCidrTexts.map((t, i) => cidrField(["network", "podCidrs", i], t));
  if (net.podCidrs === undefined && (model === "kubenet" || model === "azure-cni-overlay")) {
    const d = dual ? [DEFAULT_CIDRS.podCidr, DEFAULT_CIDRS.podCidrV6] : [DEFAULT_CIDRS.podCidr];
    podCidrs = d.map((t, i) => cidrField(["network", "podCidrs", i], t.value));
    assume({
      path: "network.podCidrs",
      value: podCidrs.map((c) => c.text).join(", "),
      reason: "no pod CIDR given: the AKS default",
      source: urls(d.flatMap((x) => x.source)),
    });
  }
  let serviceCidrs: CidrField[] = svcTexts.map((t, i) => cidrField(["network", "serviceCidrs", i], t));
  if (net.serviceCidrs === undefined) {
    const d = dual ? [DEFAULT_CIDRS.serviceCidr, DEFAULT_CIDRS.serviceCidrV6] : [DEFAULT_CIDRS.serviceCidr];
    serviceCidrs = d.map((t, i) => cidrField(["network", "serviceCidrs", i], t.value));
    assume({
      path: "network.serviceCidrs",
      value: serviceCidrs.map((c) => c.text).join(", "),
      reason: "no service CIDR given: the AKS default",
      source: urls(d.flatMap((x) => x.source)),
    });
  }
  const dnsText = net.dnsServiceIp ?? DEFAULT_CIDRS.dnsServiceIp.value;
  if (net.dnsServiceIp === undefined) {
    assume({
      path: "network.dnsServiceIp",
      value: dnsText,
      reason: "no DNS service IP given: the AKS default",
      source: urls(DEFAULT_CIDRS.dnsServiceIp.source),
    });
  }
  const outboundType = net.outboundType ?? DEFAULT_OUTBOUND.value;
  if (net.outboundType === undefined) {
    assume({
      path: "network.outboundType",
      value: outboundType,
      reason: "no outbound type given: the AKS default",
      source: DEFAULT_OUTBOUND.source,
    });
  }

  const pools = plan.nodePools.map((p, i) => resolvePool(p, i, model, version, assume));

  return {
    plan,
    ...(version ? { kubernetesVersion: { ...version, text: formatKubernetesVersion(version) } } : {}),
    plugin,
    ...(pluginMode ? { pluginMode } : {}),
    model,
    dataplane,
    policy,
    ipFamilies,
    podCidrs,
    serviceCidrs,
    dnsServiceIp: { path: ["network", "dnsServiceIp"], text: dnsText },
    outboundType,
    vnetAddressSpace: (plan.vnet?.addressSpace ?? []).map((t, i) => cidrField(["vnet", "addressSpace", i], t)),
    subnets: (plan.vnet?.subnets ?? []).map((s, i) => {
      const f = cidrField(["vnet", "subnets", i, "cidr"], s.cidr);
      return s.delegation
        ? { ...f, name: s.name, index: i, delegation: s.delegation }
        : Object.assign(f, { name: s.name, index: i });
    }),
    connectedNetworks: plan.connectedNetworks.map((c, i) => ({
      name: c.name,
      index: i,
      cidrs: c.cidrs.map((t, j) => cidrField(["connectedNetworks", i, "cidrs", j], t)),
    })),
    pools,
    assumptions,
  };
}

function poolModel(p: NodePool, model: ModelId): ModelId {
  if (model !== "azure-cni-pod-subnet-dynamic" && model !== "azure-cni-pod-subnet-static") return model;
  return p.podIpAllocation === "StaticBlock" ? "azure-cni-pod-subnet-static" : "azure-cni-pod-subnet-dynamic";
}

function resolvePool(
  p: NodePool,
  i: number,
  model: ModelId,
  version: KubernetesVersion | undefined,
  assume: (a: Assumption) => void,
): ResolvedPool {
  const at = `nodePools[${i}]`;
  const autoscale = p.minCount !== undefined || p.maxCount !== undefined;
  const count = p.count ?? p.minCount ?? 0;
  const peakCount = Math.max(count, autoscale ? (p.maxCount ?? count) : count);
  const mode = p.mode ?? (i === 0 ? "System" : "User");
  if (p.mode === undefined) {
    assume({
      path: `${at}.mode`,
      value: mode,
      reason: i === 0 ? "the first pool is the system pool" : "pools after the first are user pools",
      source: "MicrosoftDocs/azure-aks-docs:articles/aks/use-system-pools.md",
    });
  }

  const pm = poolModel(p, model);
  const given = p.maxPods !== undefined && p.maxPods !== 0 ? p.maxPods : undefined;
  const dflt = defaultMaxPods(pm);
  if (given === undefined) {
    const alts = alternativesOf(dflt, String);
    assume({
      path: `${at}.maxPods`,
      value: String(dflt.value),
      reason: `no maxPods given for pool "${p.name}": the default for ${pm}`,
      source: urls(dflt.source),
      ...(alts ? { alternatives: alts } : {}),
    });
  }

  let maxSurge: ResolvedMaxSurge;
  const parsedSurge = p.maxSurge === undefined ? undefined : tryParseMaxSurge(p.maxSurge);
  if (p.maxSurge !== undefined) {
    maxSurge = {
      text: String(p.maxSurge),
      nodes: parsedSurge ? surgeNodes(peakCount, parsedSurge) : 1,
      defaulted: false,
      valid: parsedSurge !== undefined,
    };
  } else {
    const d = defaultMaxSurge(version);
    const nodes = surgeNodes(peakCount, d.value);
    maxSurge = { text: formatMaxSurge(d.value), nodes, defaulted: true, valid: true };
    const alts = d.alternatives?.map((a) => ({
      value: formatMaxSurge(a.value),
      meaning: `${a.note} (${surgeNodes(peakCount, a.value)} node(s) for this pool)`,
      source: urls(a.source),
    }));
    assume({
      path: `${at}.maxSurge`,
      value: `${maxSurge.text} (${nodes} node${nodes === 1 ? "" : "s"})`,
      reason: `no maxSurge given for pool "${p.name}": the AKS default for ${version ? `Kubernetes ${formatKubernetesVersion(version)}` : "a current Kubernetes version (no kubernetesVersion given)"}`,
      source: urls(d.source),
      ...(alts ? { alternatives: alts } : {}),
    });
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
    ...(p.podIpAllocation !== undefined
      ? { podIpAllocation: p.podIpAllocation }
      : p.podSubnet !== undefined
        ? { podIpAllocation: "DynamicIndividual" as const }
        : {}),
  };
}
