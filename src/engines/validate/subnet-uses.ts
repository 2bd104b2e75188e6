/**
 * What the rules about subnet kinds share: a subnet of the plan by name, every
 * field that puts something into it, and whether the plan describes its VNet.
 * What a subnet is for and what it must hold come from `engines/layout`.
 */
import { subnetReferences, type LayoutKind } from "../layout/index.js";
import type { FieldPath, ResolvedPlan, ResolvedSubnet } from "../plan/index.js";

/** The plan's subnet of this name (the first one, when names repeat). */
export function subnetNamed(plan: ResolvedPlan, name: string): ResolvedSubnet | undefined {
  return plan.subnets.find((s) => s.name === name);
}

/** Every field that puts something of another kind than `kind` into subnet `name`. */
export function otherUses(
  plan: ResolvedPlan,
  name: string,
  kind: LayoutKind,
): { readonly kind: LayoutKind; readonly path: FieldPath }[] {
  return subnetReferences(plan.plan).filter((r) => r.name === name && r.kind !== kind);
}

/** Whether the plan describes its VNet (its own VNet, not one AKS creates). */
export function describesVnet(plan: ResolvedPlan): boolean {
  return plan.plan.vnet !== undefined;
}

/** Azure's usable addresses of an IPv4 subnet (size − 5); null for IPv6 or a CIDR that does not parse. */
export function usableOf(s: ResolvedSubnet): number | null {
  return s.prefix && s.prefix.family === 4 ? Math.max(0, 2 ** (32 - s.prefix.bits) - 5) : null;
}
