/**
 * What each subnet of a plan is for, and why aksnet thinks so: the subnet's own
 * `purpose`, Azure's reserved names (AzureFirewallSubnet …), its delegation, or
 * the plan's references to it (a pool's `subnet`, `apiServer.subnet`,
 * `addons.*.subnet` …). Shared by `layout`, the rules and the address map.
 */
import { subnetKindByDelegation, subnetKindByName, type SubnetKindId } from "../../kb/index.js";
import { formatPath, guardPlan, type FieldPath, type Plan } from "../plan/index.js";

/** A subnet kind of the knowledge base, or nodes / pods / managed system nodes / anything else. */
export type LayoutKind = SubnetKindId | "nodes" | "pods" | "systemNodes" | "other";

export interface Purpose {
  readonly kind: LayoutKind;
  /** Why: the field or name it was read from. */
  readonly why: string;
}

/** Every subnet name the plan refers to, with the kind the reference gives it and the field path, in plan order. */
export function subnetReferences(
  plan: Plan,
): { readonly name: string; readonly kind: LayoutKind; readonly path: FieldPath }[] {
  const out: { name: string; kind: LayoutKind; path: FieldPath }[] = [];
  const add = (name: string | undefined, kind: LayoutKind, path: FieldPath) => {
    if (name !== undefined) out.push({ name, kind, path });
  };
  plan.nodePools.forEach((p, i) => {
    add(p.subnet, "nodes", ["nodePools", i, "subnet"]);
    add(p.podSubnet, "pods", ["nodePools", i, "podSubnet"]);
  });
  add(plan.apiServer?.subnet, "apiServer", ["apiServer", "subnet"]);
  add(plan.hostedSystem?.systemNodeSubnet, "systemNodes", ["hostedSystem", "systemNodeSubnet"]);
  add(plan.hostedSystem?.nodeSubnet, "nodes", ["hostedSystem", "nodeSubnet"]);
  plan.nodeProvisioning?.pools.forEach((p, i) => add(p.subnet, "nodes", ["nodeProvisioning", "pools", i, "subnet"]));
  const a = plan.addons;
  add(a?.virtualNodes?.subnet, "virtualNodes", ["addons", "virtualNodes", "subnet"]);
  const agc = a?.applicationGatewayForContainers?.subnet;
  add(agc, "applicationGatewayForContainers", ["addons", "applicationGatewayForContainers", "subnet"]);
  add(a?.applicationGateway?.subnet, "applicationGateway", ["addons", "applicationGateway", "subnet"]);
  add(plan.reserved.internalLoadBalancerSubnet, "internalLoadBalancers", ["reserved", "internalLoadBalancerSubnet"]);
  return out;
}

const OTHER: Purpose = { kind: "other", why: "nothing in the plan says what it holds" };

/** The first reference to each subnet name (for looking many names up). */
function firstReferences(plan: Plan): Map<string, { kind: LayoutKind; path: FieldPath }> {
  const out = new Map<string, { kind: LayoutKind; path: FieldPath }>();
  for (const r of subnetReferences(plan)) if (!out.has(r.name)) out.set(r.name, r);
  return out;
}

/** The purpose of a subnet with this name (and, when it exists, these fields). */
export function purposeOf(
  plan: Plan,
  name: string,
  fields: { readonly purpose?: string; readonly delegation?: string; readonly privateEndpoints?: number } = {},
  references: ReadonlyMap<string, { kind: LayoutKind; path: FieldPath }> = firstReferences(plan),
): Purpose {
  if (fields.purpose !== undefined) return { kind: fields.purpose as LayoutKind, why: "its purpose field" };
  const byName = subnetKindByName(name);
  if (byName) return { kind: byName, why: `Azure reserves the name ${name}` };
  if (fields.delegation !== undefined) {
    const byDelegation = subnetKindByDelegation(fields.delegation);
    if (byDelegation) return { kind: byDelegation, why: `it is delegated to ${fields.delegation}` };
  }
  const ref = references.get(name);
  if (ref) return { kind: ref.kind, why: `${formatPath(ref.path)} names it` };
  if ((fields.privateEndpoints ?? 0) > 0) return { kind: "privateEndpoints", why: "it holds private endpoints" };
  return OTHER;
}

/** The purpose of every subnet in `vnet.subnets`, by name. */
export function subnetPurposes(plan: Plan): Map<string, Purpose> {
  return guardPlan("subnetPurposes", plan, purposesOf);
}

function purposesOf(plan: Plan): Map<string, Purpose> {
  const out = new Map<string, Purpose>();
  const references = firstReferences(plan);
  for (const s of plan.vnet?.subnets ?? [])
    if (!out.has(s.name)) out.set(s.name, purposeOf(plan, s.name, s, references));
  return out;
}
