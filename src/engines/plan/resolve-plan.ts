/**
 * `resolvePlan`: fills every AKS default into a parsed plan for its stated Kubernetes version and records
 * each default used as an `Assumption`. Never throws: text that does not parse (a bad CIDR) is kept with its
 * problem for the validator.
 */
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
import type { Assumption, ResolvedPlan } from "./resolved-plan.js";
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

export function resolvePlan(plan: Plan): ResolvedPlan {
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
