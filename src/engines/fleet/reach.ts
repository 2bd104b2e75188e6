/**
 * Reachability in the fleet graph (engines/fleet/model.ts builds it): whether
 * one network routes to another (a peering, a connected group, a gateway),
 * how two networks relate (each other, through a common viewer, a mesh), and
 * what a cluster reaches. Peering is not transitive: only what the fleet file states.
 */
import type { FleetModel } from "./model.js";
import { guardArgs } from "../../ip/index.js";
import { FLEET_MODEL } from "./model-param.js";

function shareAny(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (!a || !b || a.length === 0 || b.length === 0) return false;
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** How two networks relate: they reach each other, a third network reaches both, or neither. */
export type Reach = "direct" | "mesh" | "common" | "none";

/** Whether v holds a route to x: a peering, a connected group, or through a gateway. */
export function sees(m: FleetModel, v: number, x: number): boolean {
  return v !== x && (shareAny(m.groupsOf[v], m.groupsOf[x]) || routesTo(m, v, x));
}

/** Whether v holds a route to x other than through a connected group: a peering, or through a gateway. */
export function routesTo(m: FleetModel, v: number, x: number): boolean {
  return (
    v !== x &&
    (m.routes[v]?.has(x) === true ||
      shareAny(m.gatewaysOf[v], m.attachedTo[x]) ||
      shareAny(m.attachedTo[v], m.gatewaysOf[x]))
  );
}

/**
 * When a and b reach each other only as members of connected groups: whether one of those groups refuses
 * overlapping members (true) or all allow them (false); undefined when they also peer or share a gateway.
 */
export function groupOnlyOverlap(m: FleetModel, a: number, b: number): boolean | undefined {
  if (routesTo(m, a, b) || routesTo(m, b, a)) return undefined;
  const shared = (m.groupsOf[a] ?? []).filter((g) => m.groupsOf[b]?.includes(g));
  if (shared.length === 0) return undefined;
  return shared.some((g) => m.groupDisallowsOverlap[g] === true);
}

/** Every network that holds a route to x (may repeat one). */
export function* viewersOf(m: FleetModel, x: number): Generator<number> {
  yield* m.seenBy[x] ?? [];
  for (const g of m.groupsOf[x] ?? []) yield* m.groupMembers[g] ?? [];
  for (const g of m.attachedTo[x] ?? []) yield* m.gatewayUsers[g] ?? [];
  for (const g of m.gatewaysOf[x] ?? []) yield* m.attached[g] ?? [];
}

/** How networks a and b reach each other (see `Reach`); `via` names a common viewer. */
export const reachOf = guardArgs("reachOf", [FLEET_MODEL], function reachOf(m: FleetModel, a: number, b: number): {
  reach: Reach;
  via?: number;
} {
  if (shareAny(m.meshesOf[a], m.meshesOf[b])) return { reach: "mesh" };
  if (sees(m, a, b) || sees(m, b, a)) return { reach: "direct" };
  // Both behind one gateway: the gateway's VNet (and every network using it) sees both.
  for (const g of m.attachedTo[a] ?? []) if (m.attachedTo[b]?.includes(g)) return { reach: "common", via: g };
  const cost = (x: number): number => {
    let c = m.seenBy[x]?.size ?? 0;
    for (const g of m.groupsOf[x] ?? []) c += m.groupMembers[g]?.length ?? 0;
    for (const g of m.attachedTo[x] ?? []) c += m.gatewayUsers[g]?.length ?? 0;
    for (const g of m.gatewaysOf[x] ?? []) c += m.attached[g]?.length ?? 0;
    return c;
  };
  const [one, other] = cost(a) <= cost(b) ? [a, b] : [b, a];
  for (const v of viewersOf(m, one)) if (v !== one && sees(m, v, other)) return { reach: "common", via: v };
  return { reach: "none" };
});

/** Every network x holds a route to, in index order (peers, connected groups, through gateways). */
export function reachedBy(m: FleetModel, x: number): number[] {
  const out = new Set<number>(m.routes[x] ?? []);
  for (const g of m.groupsOf[x] ?? []) for (const v of m.groupMembers[g] ?? []) out.add(v);
  for (const g of m.gatewaysOf[x] ?? []) for (const o of m.attached[g] ?? []) out.add(o);
  for (const g of m.attachedTo[x] ?? []) for (const u of m.gatewayUsers[g] ?? []) out.add(u);
  out.delete(x);
  return [...out].sort((p, q) => p - q);
}
