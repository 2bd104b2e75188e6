/** The assumptions a sizing rests on: nodes, max pods and surge per pool, the formula, the pod ranges, the tier. */
import {
  ADDRESS_PLANNING,
  AZURE_SUBNET,
  MODELS,
  sourceUrls,
  SUBNET_KINDS,
  UPGRADE,
  type ModelId,
} from "../../kb/index.js";
import {
  dynamicAllocationAssumption,
  maxPodsAssumption,
  relevantAssumptions,
  staticBlocksAssumption,
  type Assumption,
} from "./assumptions.js";
import { tenantAddresses } from "./pools.js";
import type { SizeInput, SizePool } from "./size.js";
import { formatMaxSurge } from "./surge.js";
import { FALLBACK_FROM } from "./upgrade-fallback.js";

/** One value for every pool as `single`, or the per-pool values when the pools differ. */
function perPool(
  pools: readonly SizePool[],
  show: (p: SizePool) => string | number,
  what: string,
  single: Assumption,
): Assumption {
  const values = new Set(pools.map(show));
  if (values.size <= 1) return single;
  return {
    value: null,
    origin: "given",
    note: `${what} per pool: ${pools.map((p) => `${p.name} ${show(p)}`).join(", ")}`,
    sources: [],
  };
}

/** Max pods: the pools' own (or the flag's) values, and each model's default for pools without one. */
function poolMaxPodsAssumption(pools: readonly SizePool[], models: readonly ModelId[]): Assumption {
  const own = pools.filter((p) => p.maxPods !== undefined);
  if (own.length === pools.length) {
    const first = pools[0]?.maxPods ?? null;
    const single: Assumption = {
      value: first,
      origin: "given",
      note: pools.length > 1 ? "max pods per node of every pool" : "max pods per node for every model",
      sources: [],
    };
    return perPool(pools, (p) => p.maxPods ?? "", "max pods per node", single);
  }
  const d = maxPodsAssumption(undefined, models);
  if (own.length === 0) return d;
  return {
    ...d,
    note: `pools ${pools
      .filter((p) => p.maxPods === undefined)
      .map((p) => p.name)
      .join(", ")} take ${d.note}; ${own.map((p) => `${p.name} ${p.maxPods}`).join(", ")} are given`,
  };
}

function upgradeAssumption(pools: readonly SizePool[]): Assumption | undefined {
  const inPlace = pools.filter(
    (p) => p.maxUnavailable !== undefined && !(p.maxUnavailable.kind === "count" && p.maxUnavailable.count === 0),
  );
  if (inPlace.length === 0) return undefined;
  return {
    value: inPlace
      .map((p) => `${p.name} ${formatMaxSurge(p.maxUnavailable ?? { kind: "count", count: 0 })}`)
      .join(", "),
    origin: "given",
    note:
      "max unavailable: these pools upgrade in place, that many nodes at a time; in-place upgrades take no extra " +
      "addresses (with max surge 0 they need none; with both above 0 AKS tries the surge first)",
    sources: sourceUrls(UPGRADE.maxUnavailableCreatesNoNodes),
  };
}

const FALLBACK_ASSUMPTION: Assumption = {
  value: FALLBACK_FROM,
  origin: "default",
  note:
    `from Kubernetes ${FALLBACK_FROM}, when a pool's full surge fails for quota or capacity, AKS retries the ` +
    `upgrade with one surge node; withFallbackSurge is the least an upgrade still completes in if a subnet ` +
    `without room for the surge is retried too, which no page says (the upgrade capacity guide gives SubnetIsFull; ` +
    `withFallbackSurge.documentedForSubnet says whether one does)`,
  sources: sourceUrls(UPGRADE.surgeFallbackToOneFrom, UPGRADE.surgeFallbackOnAddressShortage),
};

/** Microsoft's subnet formula. */
function formulaAssumption(): Assumption {
  return {
    value: "(nodes + surge) × per-node addresses + tenants",
    origin: "default",
    note:
      `Microsoft's subnet formula; the node subnet also loses Azure's ${AZURE_SUBNET.reservedPerSubnet.value} ` +
      `reserved addresses, which the prefix length accounts for`,
    sources: sourceUrls(ADDRESS_PLANNING.subnetFormula, AZURE_SUBNET.reservedPerSubnet),
  };
}

/** Pod CIDRs: one /24 per node. */
function podCidrAssumption(): Assumption {
  const overlay = MODELS["azure-cni-overlay"];
  return {
    value: "one /24 per node and surge node",
    origin: "default",
    note:
      "kubenet and Overlay: each node takes a whole /24 of the pod CIDR whatever its max pods; byo-cni: your " +
      "CNI decides",
    sources: sourceUrls(overlay.podAddressing, MODELS.kubenet.podAddressing),
  };
}

/** Every assumption of a sizing, the ones about pod ranges none of `models` uses dropped. */
export function sizeAssumptions(
  input: SizeInput,
  models: readonly ModelId[],
  allSurges: boolean,
  surgeA: Assumption,
  tierA: Assumption,
  fallback: boolean,
): Record<string, Assumption> {
  const assumptions: Record<string, Assumption> = {
    nodes: {
      value: input.pools.reduce((a, p) => a + p.nodes, 0),
      origin: "given",
      note: "nodes to reserve addresses for: a pool's count, or its autoscaler maxCount, which AKS reserves up front",
      sources: sourceUrls(ADDRESS_PLANNING.nodesToPlanFor),
    },
    maxPods: poolMaxPodsAssumption(input.pools, models),
    maxSurge: allSurges
      ? perPool(input.pools, (p) => (p.maxSurge ? formatMaxSurge(p.maxSurge) : ""), "max surge", surgeA)
      : { ...surgeA, note: `${surgeA.note}; for pools without their own max surge` },
    tier: tierA,
    ...(fallback ? { surgeFallback: FALLBACK_ASSUMPTION } : {}),
    formula: formulaAssumption(),
    podCidr: podCidrAssumption(),
    dynamicAllocation: dynamicAllocationAssumption(),
    staticBlocks: staticBlocksAssumption(),
  };
  const inPlace = upgradeAssumption(input.pools);
  if (inPlace) assumptions["maxUnavailable"] = inPlace;
  const tenants = input.tenants ?? {};
  const t = tenantAddresses(tenants);
  if (t > 0)
    assumptions["tenants"] = {
      value: t,
      origin: "given",
      note:
        `other node-subnet addresses: internal load balancer IPs ${tenants.internalLoadBalancerIps ?? 0}, ` +
        `private endpoints ${tenants.privateEndpoints ?? 0}, other ${tenants.other ?? 0}`,
      sources: sourceUrls(SUBNET_KINDS.internalLoadBalancers.unitUse, SUBNET_KINDS.privateEndpoints.unitUse),
    };
  if (input.kubernetesVersion)
    assumptions["kubernetesVersion"] = {
      value: `${input.kubernetesVersion.major}.${input.kubernetesVersion.minor}`,
      origin: "given",
      note: `decides the default max surge and whether AKS falls back to one surge node (from ${FALLBACK_FROM})`,
      sources: [],
    };
  return relevantAssumptions(assumptions, models);
}
