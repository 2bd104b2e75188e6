/**
 * The generators' input: a plan whose every value has been checked to be safe
 * to write into a shell script, a Bicep file or Terraform (`toGenPlan`). A value
 * that does not match its Azure naming rule or does not parse is refused with a
 * problem naming the field; nothing reaches the output unchecked, so a plan can
 * never inject a command or an expression.
 * The rules are in `checks.ts`; the VNet's in `check-vnet.ts`.
 */
import { guardPlan, resolvePlan, type Plan } from "../../engines/plan/index.js";
import { checkSubnetRef, checkVnet } from "./check-vnet.js";
import { withIpamPool, type IpamPoolScope } from "./check-ipam.js";
import { GATEWAY_POOL, poolNameKind } from "../../kb/index.js";
import { Checks, K8S_VERSION, RULES, SURGE } from "./checks.js";
import { checkAddons, checkApiServer, checkGatewayPrefix, checkNodeProvisioning } from "./check-features.js";
import { checkAuthorizedRanges, nodePublicIpOf } from "./check-authorized-ranges.js";
import { checkAutomatic } from "./check-automatic.js";

export type OsType = "Linux" | "Windows";

export interface GenPool {
  /** The pool's index in the plan's `nodePools` (0 for the default pool of a plan without pools). */
  readonly index: number;
  readonly name: string;
  /** Gateway: a static egress gateway pool (never the first System pool). */
  readonly mode: "System" | "User" | "Gateway";
  readonly osType: OsType;
  /** Only for Windows pools: `Windows2019 | Windows2022 | Windows2025`. */
  readonly osSku?: string;
  readonly count?: number;
  readonly minCount?: number;
  readonly maxCount?: number;
  readonly maxPods?: number;
  /** A node count ("3") or a percentage ("33%"). */
  readonly maxSurge?: string;
  /** Name of a subnet of `vnet`. */
  readonly subnet?: string;
  readonly podSubnet?: string;
  readonly podIpAllocation?: "DynamicIndividual" | "StaticBlock";
  /** Gateway pools: the length of the public IP prefix the pool's nodes take their egress addresses from. */
  readonly gatewayPrefixSize?: number;
  /** Spot: evictable VMs (features/spot-pools.ts); absent for Regular. */
  readonly priority?: "Spot";
  /** Gateway pools only: VirtualMachines is the private-IP mode (features/gateway-pools.ts). */
  readonly vmSetType?: "VirtualMachines";
  /** Each node gets its own public IP (features/node-public-ips.ts), from this public IP prefix when given. */
  readonly nodePublicIp?: true;
  readonly nodePublicIpPrefixId?: string;
}

export interface GenSubnet {
  readonly name: string;
  readonly cidr: string;
  readonly delegation?: string;
  /** Name of a route table of `vnet.routeTables`. */
  readonly routeTable?: string;
  /** Name of a NAT gateway of `vnet.natGateways`. */
  readonly natGateway?: string;
}

/** A NAT gateway (Standard SKU) with its own Standard public IP addresses. */
export interface GenNatGateway {
  readonly name: string;
  /** The public IP addresses created for it, by name (1 to 16). */
  readonly publicIps: readonly string[];
  readonly idleTimeoutMinutes?: number;
}

export interface GenRoute {
  readonly name: string;
  readonly addressPrefix: string;
  readonly nextHopType: "VirtualAppliance" | "VirtualNetworkGateway" | "VnetLocal" | "Internet" | "None";
  readonly nextHopIpAddress?: string;
}

export interface GenRouteTable {
  readonly name: string;
  readonly routes: readonly GenRoute[];
}

export interface GenVnet {
  readonly name: string;
  /** Whether the VNet and its subnets exist already: the output references them instead of creating them. */
  readonly existing: boolean;
  /** The VNet's resource group when it differs from the cluster's. */
  readonly resourceGroup?: string;
  readonly addressSpace: readonly string[];
  /**
   * The Virtual Network Manager IPAM pool (resource ID) the VNet and subnets take their addresses from, by the size
   * of their planned CIDRs (`--ipam-pool`); the CIDRs are then what the plan expects, not what the output writes.
   */
  readonly ipamPool?: string;
  /**
   * With `ipamPool`: which ranges ask the pool (`--ipam-pool-scope`). `vnetAndSubnets` (the default): the VNet and
   * each subnet; `vnetOnly`: the VNet only, its subnets taking explicit prefixes at their planned offsets inside
   * the range the pool allocates (the Azure Verified Modules' advice: kb AVNM_IPAM.poolVnetWithStaticSubnets).
   */
  readonly ipamPoolScope?: IpamPoolScope;
  readonly subnets: readonly GenSubnet[];
  /** Route tables the subnets attach to (created with the VNet, in its resource group). */
  readonly routeTables: readonly GenRouteTable[];
  /** NAT gateways the subnets attach to (created with the VNet, in its resource group). */
  readonly natGateways: readonly GenNatGateway[];
}

export interface GenNetwork {
  readonly plugin?: "azure" | "kubenet" | "none";
  readonly pluginMode?: "overlay";
  readonly dataplane?: "azure" | "cilium";
  readonly policy?: "none" | "azure" | "calico" | "cilium";
  readonly ipFamilies?: readonly ("IPv4" | "IPv6")[];
  readonly podCidrs: readonly string[];
  readonly serviceCidrs: readonly string[];
  readonly dnsServiceIp?: string;
  readonly outboundType?: string;
}

/** API Server VNet Integration and private clusters (`apiServerAccessProfile`). */
export interface GenApiServer {
  readonly vnetIntegration: boolean;
  /** Name of the delegated subnet of `vnet`; without it AKS creates one in its managed VNet. */
  readonly subnet?: string;
  readonly private: boolean;
}

/** Add-ons that take a subnet of `vnet` (by name). */
export interface GenAddons {
  /** Virtual nodes (ACI connector): the subnet delegated to ACI. */
  readonly virtualNodes?: { readonly subnet: string };
  /** The Application Gateway Ingress Controller add-on: the subnet its new Application Gateway goes into. */
  readonly applicationGateway?: { readonly subnet: string };
}

/** AKS Automatic in a custom VNet: its three subnets of `vnet`, by name, and whether the API server is private. */
export interface GenAutomatic {
  readonly apiServerSubnet: string;
  readonly systemNodeSubnet: string;
  readonly nodeSubnet: string;
  readonly private: boolean;
}

/** A plan checked for generation. Optional fields are left to AKS's defaults. */
export interface GenPlan {
  readonly name: string;
  readonly resourceGroup?: string;
  readonly location?: string;
  readonly kubernetesVersion?: string;
  readonly network: GenNetwork;
  readonly vnet?: GenVnet;
  readonly pools: readonly GenPool[];
  readonly apiServer?: GenApiServer;
  /**
   * `apiServer.authorizedIpRanges`, each as a CIDR (a single address as its /32), duplicates dropped; unset when
   * the plan lists none (the API server stays open to every address).
   */
  readonly authorizedIpRanges?: readonly string[];
  /** `nodeProvisioningProfile.mode`: Auto turns on node auto-provisioning (Karpenter). */
  readonly nodeProvisioning?: "Auto" | "Manual";
  readonly addons: GenAddons;
  /** The Application Gateway for Containers subnet (`addons.applicationGatewayForContainers.subnet`). */
  readonly agcSubnet?: string;
  /**
   * AKS Automatic (`sku.name: Automatic`): the cluster is written with its Automatic SKU and subnets, without node
   * pools (AKS manages the system nodes, node auto-provisioning the user nodes) and without the network fields it
   * fixes (`pools` is then empty, `apiServer` and `nodeProvisioning` unset).
   */
  readonly automatic?: GenAutomatic;
  /** What was assumed because the plan left it out and the output writes anyway (the plugin, a default pool). */
  readonly assumptions: readonly string[];
  /** What the output leaves to AKS, with the default AKS will apply (from `resolvePlan`). */
  readonly aksDefaults: readonly string[];
}

export const GENERATE_FORMATS = ["az", "bicep", "terraform"] as const;
export type GenerateFormat = (typeof GENERATE_FORMATS)[number];

/**
 * One refused value: the field path, the value and why. Without `format` the value is unsafe to write in any
 * language (it could inject code or does not parse); with it, that format cannot express it.
 */
export interface GenProblem {
  readonly path: string;
  readonly value: string;
  readonly reason: string;
  readonly format?: GenerateFormat;
}

export type GenPlanResult =
  { readonly ok: true; readonly plan: GenPlan } | { readonly ok: false; readonly problems: readonly GenProblem[] };

/** The name used when the plan has none (the az CLI has no default either). */
export const DEFAULT_CLUSTER_NAME = "aks-cluster";

/** The cluster's own fields: name (or the default name), resource group, location, Kubernetes version. */
function checkCluster(plan: Plan, c: Checks): { name: string; kubernetesVersion?: string } {
  let name = plan.name;
  if (name === undefined) {
    name = DEFAULT_CLUSTER_NAME;
    c.assumptions.push(`the plan has no name: the cluster is called ${DEFAULT_CLUSTER_NAME}`);
  }
  c.name("name", name, "cluster");
  c.name("resourceGroup", plan.resourceGroup, "resourceGroup");
  c.name("location", plan.location, "location");
  const kubernetesVersion = plan.kubernetesVersion === undefined ? undefined : String(plan.kubernetesVersion);
  c.match("kubernetesVersion", kubernetesVersion, K8S_VERSION, RULES.kubernetesVersion);
  return { name, ...(kubernetesVersion !== undefined ? { kubernetesVersion } : {}) };
}

/** The network section's ranges and address, parsed and in canonical text. */
function checkNetwork(plan: Plan, c: Checks): Pick<GenNetwork, "podCidrs" | "serviceCidrs" | "dnsServiceIp"> {
  const n = plan.network;
  const podCidrs = (n.podCidrs ?? []).map((x, i) => c.cidr(`network.podCidrs[${i}]`, x));
  const serviceCidrs = (n.serviceCidrs ?? []).map((x, i) => c.cidr(`network.serviceCidrs[${i}]`, x));
  const dnsServiceIp = n.dnsServiceIp === undefined ? undefined : c.addr("network.dnsServiceIp", n.dnsServiceIp);
  return { podCidrs, serviceCidrs, ...(dnsServiceIp !== undefined ? { dnsServiceIp } : {}) };
}

type SourcePool = Plan["nodePools"][number];

/** The pool's counts: whole numbers in range, both autoscaler bounds or neither. */
function checkCounts(p: SourcePool, i: number, c: Checks): void {
  for (const k of ["count", "minCount", "maxCount", "maxPods"] as const) {
    const v = p[k];
    if (v !== undefined && (v < 0 || v > 5000))
      c.problems.push({
        path: `nodePools[${i}].${k}`,
        value: String(v),
        reason: "it must be a whole number from 0 to 5000",
      });
  }
  if ((p.minCount === undefined) !== (p.maxCount === undefined))
    c.problems.push({
      path: `nodePools[${i}]`,
      value: p.name,
      reason: "the autoscaler needs both minCount and maxCount; set both, or neither for a fixed count",
    });
}

/** One pool, checked; a pool without a count or autoscaler gets 3 nodes, stated. */
function checkPool(p: SourcePool, i: number, vnet: GenVnet | undefined, c: Checks): GenPool {
  const osType: OsType = p.os !== undefined && p.os.startsWith("Windows") ? "Windows" : "Linux";
  c.name(`nodePools[${i}].name`, p.name, poolNameKind(p.os));
  const maxSurge = p.maxSurge === undefined ? undefined : String(p.maxSurge);
  c.match(`nodePools[${i}].maxSurge`, maxSurge, SURGE, RULES.maxSurge);
  checkSubnetRef(`nodePools[${i}].subnet`, p.subnet, vnet, c);
  checkSubnetRef(`nodePools[${i}].podSubnet`, p.podSubnet, vnet, c);
  checkCounts(p, i, c);
  if (p.mode === "Gateway") checkGatewayPrefix(`nodePools[${i}].gatewayPrefixSize`, p.gatewayPrefixSize, c);
  // Only a gateway pool's VM set type is written (its private-IP mode); leaving VirtualMachines out of another pool
  // would make it a scale set pool.
  if (p.vmSetType === "VirtualMachines" && p.mode === "Gateway") c.assumptions.push(privateGatewayNotice(i));
  else if (p.vmSetType === "VirtualMachines")
    c.problems.push({
      path: `nodePools[${i}].vmSetType`,
      value: p.vmSetType,
      reason:
        "aksnet writes the VM set type of gateway pools only, so this pool would be created as " +
        "VirtualMachineScaleSets; remove vmSetType, or add this pool yourself with " +
        "az aks nodepool add --vm-set-type VirtualMachines",
    });
  let count = p.count;
  if (count === undefined && p.minCount === undefined) {
    // The defaults differ: ARM's agent pool count defaults to 1
    // (https://learn.microsoft.com/rest/api/aks/agent-pools/create-or-update, checked 2026-11-22), while the az CLI
    // creates 3 nodes (its conventional default; its help text states none: UNCONFIRMED). So the count is always
    // written.
    count = 3;
    c.assumptions.push(
      `nodePools[${i}].count is not set: 3, written explicitly (the az CLI creates 3; ARM's default is 1)`,
    );
  }
  return {
    index: i,
    name: p.name,
    mode: p.mode ?? (i === 0 ? "System" : "User"),
    osType,
    ...(osType === "Windows" && p.os !== undefined ? { osSku: p.os } : {}),
    ...(count !== undefined ? { count } : {}),
    ...(p.minCount !== undefined ? { minCount: p.minCount } : {}),
    ...(p.maxCount !== undefined ? { maxCount: p.maxCount } : {}),
    ...(p.maxPods !== undefined ? { maxPods: p.maxPods } : {}),
    ...(maxSurge !== undefined ? { maxSurge } : {}),
    ...(p.subnet !== undefined ? { subnet: p.subnet } : {}),
    ...(p.podSubnet !== undefined ? { podSubnet: p.podSubnet } : {}),
    ...(p.podIpAllocation !== undefined ? { podIpAllocation: p.podIpAllocation } : {}),
    ...(p.mode === "Gateway" && p.gatewayPrefixSize !== undefined ? { gatewayPrefixSize: p.gatewayPrefixSize } : {}),
    ...(p.priority === "Spot" ? { priority: "Spot" as const } : {}),
    ...(p.mode === "Gateway" && p.vmSetType === "VirtualMachines" ? { vmSetType: "VirtualMachines" as const } : {}),
    ...nodePublicIpOf(p, i, c),
  };
}

/**
 * What the output says of a gateway pool's private-IP mode (kb GATEWAY_POOL.privateIp): written with the stable API
 * (type VirtualMachines), while Microsoft's newest page calls it a preview and an older revision called it GA.
 */
function privateGatewayNotice(i: number): string {
  const f = GATEWAY_POOL.privateIp;
  return (
    `nodePools[${i}].vmSetType VirtualMachines: the gateway pool's private-IP mode, written as a VirtualMachines ` +
    `pool; Microsoft's page calls it a preview (its March 2026 revision said generally available). It needs ` +
    `Kubernetes ${f.value.minKubernetes} or later, a StaticGatewayConfiguration with provisionPublicIps: false, and ` +
    "a route out of the pool's subnet (a UDR to a firewall or NVA, or ExpressRoute), which AKS does not create " +
    `(${f.source.map((x) => x.url)[0] ?? ""})`
  );
}

/** Every pool, or one default System pool when the plan has none; at least one must be a System pool. */
function checkPools(plan: Plan, vnet: GenVnet | undefined, c: Checks): GenPool[] {
  const source: readonly SourcePool[] =
    plan.nodePools.length > 0 ? plan.nodePools : [{ name: "system", mode: "System", count: 3 }];
  if (plan.nodePools.length === 0)
    c.assumptions.push("the plan has no node pools: one Linux System pool called system with 3 nodes");
  const pools = source.map((p, i) => checkPool(p, i, vnet, c));
  if (!pools.some((p) => p.mode === "System"))
    c.problems.push({
      path: "nodePools",
      value: pools.map((p) => p.name).join(", "),
      reason: "a cluster needs at least one System pool",
    });
  return pools;
}

/**
 * What `resolvePlan` fills in: the plugin (and mode) when the plan has none, written explicitly and stated;
 * every other default left to AKS, listed with the value AKS will apply.
 */
function resolveDefaults(
  plan: Plan,
  c: Checks,
  automatic: boolean,
): { plugin: NonNullable<GenNetwork["plugin"]>; pluginMode?: "overlay"; aksDefaults: string[] } {
  const resolved = resolvePlan(plan);
  const aksDefaults: string[] = [];
  for (const a of resolved.assumptions) {
    if (a.path === "network.plugin" || a.path === "network.pluginMode") continue;
    if (plan.nodePools.length === 0 && a.path.startsWith("nodePools")) continue;
    // AKS Automatic fixes these (Overlay with Cilium): not defaults the output leaves open.
    if (automatic && /^network\.(dataplane|policy)$/.test(a.path)) continue;
    const alt = a.alternatives?.length
      ? ` (other documented values: ${a.alternatives.map((x) => x.value).join(", ")})`
      : "";
    aksDefaults.push(`${a.path}: ${a.value}${alt}`);
  }
  const n = plan.network;
  if (automatic) return { plugin: "azure", pluginMode: "overlay", aksDefaults };
  if (n.plugin !== undefined)
    return { plugin: n.plugin, ...(n.pluginMode !== undefined ? { pluginMode: n.pluginMode } : {}), aksDefaults };
  const plugin = resolved.plugin;
  const pluginMode = resolved.pluginMode;
  const why = resolved.assumptions.find((a) => a.path === "network.plugin")?.reason ?? "the AKS default";
  c.assumptions.push(
    `network.plugin is not set: ${plugin}${pluginMode ? ` with mode ${pluginMode}` : ""}, because ` +
      `${why.replace(/^no plugin given: /, "")}`,
  );
  return { plugin, ...(pluginMode !== undefined ? { pluginMode } : {}), aksDefaults };
}

/** Checks every value the generators write; returns the checked plan or every problem found. */
export function toGenPlan(
  plan: Plan,
  options: { existingVnet?: boolean; ipamPool?: string | undefined; ipamPoolScope?: IpamPoolScope | undefined } = {},
): GenPlanResult {
  // A value from JavaScript that is not a plan: a RangeError sentence (guardPlan); options not an object are none.
  const opts = typeof options === "object" && options !== null ? options : {};
  return guardPlan("toGenPlan", plan, (p) => genPlanOf(p, opts));
}

function genPlanOf(
  plan: Plan,
  options: { existingVnet?: boolean; ipamPool?: string | undefined; ipamPoolScope?: IpamPoolScope | undefined },
): GenPlanResult {
  const c = new Checks();
  const cluster = checkCluster(plan, c);
  const ranges = checkNetwork(plan, c);
  const planned = checkVnet(plan, cluster.name, options.existingVnet ?? false, c);
  const vnet = withIpamPool(planned, options.ipamPool, c, options.ipamPoolScope);
  const automatic = checkAutomatic(plan, vnet, c);
  const pools = automatic ? [] : checkPools(plan, vnet, c);
  const apiServer = automatic ? undefined : checkApiServer(plan, vnet, c);
  const authorizedIpRanges = checkAuthorizedRanges(plan, c);
  const nodeProvisioning = automatic ? undefined : checkNodeProvisioning(plan);
  const addons = checkAddons(plan, vnet, c);
  const agcSubnet = plan.addons?.applicationGatewayForContainers?.subnet;
  checkSubnetRef("addons.applicationGatewayForContainers.subnet", agcSubnet, vnet, c);
  if (c.problems.length > 0) return { ok: false, problems: c.problems };
  const { plugin, pluginMode, aksDefaults } = resolveDefaults(plan, c, automatic !== undefined);
  const n = plan.network;
  return {
    ok: true,
    plan: {
      name: cluster.name,
      ...(plan.resourceGroup !== undefined ? { resourceGroup: plan.resourceGroup } : {}),
      ...(plan.location !== undefined ? { location: plan.location } : {}),
      ...(cluster.kubernetesVersion !== undefined ? { kubernetesVersion: cluster.kubernetesVersion } : {}),
      network: {
        plugin,
        ...(pluginMode !== undefined ? { pluginMode } : {}),
        ...(n.dataplane !== undefined ? { dataplane: n.dataplane } : {}),
        ...(n.policy !== undefined ? { policy: n.policy } : {}),
        ...(n.ipFamilies !== undefined ? { ipFamilies: n.ipFamilies } : {}),
        ...ranges,
        ...(n.outboundType !== undefined ? { outboundType: n.outboundType } : {}),
      },
      ...(vnet ? { vnet } : {}),
      pools,
      ...(apiServer !== undefined ? { apiServer } : {}),
      ...(authorizedIpRanges !== undefined ? { authorizedIpRanges } : {}),
      ...(nodeProvisioning !== undefined ? { nodeProvisioning } : {}),
      addons,
      ...(agcSubnet !== undefined ? { agcSubnet } : {}),
      ...(automatic !== undefined ? { automatic } : {}),
      assumptions: c.assumptions,
      aksDefaults,
    },
  };
}

/**
 * The first System pool: the one `az aks create`, Bicep's first profile and Terraform's `default_node_pool` describe.
 */
export function systemPool(plan: GenPlan): GenPool {
  const p = plan.pools.find((x) => x.mode === "System") ?? plan.pools[0];
  if (!p) throw new Error("a GenPlan always has a pool");
  return p;
}

/**
 * The subnets the cluster refers to by resource ID (pools, the API server, the AGIC gateway): the ones whose IDs
 * the az script and an existing VNet's Terraform data sources read.
 */
export function subnetsUsed(plan: GenPlan): ReadonlySet<string> {
  const out = new Set<string>();
  for (const p of plan.pools) {
    if (p.subnet !== undefined) out.add(p.subnet);
    if (p.podSubnet !== undefined) out.add(p.podSubnet);
  }
  if (plan.apiServer?.subnet !== undefined) out.add(plan.apiServer.subnet);
  if (plan.automatic !== undefined) {
    const a = plan.automatic;
    for (const n of [a.apiServerSubnet, a.systemNodeSubnet, a.nodeSubnet]) out.add(n);
  }
  if (plan.addons.applicationGateway !== undefined) out.add(plan.addons.applicationGateway.subnet);
  if (plan.addons.virtualNodes !== undefined) out.add(plan.addons.virtualNodes.subnet);
  return out;
}

/** The other pools, in plan order. */
export function otherPools(plan: GenPlan): readonly GenPool[] {
  const first = systemPool(plan);
  return plan.pools.filter((p) => p !== first);
}

/** Whether the pool autoscales (both bounds set). */
export function autoscales(p: GenPool): boolean {
  return p.minCount !== undefined && p.maxCount !== undefined;
}
