/**
 * The capacity engine guards itself: every public entry (`compare`, `size`) checks its input here and returns
 * what is wrong as data, one sentence per problem naming the field, the value and the fix. Library callers get
 * the same answers the CLI gets, and nothing a caller passes can make the engine throw or loop.
 */
import { Prefix } from "../../ip/index.js";
import {
  azureSubnetProblem,
  isModelId,
  isSkuTier,
  PLATFORM_LIMITS,
  SKU_TIERS,
  MODEL_IDS,
  type KubernetesVersion,
  type MaxSurge,
} from "../../kb/index.js";

/** Something about an input or a result the caller should know. */
export interface CapacityProblem {
  /** `error`: the input cannot be sized, nothing was computed; `warning`: computed, but Azure would object. */
  readonly severity: "error" | "warning";
  /** kebab-case: `invalid-input`, `surge-required`, … */
  readonly code: string;
  /** The input field, e.g. `nodeSubnet`, `pools[2].maxPods`. */
  readonly field: string;
  /** One sentence naming the value and what to do. */
  readonly message: string;
}

/** The most nodes a pool may ask for as input; larger is no cluster AKS can run and risks unsafe sums. */
export const MAX_INPUT_NODES = 1_000_000;
/** The most addresses other tenants may take (a /0 has 2^32). */
const MAX_ADDRESSES = 2 ** 32;

const show = (v: unknown): string => {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "an object" : String(v);
};

export class InputChecker {
  readonly problems: CapacityProblem[] = [];

  private fail(field: string, message: string): void {
    this.problems.push({ severity: "error", code: "invalid-input", field, message });
  }

  /** A whole number in `min..max`, or absent when `optional`. */
  count(field: string, v: unknown, min: number, max: number, why: string): void {
    if (v === undefined) return;
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < min || v > max)
      this.fail(field, `${field} ${show(v)} must be a whole number from ${min} to ${max} (${why})`);
  }

  /** An IPv4 prefix; `subnet` also requires a size Azure allows for a subnet. */
  prefix(field: string, v: unknown, kind: "subnet" | "range"): void {
    if (v === undefined) return;
    if (!(v instanceof Prefix)) {
      this.fail(field, `${field} is ${show(v)}, not a prefix; parse CIDR text with parsePrefix("10.224.0.0/24")`);
      return;
    }
    if (v.family !== 4) {
      this.fail(
        field,
        `${field} ${v.toString()} is IPv6; node subnets, pod subnets and pod CIDRs are sized as IPv4 (an IPv6 subnet ` +
          `is always a /64 and never limits the node count)`,
      );
      return;
    }
    const problem = kind === "subnet" ? azureSubnetProblem(v) : undefined;
    if (problem) this.fail(field, `${field} ${v.toString()} cannot be an Azure subnet: ${problem}`);
  }

  maxPods(field: string, v: unknown): void {
    const min = PLATFORM_LIMITS.minMaxPods.value;
    const max = PLATFORM_LIMITS.maxPodsPerNode.value;
    this.count(field, v, min, max, `AKS accepts ${min} to ${max} pods per node`);
  }

  /** A max surge or max unavailable: a whole node count, or a whole percentage from 1 to 100. */
  nodeSetting(field: string, v: unknown): void {
    if (v === undefined) return;
    const s = v as Partial<MaxSurge> | null;
    if (s !== null && typeof s === "object" && s.kind === "count") {
      this.count(field, (s as { count: unknown }).count, 0, MAX_INPUT_NODES, "a node count");
      return;
    }
    if (s !== null && typeof s === "object" && s.kind === "percent") {
      this.count(field, (s as { percent: unknown }).percent, 1, 100, "a percentage of the pool's nodes");
      return;
    }
    this.fail(field, `${field} is ${show(v)}; give { kind: "count", count: 1 } or { kind: "percent", percent: 10 }`);
  }

  addresses(field: string, v: unknown): void {
    this.count(field, v, 0, MAX_ADDRESSES, "a count of addresses");
  }

  models(field: string, v: unknown): void {
    if (v === undefined) return;
    if (!Array.isArray(v)) {
      this.fail(field, `${field} is ${show(v)}; give a list of model ids such as ["azure-cni-overlay"]`);
      return;
    }
    for (const m of v as unknown[])
      if (typeof m !== "string" || !isModelId(m))
        this.fail(field, `${field} holds ${show(m)}, not a network model; use ${MODEL_IDS.join(", ")}`);
  }

  tier(field: string, v: unknown): void {
    if (v === undefined) return;
    if (typeof v !== "string" || !isSkuTier(v))
      this.fail(field, `${field} ${show(v)} is not a tier; use ${SKU_TIERS.join(", ")}`);
  }

  version(field: string, v: unknown): void {
    if (v === undefined) return;
    const k = v as Partial<KubernetesVersion> | null;
    const ok =
      k !== null &&
      typeof k === "object" &&
      Number.isSafeInteger(k.major) &&
      Number.isSafeInteger(k.minor) &&
      (k.major ?? -1) >= 0 &&
      (k.minor ?? -1) >= 0;
    if (!ok) this.fail(field, `${field} is ${show(v)}; parse it with tryParseKubernetesVersion("1.33")`);
  }

  get failed(): boolean {
    return this.problems.some((p) => p.severity === "error");
  }
}
