/**
 * What every subnet of a plan must hold, for `aksnet size` on a plan file: the node and pod subnets and the
 * subnets beside them (API server, Application Gateway for Containers, Application Gateway, gateway pools'
 * subnets, node auto-provisioning's, virtual nodes', hub subnets, private endpoints …), each with the
 * addresses it needs, the smallest prefix that holds them within its kind's bounds (`subnetDemand`, the
 * numbers `aksnet layout` places), and, for a subnet the plan already has, whether its range is large enough.
 * Subnets the plan needs but does not define (API Server VNet Integration without a subnet, AKS Automatic
 * without `hostedSystem` …) are listed too; subnets nothing in the plan explains (kind `other`) are left out. Node
 * auto-provisioning's subnets get the warning that their
 * nodes skip ARM's up-front subnet check.
 */
import { NODE_AUTO_PROVISIONING, azureUsable } from "../../kb/index.js";
import { resolvePlan, type Plan } from "../plan/index.js";
import { napPoolsIn, subnetDemand } from "./demand.js";
import { applyEdits } from "./edits.js";
import { neededSubnets } from "./needs.js";
import { subnetPurposes, type LayoutKind } from "./purpose.js";

export interface SubnetSize {
  readonly name: string;
  readonly kind: LayoutKind;
  /** Why aksnet reads the subnet as this kind (its purpose field, a reserved name, the field naming it …). */
  readonly why: string;
  /** The plan's range for it; absent when the plan needs the subnet but does not define it. */
  readonly cidr?: string;
  /** Usable addresses of `cidr` (Azure's 5 taken off). */
  readonly usable?: number;
  /** Usable addresses it must hold; null when a rule fixes the size instead (AGC's /24, a firewall's /26). */
  readonly addressesNeeded: number | null;
  /** The smallest subnet (longest prefix) that holds them within the kind's bounds; null when none does. */
  readonly prefixLength: number | null;
  /** Whether `cidr` is at least that large; absent without a `cidr` or a size. */
  readonly fits?: boolean;
  readonly delegation: string | null;
  /** How the size was found, in phrases. */
  readonly breakdown: readonly string[];
  /** What the numbers cannot say (node auto-provisioning's late failure). */
  readonly notes: readonly string[];
  readonly sources: readonly string[];
}

const NAP_NOTE =
  "node auto-provisioning creates these nodes without ARM's up-front subnet check: a subnet too small is not refused " +
  "when the cluster is created but fails later, when a node is provisioned, with SubnetIsFull";

/**
 * Every subnet the plan's cluster uses or needs, in plan order, then the ones it still needs. A plan without a
 * `vnet` section has none: AKS creates and sizes its managed VNet itself.
 */
export function subnetSizes(plan: Plan): SubnetSize[] {
  if (!plan.vnet) return [];
  const found = neededSubnets(plan);
  const resolved = resolvePlan(found.edits.length > 0 ? applyEdits(plan, found.edits) : plan);
  const purposes = subnetPurposes(plan);
  const napOn = plan.nodeProvisioning?.mode === "Auto" || plan.sku?.name === "Automatic";
  const size = (name: string, kind: LayoutKind, why: string, cidr: string | undefined, over = {}): SubnetSize => {
    const d = subnetDemand(resolved, name, kind, over);
    const nap = kind === "nodes" && napOn && napPoolsIn(resolved, name).length > 0;
    const own = resolved.subnets.find((s) => s.name === name);
    const prefix = cidr !== undefined ? own?.prefix : undefined;
    const usable = prefix ? Number(azureUsable(prefix)) : undefined;
    return {
      name,
      kind,
      why,
      ...(cidr !== undefined ? { cidr } : {}),
      ...(usable !== undefined ? { usable } : {}),
      addressesNeeded: d.addresses,
      prefixLength: d.prefixLength,
      ...(prefix && d.prefixLength !== null
        ? { fits: prefix.bits <= d.prefixLength && (d.minPrefixLength === null || prefix.bits >= d.minPrefixLength) }
        : {}),
      delegation: d.delegation,
      breakdown: d.breakdown,
      notes: nap ? [NAP_NOTE] : [],
      sources: nap ? [...d.sources, ...NODE_AUTO_PROVISIONING.skipsArmSubnetCheck.source.map((s) => s.url)] : d.sources,
    };
  };
  const out: SubnetSize[] = [];
  for (const s of plan.vnet?.subnets ?? []) {
    const p = purposes.get(s.name);
    if (!p || p.kind === "other" || out.some((x) => x.name === s.name)) continue;
    out.push(size(s.name, p.kind, p.why, s.cidr));
  }
  for (const n of found.needs) out.push(size(n.name, n.kind, n.why, undefined, n));
  return out;
}
