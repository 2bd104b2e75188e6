/**
 * The page's "Pools and parts" view of a plan: every node pool with its mode (System, User, Gateway), OS,
 * priority, node count or autoscaler bounds, max pods and subnets, and every other part of the cluster that
 * takes addresses or changes the rules: API Server VNet Integration, AKS Automatic's hosted system pools,
 * node auto-provisioning, virtual nodes, Application Gateway for Containers, Application Gateway (AGIC), the
 * outbound path (outbound type, NAT gateways, route tables and their default route) and the addresses reserved
 * in the node subnet (internal load balancers, private endpoints). The subnets themselves, each with what it
 * is for (firewall, Bastion, gateway, private endpoints …), are the VNet map's. Pure.
 */
import type { Plan, ResolvedPlan, ResolvedPool } from "../../engines/plan/index.js";

export interface PoolRow {
  readonly name: string;
  /** System, User or Gateway (`—` when not known). */
  readonly mode: string;
  /** The OS and, for Spot pools, the priority: `Linux`, `Windows2022, Spot` (`—` when not known). */
  readonly kind: string;
  /** `3`, or `3–40 (autoscaler)`; from inspect also the nodes running. */
  readonly nodes: string;
  readonly maxPods: string;
  readonly subnet: string;
  readonly podSubnet: string;
}

/** A part of the cluster beside its pools, in a few words, with the plan field it comes from. */
export interface PartRow {
  readonly part: string;
  readonly detail: string;
  readonly field: string;
}

/** A subnet of the cluster's VNet with a role of its own (inspect's azure.vnetSubnets[]), with its size judged. */
export interface SubnetRow {
  readonly name: string;
  readonly cidr: string;
  /** What it is for: `Azure Firewall subnet`. */
  readonly role: string;
  /** `ok`, `too-small`, `too-large` or `unknown`. */
  readonly verdict: string;
  /** The judgement in one sentence: `/27 is smaller than the /26 minimum; 2 of 27 used`. */
  readonly size: string;
}

export interface ClusterView {
  /** Where the rows come from, for the caption: `the plan`, `aksnet inspect of cluster x`. */
  readonly source: string;
  readonly pools: readonly PoolRow[];
  readonly parts: readonly PartRow[];
  /** The other subnets of the cluster's VNet that have a role (from inspect with --azure); absent for a plan. */
  readonly subnets?: readonly SubnetRow[];
}

const nodesOf = (p: ResolvedPool): string =>
  p.autoscale ? `${p.minCount ?? p.count}–${p.maxCount ?? p.peakCount} (autoscaler)` : String(p.count);

/**
 * A Gateway pool's IP prefix and the nodes it allows (2^(32 − size)), and its private-IP mode (VM set type
 * VirtualMachines: a preview on Kubernetes 1.34+, whose subnet needs a route out); empty for other pools.
 */
function gatewayWords(plan: Plan, p: ResolvedPool): string {
  const raw = plan.nodePools.find((x) => x.name === p.name);
  if (p.mode !== "Gateway") return "";
  const size = raw?.gatewayPrefixSize;
  if (raw?.vmSetType === "VirtualMachines")
    return (
      ", private-IP mode (VirtualMachines, preview: Kubernetes 1.34+, a route out of its subnet)" +
      (size === undefined ? ", no IP prefix size" : `, IP prefix /${size} (at most ${2 ** (32 - size)})`)
    );
  return size === undefined
    ? ", no public IP prefix size"
    : `, public IP prefix /${size} (at most ${2 ** (32 - size)})`;
}

/** The CIDR of a subnet of the plan, for `name (cidr)`; the name alone when the VNet does not hold it. */
function subnetText(resolved: ResolvedPlan, name: string | undefined): string {
  if (name === undefined) return "—";
  const s = resolved.subnets.find((x) => x.name === name);
  return s ? `${name} (${s.text})` : `${name} (not in vnet.subnets)`;
}

function apiServerPart(plan: Plan, resolved: ResolvedPlan): PartRow | undefined {
  const a = plan.apiServer;
  if (!a) return undefined;
  const where =
    a.vnetIntegration === false
      ? "no VNet integration"
      : a.subnet
        ? `VNet integration in subnet ${subnetText(resolved, a.subnet)}`
        : "VNet integration in a subnet AKS manages";
  const shared = (a.clustersSharingSubnet ?? 1) > 1 ? `, shared by ${a.clustersSharingSubnet} clusters` : "";
  return { part: "API server", detail: `${where}${shared}; ${a.private ? "private" : "public"}`, field: "apiServer" };
}

function napPart(plan: Plan, resolved: ResolvedPlan): PartRow | undefined {
  const n = plan.nodeProvisioning;
  if (!n) return undefined;
  const pools = n.pools.map(
    (p) =>
      `NodePool ${p.name} up to ${p.maxNodes} nodes in ` +
      (p.subnet ? `subnet ${subnetText(resolved, p.subnet)}` : "the cluster's node subnet"),
  );
  const detail = `mode ${n.mode}${pools.length ? `: ${pools.join("; ")}` : ": no NodePool sized"}`;
  return { part: "Node auto-provisioning", detail, field: "nodeProvisioning" };
}

function addonParts(plan: Plan, resolved: ResolvedPlan): PartRow[] {
  const a = plan.addons;
  const out: PartRow[] = [];
  if (a?.virtualNodes) {
    const pods = a.virtualNodes.maxPods === undefined ? "" : `, sized for ${a.virtualNodes.maxPods} pods`;
    const detail = `subnet ${subnetText(resolved, a.virtualNodes.subnet)}${pods}`;
    out.push({ part: "Virtual nodes (ACI)", detail, field: "addons.virtualNodes" });
  }
  if (a?.applicationGatewayForContainers)
    out.push({
      part: "Application Gateway for Containers",
      detail: `subnet ${subnetText(resolved, a.applicationGatewayForContainers.subnet)}`,
      field: "addons.applicationGatewayForContainers",
    });
  if (a?.applicationGateway) {
    const g = a.applicationGateway;
    const more = [
      g.maxInstances === undefined ? "" : `up to ${g.maxInstances} instances`,
      g.privateFrontend ? "private frontend" : "",
    ].filter(Boolean);
    out.push({
      part: "Application Gateway (AGIC)",
      detail: `subnet ${subnetText(resolved, g.subnet)}${more.length ? `, ${more.join(", ")}` : ""}`,
      field: "addons.applicationGateway",
    });
  }
  return out;
}

/** `1 route`, `2 routes`. */
const counted = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The plan's subnets a NAT gateway or route table is attached to, in words. */
function attachedTo(plan: Plan, key: "natGateway" | "routeTable", name: string): string {
  const names = (plan.vnet?.subnets ?? []).filter((s) => s[key] === name).map((s) => s.name);
  return names.length ? `on ${names.join(", ")}` : "on no subnet";
}

/** The outbound path: outbound type, each NAT gateway and route table (its default route) and their subnets. */
function outboundParts(plan: Plan, resolved: ResolvedPlan): PartRow[] {
  const vnet = plan.vnet;
  const out: PartRow[] = [];
  const nats = vnet?.natGateways ?? [];
  const tables = vnet?.routeTables ?? [];
  if (!nats.length && !tables.length && plan.network.outboundType === undefined) return out;
  out.push({ part: "Outbound", detail: `outbound type ${resolved.outboundType}`, field: "network.outboundType" });
  for (const n of nats) {
    const ips = n.publicIpCount === undefined ? "" : `, ${counted(n.publicIpCount, "public IP")}`;
    const detail = `${n.name}${ips}, ${attachedTo(plan, "natGateway", n.name)}`;
    out.push({ part: "NAT gateway", detail, field: "vnet.natGateways" });
  }
  for (const t of tables) {
    const def = t.routes.find((r) => r.addressPrefix === "0.0.0.0/0");
    const route = def
      ? `default route to ${def.nextHopType}${def.nextHopIpAddress ? ` ${def.nextHopIpAddress}` : ""}`
      : "no default route";
    const on = attachedTo(plan, "routeTable", t.name);
    const detail = `${t.name}: ${counted(t.routes.length, "route")}, ${route}, ${on}`;
    out.push({ part: "Route table (UDR)", detail, field: "vnet.routeTables" });
  }
  return out;
}

/** What `reserved` takes from the node subnet beside the nodes. */
function reservedPart(plan: Plan): PartRow | undefined {
  const r = plan.reserved;
  const counts = [
    r.internalLoadBalancerIps ? counted(r.internalLoadBalancerIps, "internal load balancer IP") : "",
    r.privateEndpoints ? counted(r.privateEndpoints, "private endpoint") : "",
    r.other ? `${r.other} other address${r.other === 1 ? "" : "es"}` : "",
  ].filter(Boolean);
  const ilb = r.internalLoadBalancerSubnet ? `internal load balancers in subnet ${r.internalLoadBalancerSubnet}` : "";
  if (!counts.length && !ilb) return undefined;
  const detail = [counts.length ? `${counts.join(", ")} in the node subnet` : "", ilb].filter(Boolean).join("; ");
  return { part: "Reserved addresses", detail, field: "reserved" };
}

/** The pools and the other parts of a read plan. */
export function clusterView(resolved: ResolvedPlan): ClusterView {
  const plan = resolved.plan;
  const pools = resolved.pools.map((p) => ({
    name: p.name,
    mode: p.mode,
    kind: p.priority === "Spot" ? `${p.os}, Spot` : p.os,
    nodes: nodesOf(p) + gatewayWords(plan, p),
    maxPods: String(p.maxPods),
    subnet: subnetText(resolved, p.subnet),
    podSubnet: p.podSubnet === undefined ? "—" : subnetText(resolved, p.podSubnet),
  }));
  const parts: PartRow[] = [];
  if (plan.sku?.name === "Automatic")
    parts.push({ part: "AKS Automatic", detail: "Overlay + Cilium, node auto-provisioning", field: "sku.name" });
  const hosted = plan.hostedSystem;
  if (hosted)
    parts.push({
      part: "Hosted system pools",
      detail:
        `system nodes in subnet ${subnetText(resolved, hosted.systemNodeSubnet)}` +
        (hosted.nodeSubnet ? `; user nodes in subnet ${subnetText(resolved, hosted.nodeSubnet)}` : ""),
      field: "hostedSystem",
    });
  const more = [apiServerPart(plan, resolved), napPart(plan, resolved), ...addonParts(plan, resolved)];
  for (const p of [...more, ...outboundParts(plan, resolved), reservedPart(plan)]) if (p) parts.push(p);
  return { source: "the plan", pools, parts };
}
