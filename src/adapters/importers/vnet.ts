/**
 * `az network vnet show/list -o json` (flattened) and the ARM/REST VNet shape
 * (fields under `properties`) → the plan's `vnet` and `connectedNetworks`
 * (peerings). Field names: Azure/azure-rest-api-specs:specification/network/
 * resource-manager/Microsoft.Network/stable/…/virtualNetwork.json (checked 2026-11-22).
 */
import { field, isObj, literal, PlanBuilder, type AzureId, type Obj } from "./builder.js";
import type { SourcePath } from "./source-map.js";

function body(o: unknown, at: SourcePath): { o: unknown; at: SourcePath } {
  const p = field(o, "properties");
  return isObj(p?.value) ? { o: p.value, at: [...at, p.key] } : { o, at };
}

/** Reports whether the value is one VNet or a list of VNets. */
export function isVnetDocument(v: unknown): boolean {
  const one = (x: unknown) => {
    if (!isObj(x)) return false;
    const type = field(x, "type")?.value;
    if (typeof type === "string" && type.toLowerCase() === "microsoft.network/virtualnetworks") return true;
    return field(body(x, []).o, "addressSpace") !== undefined;
  };
  return Array.isArray(v) ? v.length > 0 && v.every(one) : one(v);
}

function prefixesOf(o: unknown): { key: string; list: string[] } | undefined {
  const many = field(o, "addressPrefixes");
  if (Array.isArray(many?.value))
    return { key: many.key, list: many.value.filter((s): s is string => typeof s === "string") };
  const one = field(o, "addressPrefix");
  if (typeof literal(one?.value) === "string") return { key: one!.key, list: [one!.value as string] };
  return undefined;
}

/**
 * Imports the VNet matching `refs` (by name, then resource group) or, when no
 * reference is known, the only VNet of the document.
 */
export function importVnets(
  v: unknown,
  refs: readonly AzureId[],
  b: PlanBuilder = new PlanBuilder(),
): { builder: PlanBuilder; chosen?: string; candidates: string[] } {
  const list: { o: Obj; at: SourcePath }[] = Array.isArray(v)
    ? v.flatMap((o: unknown, i) => (isObj(o) ? [{ o, at: [i] }] : []))
    : isObj(v)
      ? [{ o: v, at: [] }]
      : [];
  return importVnetList(list, refs, b);
}

/** Imports the VNet matching `refs` from candidate VNet objects, each with its source path. */
export function importVnetList(
  list: readonly { o: Obj; at: SourcePath }[],
  refs: readonly AzureId[],
  b: PlanBuilder = new PlanBuilder(),
): { builder: PlanBuilder; chosen?: string; candidates: string[] } {
  const names = list.map((x) => String(literal(field(x.o, "name")?.value) ?? ""));
  const wanted = refs.find((r) => r.vnet)?.vnet;
  const pick =
    wanted !== undefined
      ? list.find((_, i) => names[i]?.toLowerCase() === wanted.toLowerCase())
      : list.length === 1
        ? list[0]
        : undefined;
  if (!pick) return { builder: b, candidates: names };
  const name = field(pick.o, "name");
  if (typeof literal(name?.value) === "string") b.set(["vnet", "name"], name!.value, [...pick.at, name!.key]);
  const rg = field(pick.o, "resourceGroup");
  if (typeof rg?.value === "string") b.set(["vnet", "resourceGroup"], rg.value, [...pick.at, rg.key]);
  const { o: props, at } = body(pick.o, pick.at);
  const space = field(props, "addressSpace");
  const sp = prefixesOf(space?.value);
  if (space && sp) b.set(["vnet", "addressSpace"], sp.list, [...at, space.key, sp.key]);

  importSubnets(props, at, b);
  importPeerings(props, at, b);
  return { builder: b, chosen: String(name?.value ?? ""), candidates: names };
}

/** The VNet's subnets, one plan subnet per prefix (an empty list when it has none). */
function importSubnets(props: unknown, at: SourcePath, b: PlanBuilder): void {
  const subnets = field(props, "subnets");
  let n = 0;
  if (subnets && Array.isArray(subnets.value)) {
    subnets.value.forEach((s: unknown, i: number) => {
      const src: SourcePath = [...at, subnets.key, i];
      const sn = field(s, "name");
      const { o: sp2, at: sat } = body(s, src);
      const pre = prefixesOf(sp2);
      if (typeof sn?.value !== "string" || !pre) return;
      for (const cidr of pre.list) {
        b.mark(["vnet", "subnets", n], src);
        b.set(["vnet", "subnets", n, "name"], sn.value, [...src, sn.key]);
        b.set(["vnet", "subnets", n, "cidr"], cidr, [...sat, pre.key]);
        const del = field(sp2, "delegations");
        const first = Array.isArray(del?.value) ? del.value[0] : undefined;
        const svc = field(body(first, []).o, "serviceName")?.value;
        if (typeof svc === "string") b.set(["vnet", "subnets", n, "delegation"], svc, [...sat, del!.key]);
        n++;
      }
    });
  }
  if (n === 0) b.set(["vnet", "subnets"], [], at);
}

/** The VNet's peerings with a remote address space, as connected networks. */
function importPeerings(props: unknown, at: SourcePath, b: PlanBuilder): void {
  const peerings = field(props, "virtualNetworkPeerings");
  if (peerings && Array.isArray(peerings.value)) {
    let c = 0;
    peerings.value.forEach((p: unknown, i: number) => {
      const src: SourcePath = [...at, peerings.key, i];
      const { o: pp, at: pat } = body(p, src);
      const remote = field(pp, "remoteAddressSpace");
      const pre = prefixesOf(remote?.value);
      if (!remote || !pre || pre.list.length === 0) return;
      const pn = field(p, "name");
      b.mark(["connectedNetworks", c], src);
      b.set(
        ["connectedNetworks", c, "name"],
        typeof pn?.value === "string" ? pn.value : `peering-${i}`,
        pn ? [...src, pn.key] : src,
      );
      b.set(["connectedNetworks", c, "cidrs"], pre.list, [...pat, remote.key, pre.key]);
      b.set(["connectedNetworks", c, "kind"], "peering", src);
      c++;
    });
  }
}
