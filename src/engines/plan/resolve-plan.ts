/**
 * `resolvePlan`: fills every AKS default into a parsed plan for its stated Kubernetes version and records
 * each default used as an `Assumption`. Never throws: text that does not parse (a bad CIDR) is kept with its
 * problem for the validator.
 */
import { describeValue } from "../../ip/index.js";
import {
  AUTOMATIC_TIER,
  DEFAULT_TIER,
  formatKubernetesVersion,
  TIER_NODE_LIMITS,
  tryParseKubernetesVersion,
  type SkuTier,
  formatCount,
} from "../../kb/index.js";
import { cidrField, resolveNetwork, urls } from "./resolve-network.js";
import { resolvePool } from "./resolve-pools.js";
import { guardPlan, planOrError } from "./guard.js";
import { isResolvedPlan, type Assumption, type ResolvedPlan } from "./resolved-plan.js";
import type { Plan } from "../schema/index.js";

function resolveTier(plan: Plan, assume: (a: Assumption) => void): SkuTier {
  if (plan.sku?.tier !== undefined) return plan.sku.tier;
  const automatic = plan.sku?.name === "Automatic";
  const fact = automatic ? AUTOMATIC_TIER : DEFAULT_TIER;
  const limit = formatCount(TIER_NODE_LIMITS[fact.value].value);
  assume({
    path: "sku.tier",
    value: fact.value,
    reason: automatic
      ? `no sku.tier given: AKS Automatic clusters are Standard tier (up to ${limit} nodes)`
      : `no sku.tier given: the API default Free (up to ${limit} nodes; Standard and Premium allow ` +
        `${formatCount(TIER_NODE_LIMITS.Standard.value)})`,
    source: urls([...fact.source, ...TIER_NODE_LIMITS[fact.value].source]),
  });
  return fact.value;
}

/**
 * Resolves a parsed plan. A value from JavaScript that is not one: a plan as written (defaults not filled in, `{}`)
 * is resolved parsed, anything else throws a RangeError sentence naming its first problems (`guardPlan`).
 */
export function resolvePlan(plan: Plan): ResolvedPlan {
  return guardPlan("resolvePlan", plan, resolveParsed);
}

/** `run(plan)`; when it throws for a value that is not a resolved plan, `run` of it parsed and resolved. */
export function guardResolved<T>(where: string, plan: ResolvedPlan, run: (p: ResolvedPlan) => T): T {
  if (typeof run !== "function") throw new RangeError(`guardResolved runs a function, not ${describeValue(run)}`);
  try {
    return run(plan);
  } catch (e) {
    if (isResolvedPlan(plan)) throw e;
    const parsed = planOrError(where, plan);
    if (parsed instanceof RangeError) throw parsed;
    return run(resolvePlan(parsed));
  }
}

function resolveParsed(plan: Plan): ResolvedPlan {
  const assumptions: Assumption[] = [];
  const assume = (a: Assumption) => assumptions.push(a);
  const version = plan.kubernetesVersion === undefined ? undefined : tryParseKubernetesVersion(plan.kubernetesVersion);
  const tier = resolveTier(plan, assume);
  const network = resolveNetwork(plan, version, assume);
  const pools = plan.nodePools.map((p, i) => resolvePool(p, i, network.model, version, assume));
  return {
    plan,
    ...(version ? { kubernetesVersion: { ...version, text: formatKubernetesVersion(version) } } : {}),
    tier,
    ...network,
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
