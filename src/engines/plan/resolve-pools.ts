/**
 * Node pools with every AKS default filled in: mode, OS, node counts, max pods, upgrade settings (max surge,
 * max unavailable, Spot pools' lack of surge) and pod IP allocation. Each default taken that changes a number
 * is recorded as an `Assumption`.
 */
import {
  defaultMaxPods,
  defaultMaxSurge,
  formatKubernetesVersion,
  PLAN_DEFAULTS,
  SPOT_POOL,
  UPGRADE,
  type KubernetesVersion,
  type ModelId,
} from "../../kb/index.js";
import { formatMaxSurge, surgeNodes, tryParseMaxSurge } from "../capacity/index.js";
import { alternativesOf, urls } from "./resolve-network.js";
import type { Assumption, ResolvedMaxSurge, ResolvedMaxUnavailable, ResolvedPool } from "./resolved-plan.js";
import type { NodePool } from "../schema/index.js";

type Assume = (a: Assumption) => void;

function poolModel(p: NodePool, model: ModelId): ModelId {
  if (model !== "azure-cni-pod-subnet-dynamic" && model !== "azure-cni-pod-subnet-static") return model;
  return p.podIpAllocation === "StaticBlock" ? "azure-cni-pod-subnet-static" : "azure-cni-pod-subnet-dynamic";
}

function resolveMaxSurge(
  p: NodePool,
  at: string,
  peakCount: number,
  version: KubernetesVersion | undefined,
  assume: Assume,
): ResolvedMaxSurge {
  const parsed = p.maxSurge === undefined ? undefined : tryParseMaxSurge(p.maxSurge);
  if (p.priority === "Spot") {
    if (p.maxSurge === undefined)
      assume({
        path: `${at}.maxSurge`,
        value: "0 (Spot pool)",
        reason: `pool "${p.name}" is a Spot pool: AKS upgrades Spot pools without surge nodes`,
        source: urls(SPOT_POOL.surgeNodes.source),
      });
    const text = p.maxSurge === undefined ? "0" : String(p.maxSurge);
    return { text, nodes: SPOT_POOL.surgeNodes.value, defaulted: p.maxSurge === undefined, valid: true };
  }
  if (p.maxSurge !== undefined)
    return {
      text: String(p.maxSurge),
      nodes: parsed ? surgeNodes(peakCount, parsed) : 1,
      defaulted: false,
      valid: parsed !== undefined,
    };
  const d = defaultMaxSurge(version);
  const nodes = surgeNodes(peakCount, d.value);
  const alts = d.alternatives?.map((a) => ({
    value: formatMaxSurge(a.value),
    meaning: `${a.note} (${surgeNodes(peakCount, a.value)} node(s) for this pool)`,
    source: urls(a.source),
  }));
  const text = formatMaxSurge(d.value);
  assume({
    path: `${at}.maxSurge`,
    value: `${text} (${nodes} node${nodes === 1 ? "" : "s"})`,
    reason:
      `no maxSurge given for pool "${p.name}": the AKS default for ` +
      (version
        ? `Kubernetes ${formatKubernetesVersion(version)}`
        : "a current Kubernetes version (no kubernetesVersion given)") +
      (d.derived ? ` (${d.derived})` : ""),
    source: urls(d.source),
    ...(alts ? { alternatives: alts } : {}),
  });
  return { text, nodes, defaulted: true, valid: true };
}

/**
 * `maxUnavailable`: given, or AKS's default 0. The default is not recorded as an assumption: it changes no
 * address count (only a value above 0 removes the need for surge nodes, and then it was given).
 */
function resolveMaxUnavailable(p: NodePool, peakCount: number): ResolvedMaxUnavailable {
  if (p.maxUnavailable === undefined)
    return { text: String(UPGRADE.defaultMaxUnavailable.value), nodes: 0, defaulted: true, valid: true };
  const parsed = tryParseMaxSurge(p.maxUnavailable);
  return {
    text: String(p.maxUnavailable),
    nodes: parsed ? surgeNodes(peakCount, parsed) : 0,
    defaulted: false,
    valid: parsed !== undefined,
  };
}

/** One pool with every default filled in for `model` and `version`. */
export function resolvePool(
  p: NodePool,
  i: number,
  model: ModelId,
  version: KubernetesVersion | undefined,
  assume: Assume,
): ResolvedPool {
  const at = `nodePools[${i}]`;
  const autoscale = p.minCount !== undefined || p.maxCount !== undefined;
  const count = p.count ?? p.minCount ?? 0;
  const peakCount = Math.max(count, autoscale ? (p.maxCount ?? count) : count);
  const mode = p.mode ?? (i === 0 ? PLAN_DEFAULTS.firstPoolMode.value : "User");
  if (p.mode === undefined)
    assume({
      path: `${at}.mode`,
      value: mode,
      reason: i === 0 ? "the first pool is the system pool" : "pools after the first are user pools",
      source: urls(PLAN_DEFAULTS.firstPoolMode.source),
    });

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

  return {
    index: i,
    name: p.name,
    mode,
    os: p.os ?? PLAN_DEFAULTS.poolOs.value,
    autoscale,
    count,
    ...(p.minCount !== undefined ? { minCount: p.minCount } : {}),
    ...(p.maxCount !== undefined ? { maxCount: p.maxCount } : {}),
    peakCount,
    maxPods: given ?? dflt.value,
    maxPodsDefaulted: given === undefined,
    maxSurge: resolveMaxSurge(p, at, peakCount, version, assume),
    maxUnavailable: resolveMaxUnavailable(p, peakCount),
    priority: p.priority ?? "Regular",
    ...(p.subnet !== undefined ? { subnet: p.subnet } : {}),
    ...(p.podSubnet !== undefined ? { podSubnet: p.podSubnet } : {}),
    ...(p.podIpAllocation !== undefined
      ? { podIpAllocation: p.podIpAllocation }
      : p.podSubnet !== undefined
        ? { podIpAllocation: PLAN_DEFAULTS.podIpAllocation.value }
        : {}),
  };
}
