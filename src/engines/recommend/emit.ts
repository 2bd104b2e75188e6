/**
 * The plan a recommendation emits: the candidate's network configuration, a
 * VNet laid out inside the address space with subnets sized by the capacity
 * engine, a pod CIDR and service CIDR that overlap nothing, and the target's
 * pools (one System pool, then User pools when the nodes exceed one pool's limit). Every value is explicit, so `aksnet
 * check` and `aksnet generate`
 * read it without assuming defaults.
 */
import { addrFromBigInt, parsePrefix, type Prefix } from "../../ip/index.js";
import { DEFAULT_CIDRS, DEFAULT_POD_CIDR_BITS, DEFAULT_SERVICE_CIDR_BITS, MODELS } from "../../kb/index.js";
import { formatMaxSurge, podRangeKind } from "../capacity/index.js";
import { choosePodCidr, reservedAvoid, type Avoid } from "../migrate/index.js";
import { applyEdits, layoutPlan } from "../layout/index.js";
import { planOf, type PlanInput } from "../plan/index.js";
import { candidateNeeds, type Candidate, type Target } from "./candidate.js";
import { layoutSubnets } from "./filters.js";

export interface EmitOptions {
  readonly name?: string;
  readonly resourceGroup?: string;
  readonly location?: string;
}

/** The policy the emitted plan uses: the one asked for, else Cilium's own on Cilium, else none. */
export function policyFor(c: Candidate, t: Target): "none" | "azure" | "calico" | "cilium" {
  return t.requirements.networkPolicy ?? (c.dataplane === "cilium" ? "cilium" : "none");
}

/** The plan for the candidate, or a reason it cannot be laid out. */
export function emitPlan(
  c: Candidate,
  t: Target,
  options: EmitOptions = {},
): { plan: PlanInput } | { problem: string } {
  const { needs } = candidateNeeds(c, t);
  const space = t.addressSpace.length > 0 ? t.addressSpace : [parsePrefix(DEFAULT_CIDRS.managedVnet.value)];
  if (t.requirements.automatic) return emitAutomatic(c, t, space, options);
  const bits = [needs.nodeSubnet.prefixLength, ...(needs.podSubnet ? [needs.podSubnet.prefixLength] : [])];
  if (bits.some((b) => b === null)) return { problem: "no Azure subnet is large enough" };
  const subnets = layoutSubnets(space, bits as number[]);
  if (!subnets)
    return {
      problem:
        `the subnets (${bits.map((b) => `/${b}`).join(", ")}) do not fit in ` +
        `${space.map((p) => p.toString()).join(", ")}`,
    };
  const [nodeSubnet, podSubnet] = subnets;
  const ranges = clusterRanges(c, space, needs.podCidr?.prefixLength);
  if ("problem" in ranges) return ranges;
  const plan: PlanInput = {
    apiVersion: "aksnet/v1",
    kind: "ClusterPlan",
    name: options.name ?? "aks-cluster",
    ...(options.resourceGroup ? { resourceGroup: options.resourceGroup } : {}),
    ...(options.location ? { location: options.location } : {}),
    ...(t.kubernetesVersionText ? { kubernetesVersion: t.kubernetesVersionText } : {}),
    network: networkOf(c, t, ranges),
    vnet: {
      name: "vnet-aks",
      addressSpace: space.map((p) => p.toString()),
      subnets: [
        { name: "aks-nodes", cidr: nodeSubnet!.toString() },
        ...(podSubnet ? [{ name: "aks-pods", cidr: podSubnet.toString() }] : []),
      ],
    },
    nodePools: poolsOf(c, t, podSubnet !== undefined),
  };
  return { plan };
}

/**
 * AKS Automatic's plan: sku Automatic with its fixed network (Overlay + Cilium), no node pools (AKS manages the
 * system pools in their own subnet and node auto-provisioning makes the user nodes, sized here by one NodePool of
 * the peak node count), and the three subnets of a custom VNet (API server, system nodes, user nodes) placed by the
 * layout engine. The pod and service ranges are written only when AKS's defaults would overlap the VNet
 * (azurerm's Automatic resource takes none).
 */
function emitAutomatic(
  c: Candidate,
  t: Target,
  space: readonly Prefix[],
  options: EmitOptions,
): { plan: PlanInput } | { problem: string } {
  const { needs } = candidateNeeds(c, t);
  const ranges = clusterRanges(c, space, needs.podCidr?.prefixLength);
  if ("problem" in ranges) return ranges;
  const { podCidrs, serviceCidrs, dnsServiceIp, ipFamilies, ...fixed } = networkOf(c, t, ranges);
  const ownPods = podCidrs !== undefined && podCidrs[0] !== DEFAULT_CIDRS.podCidr.value;
  const ownService = serviceCidrs?.[0] !== DEFAULT_CIDRS.serviceCidr.value;
  const network: PlanInput["network"] = {
    ...fixed,
    ...(ownPods || ownService ? { ipFamilies } : {}),
    ...(ownPods ? { podCidrs } : {}),
    ...(ownService ? { serviceCidrs, dnsServiceIp } : {}),
  };
  const draft: PlanInput = {
    apiVersion: "aksnet/v1",
    kind: "ClusterPlan",
    name: options.name ?? "aks-cluster",
    ...(options.resourceGroup ? { resourceGroup: options.resourceGroup } : {}),
    ...(options.location ? { location: options.location } : {}),
    ...(t.kubernetesVersionText ? { kubernetesVersion: t.kubernetesVersionText } : {}),
    sku: { name: "Automatic" },
    network,
    vnet: { name: "vnet-aks", addressSpace: space.map((p) => p.toString()), subnets: [] },
    nodePools: [],
    nodeProvisioning: { pools: [{ name: "default", maxNodes: t.peakNodes, maxPods: t.maxPods }] },
  };
  const laid = layoutPlan(planOf(draft), { growth: 1 });
  if (!laid.ok) return { problem: laid.problems.map((p) => p.message).join("; ") };
  return { plan: applyEdits(draft, laid.edits) };
}

interface Ranges {
  readonly podCidr: Prefix | undefined;
  readonly service: Prefix;
}

/** The pod CIDR (models that use one) and service CIDR, clear of the VNet, of each other and of reserved ranges. */
function clusterRanges(
  c: Candidate,
  space: readonly Prefix[],
  podCidrBits: number | null | undefined,
): Ranges | { problem: string } {
  const avoid: Avoid[] = [...space.map((prefix) => ({ prefix, what: "vnet" })), ...reservedAvoid()];
  const usesPodCidr = podRangeKind(c.model) === "pod-cidr" || c.model === "byo-cni";
  let podCidr: Prefix | undefined;
  if (usesPodCidr) {
    podCidr = choosePodCidr(Math.min(podCidrBits ?? DEFAULT_POD_CIDR_BITS, DEFAULT_POD_CIDR_BITS), avoid);
    if (!podCidr) return { problem: "no free pod CIDR" };
    avoid.push({ prefix: podCidr, what: "pod CIDR" });
  }
  const defaultService = parsePrefix(DEFAULT_CIDRS.serviceCidr.value);
  const service = avoid.some((a) => a.prefix.overlaps(defaultService)) ? serviceCidrOutside(avoid) : defaultService;
  if (!service) return { problem: "no free service CIDR" };
  return { podCidr, service };
}

function networkOf(c: Candidate, t: Target, { podCidr, service }: Ranges): NonNullable<PlanInput["network"]> {
  const m = MODELS[c.model];
  const dual = Boolean(t.requirements.dualStack);
  return {
    plugin: m.config.plugin,
    ...(m.config.pluginMode ? { pluginMode: m.config.pluginMode } : {}),
    ...(c.model !== "byo-cni" ? { dataplane: c.dataplane } : {}),
    policy: policyFor(c, t),
    ipFamilies: dual ? ["IPv4", "IPv6"] : ["IPv4"],
    ...(podCidr ? { podCidrs: dual ? [podCidr.toString(), DEFAULT_CIDRS.podCidrV6.value] : [podCidr.toString()] } : {}),
    serviceCidrs: dual ? [service.toString(), DEFAULT_CIDRS.serviceCidrV6.value] : [service.toString()],
    dnsServiceIp: addrFromBigInt(service.addr.toBigInt() + 10n, 4).toString(),
  };
}

function poolsOf(c: Candidate, t: Target, podSubnet: boolean): NonNullable<PlanInput["nodePools"]> {
  const m = MODELS[c.model];
  return t.pools.map((p) => ({
    name: p.name,
    mode: p.mode,
    os: "Linux",
    ...(p.peakNodes > p.nodes ? { count: p.nodes, minCount: p.nodes, maxCount: p.peakNodes } : { count: p.nodes }),
    maxPods: t.maxPods,
    maxSurge: formatMaxSurge(t.maxSurge),
    subnet: "aks-nodes",
    ...(podSubnet ? { podSubnet: "aks-pods", podIpAllocation: m.config.podIpAllocation ?? "DynamicIndividual" } : {}),
  }));
}

/** A service CIDR of the default size (/16) that overlaps nothing (same search as the pod CIDR). */
function serviceCidrOutside(avoid: readonly Avoid[]): Prefix | undefined {
  return choosePodCidr(DEFAULT_SERVICE_CIDR_BITS, avoid);
}
