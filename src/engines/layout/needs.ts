/**
 * Which subnets a plan needs that it does not have yet: the ones its fields name
 * (pools, the API server, Automatic's subnets, NAP pools, add-ons, the internal
 * load balancer subnet), the ones its `layout.subnets` asks for, and the ones a
 * setting implies without naming (API Server VNet Integration with no subnet,
 * AKS Automatic without `hostedSystem`, pools with no subnet in a VNet without
 * any). Each comes with the plan edits that point the plan at it.
 */
import { formatPath, type FieldPath, type Plan } from "../plan/index.js";
import { purposeOf, subnetReferences, type LayoutKind } from "./purpose.js";

/** A change to the plan file: set a value (creating parents) or append to a list. */
export interface PlanEdit {
  readonly op: "set" | "append";
  readonly path: readonly (string | number)[];
  readonly value: unknown;
}

export interface Need {
  readonly name: string;
  readonly kind: LayoutKind;
  /** Why the plan needs it: the field that names it, or the setting that implies it. */
  readonly why: string;
  /** The plan field that asks for it. */
  readonly path: FieldPath;
  /** Whether the written subnet should carry `purpose` (when nothing else would tell its kind). */
  readonly writePurpose: boolean;
  readonly prefixLength?: number;
  readonly addresses?: number;
}

export interface NeedsResult {
  readonly needs: readonly Need[];
  readonly edits: readonly PlanEdit[];
  /** Names needed with two different kinds (one subnet cannot be both). */
  readonly conflicts: readonly { readonly name: string; readonly kinds: readonly LayoutKind[] }[];
}

/** Default names for subnets the plan implies without naming. */
export const DEFAULT_NAMES = {
  nodes: "aks-nodes",
  apiServer: "aks-apiserver",
  systemNodes: "aks-system-nodes",
} as const;

/** The subnets the plan needs without naming them: a node subnet, an API server subnet, AKS Automatic's two. */
function implicitNeeds(plan: Plan, vnetEmpty: boolean): { needs: Need[]; edits: PlanEdit[] } {
  const needs: Need[] = [];
  const edits: PlanEdit[] = [];
  // Pools with no subnet in a VNet that has none: one node subnet for all of them.
  const noSubnets = vnetEmpty && plan.nodePools.every((p) => p.subnet === undefined);
  if (noSubnets && plan.nodePools.length > 0) {
    plan.nodePools.forEach((_, i) =>
      edits.push({ op: "set", path: ["nodePools", i, "subnet"], value: DEFAULT_NAMES.nodes }),
    );
    const why = "the node pools name no subnet";
    needs.push({ name: DEFAULT_NAMES.nodes, kind: "nodes", why, path: ["nodePools"], writePurpose: false });
  }
  const automatic = plan.sku?.name === "Automatic";
  if ((plan.apiServer?.vnetIntegration || automatic) && plan.apiServer?.subnet === undefined) {
    edits.push({ op: "set", path: ["apiServer", "subnet"], value: DEFAULT_NAMES.apiServer });
    if (!automatic) edits.push({ op: "set", path: ["apiServer", "vnetIntegration"], value: true });
    const why = automatic
      ? "AKS Automatic in a custom VNet needs an API server subnet"
      : "apiServer.vnetIntegration is on";
    needs.push({ name: DEFAULT_NAMES.apiServer, kind: "apiServer", why, path: ["apiServer"], writePurpose: false });
  }
  if (automatic && plan.hostedSystem === undefined) {
    const nodes = plan.nodePools[0]?.subnet ?? DEFAULT_NAMES.nodes;
    edits.push({
      op: "set",
      path: ["hostedSystem"],
      value: { systemNodeSubnet: DEFAULT_NAMES.systemNodes, nodeSubnet: nodes },
    });
    const why = "AKS Automatic in a custom VNet needs a system node subnet and a user node subnet";
    needs.push({
      name: DEFAULT_NAMES.systemNodes,
      kind: "systemNodes",
      why,
      path: ["sku", "name"],
      writePurpose: false,
    });
    needs.push({ name: nodes, kind: "nodes", why, path: ["sku", "name"], writePurpose: false });
  }
  return { needs, edits };
}

export function neededSubnets(plan: Plan): NeedsResult {
  const existing = new Set((plan.vnet?.subnets ?? []).map((s) => s.name));
  const needs: Need[] = [];
  const edits: PlanEdit[] = [];
  const kinds = new Map<string, Set<LayoutKind>>();
  const add = (need: Need) => {
    if (existing.has(need.name)) return;
    const seen = kinds.get(need.name);
    if (seen) {
      seen.add(need.kind);
      return;
    }
    kinds.set(need.name, new Set([need.kind]));
    needs.push(need);
  };

  const implicit = implicitNeeds(plan, existing.size === 0);
  edits.push(...implicit.edits);
  implicit.needs.forEach(add);
  for (const r of subnetReferences(plan))
    add({ name: r.name, kind: r.kind, why: `${formatPath(r.path)} names it`, path: r.path, writePurpose: false });
  (plan.layout?.subnets ?? []).forEach((s, i) => {
    const p = s.purpose
      ? { kind: s.purpose as LayoutKind, why: "layout.subnets asks for it" }
      : purposeOf(plan, s.name);
    add({
      name: s.name,
      kind: p.kind,
      why: s.purpose ? "layout.subnets asks for it" : `layout.subnets asks for it (${p.why})`,
      path: ["layout", "subnets", i],
      writePurpose: s.purpose !== undefined && purposeOf(plan, s.name).kind !== s.purpose,
      ...(s.prefixLength !== undefined ? { prefixLength: s.prefixLength } : {}),
      ...(s.addresses !== undefined ? { addresses: s.addresses } : {}),
    });
  });
  const conflicts = [...kinds].filter(([, k]) => k.size > 1).map(([name, k]) => ({ name, kinds: [...k] }));
  return { needs, edits, conflicts };
}
