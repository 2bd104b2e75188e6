/**
 * The page's "Pools and parts" view of a plan: every node pool with its mode (System, User, Gateway), OS,
 * priority, node count or autoscaler bounds, max pods and subnets, and every other part of the cluster that
 * takes addresses or changes the rules: API Server VNet Integration, AKS Automatic's hosted system pools,
 * node auto-provisioning, virtual nodes, Application Gateway for Containers, Application Gateway (AGIC).
 * The subnets themselves, each with what it is for (firewall, Bastion, gateway, private endpoints …), are
 * the VNet map's. Pure.
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

export interface ClusterView {
  /** Where the rows come from, for the caption: `the plan`, `aksnet inspect of cluster x`. */
  readonly source: string;
  readonly pools: readonly PoolRow[];
  readonly parts: readonly PartRow[];
}

const nodesOf = (p: ResolvedPool): string =>
  p.autoscale ? `${p.minCount ?? p.count}–${p.maxCount ?? p.peakCount} (autoscaler)` : String(p.count);

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

/** The pools and the other parts of a read plan. */
export function clusterView(resolved: ResolvedPlan): ClusterView {
  const plan = resolved.plan;
  const pools = resolved.pools.map((p) => ({
    name: p.name,
    mode: p.mode,
    kind: p.priority === "Spot" ? `${p.os}, Spot` : p.os,
    nodes: nodesOf(p),
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
  for (const p of [apiServerPart(plan, resolved), napPart(plan, resolved), ...addonParts(plan, resolved)])
    if (p) parts.push(p);
  return { source: "the plan", pools, parts };
}
