/**
 * The assumptions an answer rests on: each input, whether the user gave it or a
 * default filled it in, the source of the default, and what the other
 * documented value would be where Microsoft's sources disagree.
 */
import { defaultMaxPods, defaultMaxSurge, type MaxSurge } from "../../kb/defaults.js";
import { MODEL_IDS, type ModelId } from "../../kb/ids.js";
import { MODELS } from "../../kb/models/index.js";
import { type KubernetesVersion } from "../../kb/kubernetes-version.js";
import { type Source, type Sourced } from "../../kb/source.js";
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
): { surge: MaxSurge; assumption: Assumption; alternative?: MaxSurge } {
  if (given)
    return {
      surge: given,
      assumption: {
        value: formatMaxSurge(given),
        origin: "given",
        note:
          given.kind === "count" && given.count === 0
            ? "no surge"
            : "max surge per pool; a percentage is of the pool's nodes, rounded up",
        sources: [],
      },
    };
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
  const parts = models.map((m) => {
    return `${m} ${defaultMaxPods(m).value}`;
  });
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
