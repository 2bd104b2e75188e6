/**
 * The network profile of a plan with every AKS default filled in: plugin, mode, model, dataplane, policy,
 * IP families, pod and service CIDRs, DNS service IP and outbound type. Each default taken is recorded as
 * an `Assumption` with the knowledge-base fact it comes from.
 */
import { tryParsePrefix } from "../../ip/index.js";
import {
  AKS_AUTOMATIC,
  DEFAULT_CIDRS,
  defaultModel,
  formatKubernetesVersion,
  MODEL_SELECTION,
  PLAN_DEFAULTS,
  type DataplaneId,
  type KubernetesVersion,
  type ModelId,
  type Source,
  type Sourced,
} from "../../kb/index.js";
import type { FieldPath } from "./parse.js";
import type { Assumption, CidrField, ResolvedPlan } from "./resolved-plan.js";
import type { NodePool, Plan } from "../schema/index.js";

/** Source URLs of facts, joined for an assumption. */
export const urls = (s: readonly Source[]): string => [...new Set(s.map((x) => x.url))].join("; ");
/** An assumption's alternatives from a fact's. */
export const alternativesOf = <T>(s: Sourced<T>, show: (v: T) => string): Assumption["alternatives"] =>
  s.alternatives?.map((a) => ({ value: show(a.value), meaning: a.note, source: urls(a.source) }));

/** A CIDR as written, parsed when it parses. */
export function cidrField(path: FieldPath, text: string): CidrField {
  const r = tryParsePrefix(text);
  return r.ok ? { path, text, prefix: r.value } : { path, text, problem: r.error.reason };
}

/** The fields of `ResolvedPlan` this module fills. */
export type ResolvedNetwork = Pick<
  ResolvedPlan,
  | "plugin"
  | "pluginMode"
  | "model"
  | "dataplane"
  | "policy"
  | "ipFamilies"
  | "podCidrs"
  | "serviceCidrs"
  | "dnsServiceIp"
  | "outboundType"
>;

type Assume = (a: Assumption) => void;

function modelOfPlan(plugin: ResolvedPlan["plugin"], mode: "overlay" | undefined, pools: readonly NodePool[]): ModelId {
  if (plugin === "kubenet") return "kubenet";
  if (plugin === "none") return "byo-cni";
  if (mode === "overlay") return "azure-cni-overlay";
  const podPools = pools.filter((p) => p.podSubnet !== undefined);
  if (podPools.length === 0) return "azure-cni-node-subnet";
  return podPools.every((p) => p.podIpAllocation === "StaticBlock")
    ? "azure-cni-pod-subnet-static"
    : "azure-cni-pod-subnet-dynamic";
}

const AUTOMATIC_REASON = "AKS Automatic always uses Azure CNI Overlay with Cilium (dataplane and network policy)";
const AUTOMATIC_SOURCE = urls(AKS_AUTOMATIC.network.source);

function resolvePlugin(plan: Plan, version: KubernetesVersion | undefined, assume: Assume): ResolvedPlan["plugin"] {
  const net = plan.network;
  if (net.plugin !== undefined) return net.plugin;
  if (plan.sku?.name === "Automatic") {
    assume({ path: "network.plugin", value: "azure (overlay)", reason: AUTOMATIC_REASON, source: AUTOMATIC_SOURCE });
    return "azure";
  }
  const hasPodSubnet = plan.nodePools.some((p) => p.podSubnet !== undefined);
  if (net.pluginMode === "overlay" || hasPodSubnet || net.dataplane === "cilium") {
    assume({
      path: "network.plugin",
      value: "azure",
      reason:
        net.pluginMode === "overlay"
          ? "pluginMode overlay implies the azure plugin"
          : hasPodSubnet
            ? "a pool names a pod subnet, which implies the azure plugin"
            : "the Cilium dataplane implies the azure plugin",
      source: urls(MODEL_SELECTION.impliesAzurePlugin.source),
    });
    return "azure";
  }
  const d = defaultModel(version);
  const alts = alternativesOf(d, String);
  assume({
    path: "network.plugin",
    value: d.value === "kubenet" ? "kubenet" : "azure (overlay)",
    reason: version
      ? `no plugin given: AKS uses ${d.value === "kubenet" ? "kubenet before" : "Azure CNI Overlay from"} Kubernetes ` +
        `1.30 (this plan: ${formatKubernetesVersion(version)})`
      : "no plugin and no kubernetesVersion given: assumed a current version, where AKS uses Azure CNI Overlay (from " +
        "1.30)",
    source: urls(d.source),
    ...(alts ? { alternatives: alts } : {}),
  });
  return d.value === "kubenet" ? "kubenet" : "azure";
}

function resolveFamilies(plan: Plan, assume: Assume): ("IPv4" | "IPv6")[] {
  const net = plan.network;
  if (net.ipFamilies !== undefined) return net.ipFamilies;
  const texts = [...(net.podCidrs ?? []), ...(net.serviceCidrs ?? [])];
  const v6 = texts.some((t) => cidrField([], t).prefix?.family === 6);
  const families: ("IPv4" | "IPv6")[] = v6 ? ["IPv4", "IPv6"] : [...PLAN_DEFAULTS.ipFamilies.value];
  assume({
    path: "network.ipFamilies",
    value: families.join(", "),
    reason: v6
      ? "no ipFamilies given, but an IPv6 pod or service CIDR is: assumed dual-stack"
      : "no ipFamilies given: single-stack IPv4",
    source: urls((v6 ? MODEL_SELECTION.ipv6RangeMeansDualStack : PLAN_DEFAULTS.ipFamilies).source),
  });
  return families;
}

function resolveRanges(
  plan: Plan,
  model: ModelId,
  dual: boolean,
  assume: Assume,
): Pick<ResolvedPlan, "podCidrs" | "serviceCidrs" | "dnsServiceIp"> {
  const net = plan.network;
  let podCidrs: CidrField[] = (net.podCidrs ?? []).map((t, i) => cidrField(["network", "podCidrs", i], t));
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
  let serviceCidrs: CidrField[] = (net.serviceCidrs ?? []).map((t, i) => cidrField(["network", "serviceCidrs", i], t));
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
  if (net.dnsServiceIp === undefined)
    assume({
      path: "network.dnsServiceIp",
      value: dnsText,
      reason: "no DNS service IP given: the AKS default",
      source: urls(DEFAULT_CIDRS.dnsServiceIp.source),
    });
  return { podCidrs, serviceCidrs, dnsServiceIp: { path: ["network", "dnsServiceIp"], text: dnsText } };
}

/** The dataplane and network policy: given, else AKS Automatic's (Cilium), else AKS's defaults. */
function resolveDataplanePolicy(plan: Plan, assume: Assume) {
  const net = plan.network;
  const automatic = plan.sku?.name === "Automatic";
  const dataplane: DataplaneId = net.dataplane ?? (automatic ? "cilium" : PLAN_DEFAULTS.dataplane.value);
  if (net.dataplane === undefined)
    assume({
      path: "network.dataplane",
      value: dataplane,
      ...(automatic
        ? { reason: AUTOMATIC_REASON, source: AUTOMATIC_SOURCE }
        : {
            reason: "no dataplane given: AKS uses the Azure (iptables) dataplane",
            source: urls(PLAN_DEFAULTS.dataplane.source),
          }),
    });
  const policy = net.policy ?? (automatic ? "cilium" : PLAN_DEFAULTS.networkPolicy.value);
  if (net.policy === undefined)
    assume({
      path: "network.policy",
      value: policy,
      ...(automatic
        ? { reason: AUTOMATIC_REASON, source: AUTOMATIC_SOURCE }
        : {
            reason: "no network policy given: none is the default for new clusters",
            source: urls(PLAN_DEFAULTS.networkPolicy.source),
          }),
    });
  return { dataplane, policy };
}

/** The network profile with every default filled in for `version`. */
export function resolveNetwork(plan: Plan, version: KubernetesVersion | undefined, assume: Assume): ResolvedNetwork {
  const net = plan.network;
  const plugin = resolvePlugin(plan, version, assume);
  const pluginMode: "overlay" | undefined =
    net.pluginMode ??
    (net.plugin === undefined && plugin === "azure" && !plan.nodePools.some((p) => p.podSubnet !== undefined)
      ? "overlay"
      : undefined);
  const model = modelOfPlan(plugin, pluginMode, plan.nodePools);
  if (net.plugin === "azure" && net.pluginMode === undefined && model === "azure-cni-node-subnet")
    assume({
      path: "network.pluginMode",
      value: "(none): Azure CNI node subnet",
      reason:
        "plugin azure without a mode and without pod subnets means Azure CNI node subnet (legacy), kept for backward " +
        "compatibility",
      source: urls(MODEL_SELECTION.azureWithoutModeIsNodeSubnet.source),
    });

  const { dataplane, policy } = resolveDataplanePolicy(plan, assume);
  const ipFamilies = resolveFamilies(plan, assume);
  const ranges = resolveRanges(plan, model, ipFamilies.includes("IPv6"), assume);
  const outboundType = net.outboundType ?? PLAN_DEFAULTS.outboundType.value;
  if (net.outboundType === undefined)
    assume({
      path: "network.outboundType",
      value: outboundType,
      reason: "no outbound type given: the AKS default",
      source: urls(PLAN_DEFAULTS.outboundType.source),
    });
  return {
    plugin,
    ...(pluginMode ? { pluginMode } : {}),
    model,
    dataplane,
    policy,
    ipFamilies,
    ...ranges,
    outboundType,
  };
}
