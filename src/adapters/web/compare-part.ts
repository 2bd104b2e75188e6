/**
 * The page's comparison (compute.ts): what `aksnet compare` is asked for the plan, as CompareInput and as the flags
 * the caption shows, and its result.
 */
import { compare, tenantAddresses, tryParseMaxSurge, type CompareInput } from "../../engines/capacity/index.js";
import type { ResolvedPlan } from "../../engines/plan/index.js";
import { parsePrefix, tryParsePrefix, type Prefix } from "../../ip/index.js";
import { DEFAULT_TIER } from "../../kb/index.js";
import type { ComparePart } from "./compute.js";
import { EXAMPLE_SUBNET } from "./state.js";

export const ipv4Of = (text: string | undefined): Prefix | undefined => {
  const r = tryParsePrefix((text ?? "").trim());
  return r.ok && r.value.family === 4 ? r.value.masked() : undefined;
};

/** The first pool's IPv4 node subnet, with its name. */
function planNodeSubnet(resolved: ResolvedPlan | undefined): { name: string; prefix: Prefix } | undefined {
  const pool = resolved?.pools[0];
  const named = pool?.subnet === undefined ? undefined : resolved?.subnets.find((s) => s.name === pool.subnet);
  const prefix = ipv4Of(named?.text);
  return named && prefix ? { name: named.name, prefix } : undefined;
}

/** The node subnet to compare: the one typed, else the first pool's, else the /24 example. */
function compareSubnet(
  resolved: ResolvedPlan | undefined,
  typed: string,
): { nodeSubnet: Prefix; label: string } | { problem: string; args: string[]; label: string } {
  const own = planNodeSubnet(resolved);
  if (typed !== "") {
    const r = tryParsePrefix(typed);
    if (!r.ok)
      return {
        problem: `The subnet to compare is not a CIDR: ${r.error.message}.`,
        args: ["--subnet", typed],
        label: "the subnet typed",
      };
    return { nodeSubnet: r.value, label: "the subnet typed" };
  } else if (own) {
    return { nodeSubnet: own.prefix, label: `subnet ${own.name} of pool ${resolved?.pools[0]?.name ?? ""}`.trim() };
  } else {
    return { nodeSubnet: parsePrefix(EXAMPLE_SUBNET), label: "the /24 example (the plan names no IPv4 node subnet)" };
  }
}

/** The plan's own values compare takes (pod ranges, the first pool's settings, version, tier, reserved), as flags. */
function planCompareFlags(
  resolved: ResolvedPlan,
  input: { -readonly [K in keyof CompareInput]: CompareInput[K] },
  args: string[],
): void {
  const pool = resolved.pools[0];
  const podCidr = resolved.podCidrs.map((c) => ipv4Of(c.text)).find((p) => p !== undefined);
  if (podCidr) {
    input.podCidr = podCidr;
    args.push("--pod-cidr", podCidr.toString());
  }
  const podSubnet = ipv4Of(resolved.subnets.find((s) => s.name === pool?.podSubnet)?.text);
  if (pool?.podSubnet !== undefined && podSubnet) {
    input.podSubnet = podSubnet;
    args.push("--pod-subnet", podSubnet.toString());
  }
  if (pool && !pool.maxPodsDefaulted) {
    input.maxPods = pool.maxPods;
    args.push("--max-pods", String(pool.maxPods));
  }
  const surge = pool && !pool.maxSurge.defaulted ? tryParseMaxSurge(pool.maxSurge.text) : undefined;
  if (surge && pool) {
    input.maxSurge = surge;
    args.push("--surge", pool.maxSurge.text);
  }
  const unavailable = pool && !pool.maxUnavailable.defaulted ? tryParseMaxSurge(pool.maxUnavailable.text) : undefined;
  if (unavailable && pool) {
    input.maxUnavailable = unavailable;
    args.push("--max-unavailable", pool.maxUnavailable.text);
  }
  if (resolved.kubernetesVersion) {
    input.kubernetesVersion = resolved.kubernetesVersion;
    args.push("--kubernetes-version", resolved.kubernetesVersion.text);
  }
  // The resolved tier (AKS Automatic is Standard): said only when the plan states it or it is not the default.
  if (resolved.plan.sku?.tier || resolved.tier !== DEFAULT_TIER.value) {
    input.tier = resolved.tier;
    args.push("--tier", resolved.tier);
  }
  const reserved = tenantAddresses(resolved.plan.reserved);
  if (reserved > 0) {
    input.reserved = reserved;
    args.push("--reserved", String(reserved));
  }
}

/**
 * What `aksnet compare` is asked for the plan: the first pool's node subnet (or the subnet the user
 * typed; the /24 example without either), the plan's pod CIDR and pod subnet, and the first pool's
 * max pods, surge and max unavailable where the plan states them, its Kubernetes version and tier.
 * The flags are what the caption shows, so the same command on the CLI gives the same rows.
 */
export function compareSpec(
  resolved: ResolvedPlan | undefined,
  subnetText: string,
): { input: CompareInput; args: string[]; label: string } | { problem: string; args: string[]; label: string } {
  const chosen = compareSubnet(resolved, subnetText.trim());
  if ("problem" in chosen) return chosen;
  const { nodeSubnet, label } = chosen;
  const args = ["--subnet", nodeSubnet.toString()];
  const input: { -readonly [K in keyof CompareInput]: CompareInput[K] } = { nodeSubnet };
  if (resolved) planCompareFlags(resolved, input, args);
  return { input, args, label };
}

export function comparePart(spec: ReturnType<typeof compareSpec>): ComparePart & { readonly subnet?: Prefix } {
  if ("problem" in spec)
    return { comparisonProblem: spec.problem, compareArgs: spec.args, compareSubnetLabel: spec.label };
  const comparison = compare(spec.input);
  const error = comparison.problems.find((p) => p.severity === "error");
  if (error) return { comparisonProblem: `${error.message}.`, compareArgs: spec.args, compareSubnetLabel: spec.label };
  return {
    comparison,
    compareArgs: spec.args,
    compareSubnetLabel: spec.label,
    ...(spec.input.nodeSubnet ? { subnet: spec.input.nodeSubnet } : {}),
  };
}
