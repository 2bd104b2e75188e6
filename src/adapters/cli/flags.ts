/**
 * Flags shared by commands (`compare`, `size`, …), parsed at the edge: each bad value
 * becomes one `UsageError` sentence naming the flag, the value and the fix.
 */
import { tryParsePrefix, type Prefix } from "../../ip/index.js";
import { tryParseMaxSurge } from "../../engines/capacity/index.js";
import {
  azureSubnetProblem,
  isModelId,
  MODEL_IDS,
  SKU_TIERS,
  tryParseKubernetesVersion,
  type KubernetesVersion,
  type MaxSurge,
  type ModelId,
  type SkuTier,
  formatCount,
} from "../../kb/index.js";
import { UsageError } from "./errors.js";

/**
 * An IPv4 prefix for `flag`. `subnet` also requires an Azure subnet size (/2–/29).
 * Host bits set are an error that shows the masked prefix.
 */
export function parsePrefixFlag(flag: string, v: unknown, kind: "subnet" | "range"): Prefix | undefined {
  if (v === undefined) return undefined;
  const text = String(v).trim();
  const r = tryParsePrefix(text);
  if (!r.ok)
    throw new UsageError(`${flag} "${text}" is not a CIDR prefix (${r.error.reason}); write it like 10.224.0.0/24`);
  const p = r.value;
  if (p.family !== 4)
    throw new UsageError(
      `${flag} ${text} is IPv6; node subnets, pod subnets and pod CIDRs are sized here as IPv4 (an IPv6 subnet is ` +
        `always a /64)`,
    );
  if (!p.isMasked()) throw new UsageError(`${flag} ${text} has host bits set; did you mean ${p.masked().toString()}?`);
  if (kind === "subnet") {
    const problem = azureSubnetProblem(p);
    if (problem) throw new UsageError(`${flag} ${text} cannot be an Azure subnet: ${problem}`);
  }
  return p;
}

function integer(flag: string, v: unknown, min: number, max: number, why: string): number | undefined {
  if (v === undefined) return undefined;
  const text = String(v).trim();
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new UsageError(
      `${flag} ${JSON.stringify(text)} must be a whole number between ${formatCount(min)} and ${formatCount(max)} ` +
        `(${why})`,
    );
  return Number(text);
}

/**
 * `--max-pods` as a whole number; whether AKS accepts it is the capacity engine's to say (an `invalid-input`
 * problem on `maxPods`, which `inFlagWords` turns into this flag's words).
 */
export function parseMaxPods(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const text = String(v).trim();
  if (!/^\d+$/.test(text))
    throw new UsageError(
      `--max-pods ${JSON.stringify(text)} is not a whole number written in digits; give the pods per node, e.g. 30`,
    );
  return Number(text);
}

/**
 * An engine's problem about a value a flag gave, in the flag's words: `maxPods 300 must be …` becomes
 * `--max-pods "300" must be …`. `flags` maps the engine's field (e.g. `maxPods`, `pools[0].maxPods`) to the flag.
 */
export function inFlagWords(
  problem: { readonly field?: string; readonly message: string },
  flags: Readonly<Record<string, { readonly flag: string; readonly text: unknown }>>,
): string {
  const given = problem.field === undefined ? undefined : flags[problem.field];
  if (given === undefined || given.text === undefined || !problem.message.startsWith(`${problem.field} `))
    return problem.message;
  const rest = problem.message.slice(problem.field!.length + 1).replace(/^\S+ /, "");
  return `${given.flag} ${JSON.stringify(String(given.text).trim())} ${rest}`;
}

/**
 * `--nodes` / `--max-count` as a whole number; whether a cluster can have that many nodes is the capacity
 * engine's to say (`invalid-input` past 1,000,000, `cluster-node-limit` past the platform limit with surge),
 * and `inFlagWords` puts its answer in this flag's words.
 */
export function parseNodes(flag: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const text = String(v).trim();
  if (!/^\d+$/.test(text))
    throw new UsageError(
      `${flag} ${JSON.stringify(text)} is not a whole number written in digits; give a node count, e.g. 50`,
    );
  return Number(text);
}

export function parseCount(flag: string, v: unknown): number | undefined {
  return integer(flag, v, 0, 65536, "a count of addresses");
}

export function parseSurge(v: unknown): MaxSurge | undefined {
  if (v === undefined) return undefined;
  const s = tryParseMaxSurge(String(v));
  if (!s)
    throw new UsageError(
      `--surge ${JSON.stringify(String(v))} is not a max surge; give a node count (0 for none, 1, 3) or a percentage ` +
        `from 1% to 100% (10%, 33%)`,
    );
  return s;
}

export function parseMaxUnavailable(v: unknown): MaxSurge | undefined {
  if (v === undefined) return undefined;
  const s = tryParseMaxSurge(String(v));
  if (!s)
    throw new UsageError(
      `--max-unavailable ${JSON.stringify(String(v))} is not a max unavailable; give a node count (0, 1, 3) or a ` +
        `percentage from 1% to 100% (10%, 33%)`,
    );
  return s;
}

export function parseTier(v: unknown): SkuTier | undefined {
  if (v === undefined) return undefined;
  const text = String(v).trim();
  const tier = SKU_TIERS.find((t) => t.toLowerCase() === text.toLowerCase());
  if (!tier)
    throw new UsageError(
      `--tier ${JSON.stringify(text)} is not an AKS pricing tier; use ${SKU_TIERS.join(", ")} (Free supports 1,000 ` +
        `nodes, Standard and Premium 5,000)`,
    );
  return tier;
}

export function parseKubernetesVersionFlag(v: unknown): KubernetesVersion | undefined {
  if (v === undefined) return undefined;
  const k = tryParseKubernetesVersion(String(v));
  if (!k)
    throw new UsageError(
      `--kubernetes-version ${JSON.stringify(String(v))} is not a Kubernetes version; write it like 1.33 or 1.33.2`,
    );
  return k;
}

export function parseModels(v: unknown): ModelId[] | undefined {
  if (v === undefined) return undefined;
  const ids = String(v)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of ids)
    if (!isModelId(id))
      throw new UsageError(`--model "${id}" is not a network model; use one of ${MODEL_IDS.join(", ")}`);
  return ids as ModelId[];
}
