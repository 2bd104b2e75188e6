/**
 * The configured side of a cluster (an aksnet plan, or `az aks show` / ARM
 * output imported as one), reduced to what inspect compares with the cluster
 * and uses for headroom. The check findings are the validator's, run on the
 * plan with each pool's node count set to what the cluster runs.
 */
import { resolvePlan, type Assumption, type Plan, type ResolvedPlan } from "../plan/index.js";
import { validate, type Finding } from "../validate/index.js";
import type { ModelId } from "../../kb/index.js";

export interface ConfiguredPool {
  readonly name: string;
  /** System, User or Gateway (a static egress gateway pool). */
  readonly mode: "System" | "User" | "Gateway";
  /** A gateway pool's public IP prefix size (`gatewayPrefixSize`, from `gatewayProfile.publicIPPrefixSize`). */
  readonly gatewayPrefixSize: number | undefined;
  readonly count: number;
  /** Autoscaler maximum, when the autoscaler runs on the pool. */
  readonly maxCount: number | undefined;
  readonly minCount: number | undefined;
  readonly maxPods: number;
  /** Max surge as written, or the resolver's default (then `maxSurgeDefaulted`). */
  readonly maxSurge: string;
  readonly maxSurgeDefaulted: boolean;
  readonly subnet: string | undefined;
  /** The node subnet's CIDR when the plan's VNet section names it. */
  readonly subnetCidr: string | undefined;
  readonly podSubnet: string | undefined;
  readonly podSubnetCidr: string | undefined;
}

/** The API server's place in the network: API Server VNet Integration and its subnet (apiServerAccessProfile). */
export interface ConfiguredApiServer {
  /** enableVnetIntegration (always on for AKS Automatic). */
  readonly vnetIntegration: boolean;
  /** The subnet's name (subnetId's last segment); undefined with AKS's own VNet. */
  readonly subnet: string | undefined;
  /** Its CIDR when the configuration describes the VNet. */
  readonly subnetCidr: string | undefined;
  readonly private: boolean;
  /**
   * The API server's authorized IP ranges as the configuration writes them (`apiServer.authorizedIpRanges`; from
   * `az aks show` / ARM: `apiServerAccessProfile.authorizedIpRanges`), empty when none: then any address may reach a
   * public API server. `check` judges each entry (rules authorized-ip-range-invalid, authorized-ip-ranges-unsupported).
   */
  readonly authorizedIpRanges: readonly string[];
}

export interface ConfiguredCluster {
  readonly files: readonly string[];
  /** Base or Automatic. */
  readonly sku: string;
  /** Undefined when the configuration says nothing about the API server's network. */
  readonly apiServer: ConfiguredApiServer | undefined;
  readonly kubernetesVersion: string | undefined;
  readonly model: ModelId;
  readonly dataplane: string;
  readonly policy: string;
  readonly podCidrs: readonly string[];
  readonly serviceCidrs: readonly string[];
  readonly dnsServiceIp: string;
  readonly outboundType: string;
  readonly pools: readonly ConfiguredPool[];
  /** Defaults the plan resolver filled in, with their sources. */
  readonly assumptions: readonly Assumption[];
}

export interface LoadedConfiguration {
  readonly cluster: ConfiguredCluster;
  readonly plan: Plan;
  /** The plan resolved (defaults filled in): what the drift rules compare with the cluster. */
  readonly resolved: ResolvedPlan;
}

/** The configuration of a plan as inspect uses it; `files` name where it was read. */
export function configuredCluster(plan: Plan, files: readonly string[]): LoadedConfiguration {
  const resolved = resolvePlan(plan);
  return { cluster: summarize(resolved, files), plan, resolved };
}

/** The ranges as written; entries that are not text (a library caller's plan) are left out. */
const rangesOf = (x: unknown): string[] =>
  Array.isArray(x) ? x.filter((e): e is string => typeof e === "string") : [];

function summarize(r: ResolvedPlan, files: readonly string[]): ConfiguredCluster {
  const subnet = (name: string | undefined) =>
    name === undefined ? undefined : r.subnets.find((s) => s.name === name)?.prefix?.toString();
  const a = r.plan.apiServer;
  const automatic = r.plan.sku?.name === "Automatic";
  return {
    files,
    sku: automatic ? "Automatic" : "Base",
    apiServer:
      a || automatic
        ? {
            vnetIntegration: a?.vnetIntegration === true || automatic,
            subnet: a?.subnet,
            subnetCidr: subnet(a?.subnet),
            private: a?.private === true,
            authorizedIpRanges: rangesOf(a?.authorizedIpRanges),
          }
        : undefined,
    kubernetesVersion: r.kubernetesVersion?.text,
    model: r.model,
    dataplane: r.dataplane,
    policy: r.policy,
    podCidrs: r.podCidrs.map((c) => c.text),
    serviceCidrs: r.serviceCidrs.map((c) => c.text),
    dnsServiceIp: r.dnsServiceIp.text,
    outboundType: r.outboundType,
    pools: r.pools.map((p) => ({
      name: p.name,
      mode: p.mode,
      gatewayPrefixSize: p.mode === "Gateway" ? r.plan.nodePools[p.index]?.gatewayPrefixSize : undefined,
      count: p.count,
      maxCount: p.autoscale ? p.maxCount : undefined,
      minCount: p.autoscale ? p.minCount : undefined,
      maxPods: p.maxPods,
      maxSurge: p.maxSurge.text,
      maxSurgeDefaulted: p.maxSurge.defaulted,
      subnet: p.subnet,
      subnetCidr: subnet(p.subnet),
      podSubnet: p.podSubnet,
      podSubnetCidr: subnet(p.podSubnet),
    })),
    assumptions: r.assumptions,
  };
}

/** The validator's findings for the plan with each pool's count set to the nodes the cluster runs in it. */
export function findingsAgainstCluster(plan: Plan, nodesPerPool: ReadonlyMap<string, number>): Finding[] {
  // A value from JavaScript that is not a plan with pools, or counts not in a Map: the validator's findings for it
  // as given (spreading a 1e6-item array into a plan would ask the validator about 1e6 unknown fields).
  const pools = (plan as Partial<Plan> | null | undefined)?.nodePools;
  if (Array.isArray(plan) || !Array.isArray(pools) || !(nodesPerPool instanceof Map)) return validate(plan);
  const asRunning: Plan = {
    ...plan,
    nodePools: pools.map((p: unknown) => {
      const name = (p as Partial<Plan["nodePools"][number]> | null | undefined)?.name;
      return nodesPerPool.has(name) ? { ...(p as object), count: nodesPerPool.get(name) } : p;
    }) as Plan["nodePools"],
  };
  return validate(asRunning);
}
