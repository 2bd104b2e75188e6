/**
 * A switch to a Pod Subnet model gives the pools a pod subnet when they have none:
 * the VNet's subnet whose purpose is pods (or one named `aks-pods`), else a new
 * `aks-pods` subnet placed where `aksnet layout` would place it, sized for the
 * pools' pods. Without it the switch would leave `podIpAllocation` on pools with no
 * pod subnet, which AKS refuses. When the VNet has no room (or no address space) the
 * switch is refused (RefusedEdit): the plan stays as it was and the page says why.
 */
import { isMap, isScalar, isSeq, type Document } from "yaml";
import { layoutPlan } from "../../engines/layout/index.js";
import { parsePlan } from "../../engines/plan/index.js";
import { RefusedEdit } from "./refused-edit.js";

export const POD_SUBNET_NAME = "aks-pods";

interface SubnetValue {
  readonly name?: unknown;
  readonly purpose?: unknown;
}

/** The subnets' JSON as `toJSON` gives it (mappings only), for a list of 1,000 without building it. */
function subnetsOf(list: unknown): SubnetValue[] {
  if (!isSeq(list)) return [];
  const whole = () => (list.toJSON() as SubnetValue[]).filter((s) => s && typeof s === "object");
  const out: SubnetValue[] = [];
  for (const item of list.items) {
    if (!isMap(item)) return whole();
    const s: { name?: unknown; purpose?: unknown } = {};
    for (const p of item.items) {
      // A merge key, an alias or a key that is not a plain value: toJSON knows what it means.
      if (!isScalar(p.key) || p.key.value === "<<") return whole();
      const k = p.key.value;
      if (k !== "name" && k !== "purpose") continue;
      if (p.value !== null && !isScalar(p.value)) return whole();
      s[k] = p.value === null ? null : p.value.value;
    }
    out.push(s);
  }
  return out;
}

/**
 * Points every pool without a pod subnet at one, adding and placing it when the VNet has none.
 * Throws RefusedEdit when there is no VNet or no room in it for the pods' subnet.
 */
export function ensurePodSubnet(doc: Document): void {
  const pools = doc.getIn(["nodePools"]);
  if (!isSeq(pools) || pools.items.length === 0) return;
  const list = doc.getIn(["vnet", "subnets"]);
  const subnets = subnetsOf(list);
  const name =
    subnets.find((s) => s.purpose === "pods" && typeof s.name === "string")?.name ??
    subnets.find((s) => s.name === POD_SUBNET_NAME)?.name ??
    POD_SUBNET_NAME;
  let pointed = false;
  pools.items.forEach((p, i) => {
    if (isMap(p) && doc.getIn(["nodePools", i, "podSubnet"]) === undefined) {
      doc.setIn(["nodePools", i, "podSubnet"], name);
      pointed = true;
    }
  });
  if (!pointed || subnets.some((s) => s.name === name)) return;
  const plan = parsePlan(doc.toJS()).plan;
  if (!plan?.vnet)
    throw new RefusedEdit(
      "A Pod Subnet model takes pod addresses from a subnet of the VNet, and this plan has no VNet: " +
        "add vnet.addressSpace (or the VNet address space field) first.",
    );
  const result = layoutPlan(plan);
  const edit = result.edits.find(
    (e) =>
      e.op === "append" && e.path.join(".") === "vnet.subnets" && (e.value as SubnetValue | undefined)?.name === name,
  );
  if (!edit) {
    const why = result.problems.find((p) => p.message.includes(`"${String(name)}"`))?.message;
    throw new RefusedEdit(
      `There is no room in the VNet for the pods' subnet${why ? `: ${why}` : ` ${String(name)}`}. ` +
        "The model is unchanged: widen the VNet address space, or add a subnet with purpose: pods, then switch again.",
    );
  }
  if (isSeq(list)) {
    if (list.flow && list.items.length === 0) list.flow = false;
    list.add(doc.createNode(edit.value, { flow: true }));
  } else doc.setIn(["vnet", "subnets"], doc.createNode([edit.value], { flow: false }));
}
