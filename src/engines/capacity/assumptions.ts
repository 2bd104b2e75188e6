/**
 * The assumptions an answer rests on: each input, whether the user gave it or a default filled it in, the
 * source of the default (always a knowledge-base fact), and what the other documented value would be where
 * Microsoft's sources disagree.
 */
import {
  AZURE_SUBNET,
  DEFAULT_TIER,
  defaultMaxPods,
  defaultMaxSurge,
  MODEL_IDS,
  MODELS,
  sourceUrls,
  TIER_NODE_LIMITS,
  UPGRADE,
  type KubernetesVersion,
  type MaxSurge,
  type ModelId,
  type Source,
  type Sourced,
  type SkuTier,
  formatCount,
} from "../../kb/index.js";
import { formatMaxSurge } from "./surge.js";

export interface Assumption {
  readonly value: string | number | null;
  /** `given` by the user, a documented `default`, or `derived` by aksnet from documented rules. */
  readonly origin: "given" | "default" | "derived";
  readonly note: string;
  /** Source URLs or `owner/repo:path`. */
  readonly sources: readonly string[];
  readonly alternatives?: readonly {
    readonly value: string | number | null;
    readonly note: string;
    readonly sources: readonly string[];
  }[];
}

export const urls = (s: readonly Source[]): string[] => [...new Set(s.map((x) => x.url))];

/** An assumption for a default taken from a sourced fact, with its alternatives. */
export function fromSourced<T>(fact: Sourced<T>, show: (v: T) => string | number | null, note: string): Assumption {
  return {
    value: show(fact.value),
    origin: "default",
    note: fact.derived ? `${note} (${fact.derived})` : note,
    sources: urls(fact.source),
    ...(fact.alternatives?.length
      ? {
          alternatives: fact.alternatives.map((a) => ({ value: show(a.value), note: a.note, sources: urls(a.source) })),
        }
      : {}),
  };
}

/** The max surge assumption: the flag, or the default for the Kubernetes version with the other documented default. */
export function surgeAssumption(
  given: MaxSurge | undefined,
  version: KubernetesVersion | undefined,
  maxUnavailable?: MaxSurge,
): { surge: MaxSurge; assumption: Assumption; alternative?: MaxSurge } {
  if (given) {
    const none = given.kind === "count" && given.count === 0;
    const inPlace = maxUnavailable !== undefined && !(maxUnavailable.kind === "count" && maxUnavailable.count === 0);
    return {
      surge: given,
      assumption: {
        value: formatMaxSurge(given),
        origin: "given",
        note: none
          ? inPlace
            ? `no surge: upgrades in place, ${formatMaxSurge(maxUnavailable)} node(s) at a time (max unavailable), ` +
              `no extra addresses`
            : "no surge"
          : "max surge per pool; a percentage is of the pool's nodes, rounded up",
        sources: none && inPlace ? urls(UPGRADE.maxUnavailableCreatesNoNodes.source) : [],
      },
    };
  }
  const d = defaultMaxSurge(version);
  const alt = d.alternatives?.[0]?.value;
  const when = version
    ? `the default for Kubernetes ${version.major}.${version.minor}`
    : "the default for Kubernetes 1.32 and later (no --kubernetes-version given)";
  return { surge: d.value, assumption: fromSourced(d, formatMaxSurge, when), ...(alt ? { alternative: alt } : {}) };
}

/** The max pods assumption: the flag, or each model's documented default. */
export function maxPodsAssumption(given: number | undefined, models: readonly ModelId[] = MODEL_IDS): Assumption {
  if (given !== undefined)
    return { value: given, origin: "given", note: "max pods per node for every model", sources: [] };
  const parts = models.map((m) => `${m} ${defaultMaxPods(m).value}`);
  const alternatives = models.flatMap((m) =>
    (defaultMaxPods(m).alternatives ?? []).map((a) => ({
      value: a.value,
      note: `${MODELS[m].title}: ${a.note}`,
      sources: urls(a.source),
    })),
  );
  return {
    value: null,
    origin: "default",
    note: `each model's default max pods: ${parts.join("; ")}`,
    sources: urls(models.flatMap((m) => defaultMaxPods(m).source)),
    ...(alternatives.length ? { alternatives } : {}),
  };
}

/** The tier assumption: given, or the API default (Free) with what Standard or Premium would allow. */
export function tierAssumption(given: SkuTier | undefined): { tier: SkuTier; assumption: Assumption } {
  const limit = (t: SkuTier) => formatCount(TIER_NODE_LIMITS[t].value);
  if (given)
    return {
      tier: given,
      assumption: {
        value: given,
        origin: "given",
        note: `the pricing tier: up to ${limit(given)} nodes per cluster`,
        sources: urls(TIER_NODE_LIMITS[given].source),
      },
    };
  const tier = DEFAULT_TIER.value;
  return {
    tier,
    assumption: {
      value: tier,
      origin: "default",
      note:
        `no --tier given: the API default ${tier} (up to ${limit(tier)} nodes per cluster); nodes past it are ` +
        `flagged`,
      sources: sourceUrls(DEFAULT_TIER, TIER_NODE_LIMITS[tier]),
      alternatives: (["Standard", "Premium"] as const).map((t) => ({
        value: t,
        note: `up to ${limit(t)} nodes per cluster`,
        sources: urls(TIER_NODE_LIMITS[t].source),
      })),
    },
  };
}

/** Azure keeps addresses of every subnet: the note every subnet assumption carries. */
export const AZURE_RESERVED_NOTE = `Azure keeps ${AZURE_SUBNET.reservedPerSubnet.value} addresses of every subnet`;

/** The dynamic-allocation assumption: what a full node holds, and the derivation's alternative. */
export function dynamicAllocationAssumption(): Assumption {
  const fact = MODELS["azure-cni-pod-subnet-dynamic"].podAddressing;
  return {
    value: "min(16·ceil((maxPods+8)/16), maxPods, 250) + 1",
    origin: "derived",
    note:
      "pod-subnet addresses a full dynamic-allocation node holds: the node agent asks in batches of 16 with 8 " +
      "free, but never beyond the node's IP limit min(maxPods, 250), plus the node's network-container primary IP: " +
      "maxPods + 1",
    sources: urls(fact.source),
    alternatives: (fact.alternatives ?? []).map((a) => ({
      value: "min(16·ceil((maxPods+8)/16), 250) + 1",
      note: a.note,
      sources: urls(a.source),
    })),
  };
}

/** The static-block assumption: blocks per node and per subnet. */
export function staticBlocksAssumption(): Assumption {
  return {
    value: "ceil((maxPods+1)/16) × /28",
    origin: "default",
    note:
      "blocks per static-block node; a pod subnet hands out 2^(28−bits) − 2 blocks (the first and last /28 hold " +
      "Azure's reserved addresses: derived)",
    sources: urls(MODELS["azure-cni-pod-subnet-static"].podAddressing.source),
  };
}

/** Drops the assumptions about pod ranges none of `models` uses. */
export function relevantAssumptions(
  assumptions: Record<string, Assumption>,
  models: readonly ModelId[],
): Record<string, Assumption> {
  const uses = (kind: string) => models.some((m) => MODELS[m].podAddressing.value.kind === kind);
  const drop = new Set<string>();
  if (!uses("pod-subnet-batch")) drop.add("dynamicAllocation");
  if (!uses("pod-subnet-block")) drop.add("staticBlocks");
  if (!uses("pod-subnet-batch") && !uses("pod-subnet-block")) drop.add("podSubnet");
  if (!uses("pod-cidr-block")) drop.add("podCidr");
  return Object.fromEntries(Object.entries(assumptions).filter(([k]) => !drop.has(k)));
}
