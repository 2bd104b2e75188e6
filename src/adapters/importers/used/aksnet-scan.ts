/**
 * `aksnet scan -o json` (docs/scan.md "Reading it as used space", the versioned
 * contract `kind: ScanReport`, `apiVersion: aksnet/v1`): every VNet read, whole
 * (`vnets[].addressSpace`), what those VNets reach through their peerings
 * (`vnets[].peerings[].remoteAddressSpace`), the subnets the clusters' pools use
 * (`subnets[].prefixes`) and each kubenet or Overlay cluster's pod CIDR
 * (`clusters[].podCidr.cidr`, labelled `scan:pod-cidr`: it takes no VNet space,
 * but a VNet on it could not reach those pods). Output of a scan before `vnets[]`
 * existed gives the subnets only, and a note says so. What the scan could not read
 * (`missing`) is named in a note: its space is not counted.
 *
 * Each VNet's address space and subnets carry the VNet's name as `network` (a
 * top-level subnet: the VNet in its `vnetId`), so a fleet network of that name
 * takes them as its ranges; a peering's remote space names no network (the scan
 * gives the peering's name, not the remote VNet's).
 */
import { field, isObj, listField, textField, UsedCollector, vnetName } from "./collect.js";
import { UsedSpaceError, type UsedSpace } from "./types.js";

/** Reports whether a value is a scan report (`summary`, `clusters`, `subnets`, `missing`). */
export function isAksnetScan(v: unknown): boolean {
  return (
    isObj(v) &&
    (v["kind"] === "ScanReport" || isObj(v["summary"])) &&
    Array.isArray(v["clusters"]) &&
    Array.isArray(v["subnets"])
  );
}

/** One VNet of the scan: its address space, the address space of its peers, and its subnets. */
function addVnet(c: UsedCollector, n: unknown, i: number, fileName: string): void {
  if (!isObj(n))
    throw new UsedSpaceError(`${fileName}: vnets[${i}] is not an object; give aksnet scan's JSON as it wrote it.`);
  const name = textField(n, "name") ?? textField(n, "id") ?? String(i + 1);
  const network = textField(n, "name") ?? vnetName(textField(n, "id"));
  listField(n, "addressSpace", fileName, ["vnets", i]).forEach((p, j) =>
    c.add(p, ["vnets", i, "addressSpace", j], "scan", `VNet ${name}`, false, network),
  );
  listField(n, "peerings", fileName, ["vnets", i]).forEach((pe, k) => {
    if (!isObj(pe))
      throw new UsedSpaceError(
        `${fileName}: vnets[${i}].peerings[${k}] is not an object; give aksnet scan's JSON as it wrote it.`,
      );
    const peering = textField(pe, "name") ?? String(k + 1);
    listField(pe, "remoteAddressSpace", fileName, ["vnets", i, "peerings", k]).forEach((p, j) =>
      c.add(p, ["vnets", i, "peerings", k, "remoteAddressSpace", j], "scan", `peered with VNet ${name} (${peering})`),
    );
  });
  listField(n, "subnets", fileName, ["vnets", i]).forEach((sn, k) => {
    if (!isObj(sn))
      throw new UsedSpaceError(
        `${fileName}: vnets[${i}].subnets[${k}] is not an object; give aksnet scan's JSON as it wrote it.`,
      );
    const subnet = textField(sn, "name") ?? String(k + 1);
    listField(sn, "prefixes", fileName, ["vnets", i, "subnets", k]).forEach((p, j) =>
      c.add(p, ["vnets", i, "subnets", k, "prefixes", j], "scan", `subnet ${subnet}`, false, network),
    );
  });
}

export function readAksnetScan(value: unknown, fileName: string): UsedSpace {
  if (!isAksnetScan(value))
    throw new UsedSpaceError(`${fileName} is not aksnet scan's JSON; give the output of aksnet scan -o json.`);
  const v = value as Record<string, unknown>;
  const c = new UsedCollector(fileName);
  listField(v, "subnets", fileName, []).forEach((s, i) => {
    if (!isObj(s))
      throw new UsedSpaceError(`${fileName}: subnets[${i}] is not an object; give aksnet scan's JSON as it wrote it.`);
    const name = textField(s, "name") ?? textField(s, "id");
    const vnet = vnetName(textField(s, "vnetId"));
    listField(s, "prefixes", fileName, ["subnets", i]).forEach((p, j) =>
      c.add(p, ["subnets", i, "prefixes", j], "scan", name ? `subnet ${name}` : undefined, false, vnet),
    );
  });
  listField(v, "clusters", fileName, []).forEach((k, i) => {
    if (!isObj(k))
      throw new UsedSpaceError(`${fileName}: clusters[${i}] is not an object; give aksnet scan's JSON as it wrote it.`);
    const pod = field(k, "podCidr");
    if (isObj(pod) && field(pod, "cidr") !== undefined)
      c.add(
        field(pod, "cidr"),
        ["clusters", i, "podCidr", "cidr"],
        "scan:pod-cidr",
        `pod CIDR of cluster ${textField(k, "name") ?? i + 1}`,
      );
  });
  const vnets = field(v, "vnets");
  listField(v, "vnets", fileName, []).forEach((n, i) => addVnet(c, n, i, fileName));
  const missing = listField(v, "missing", fileName, []);
  for (const m of missing.slice(0, 5))
    if (isObj(m))
      c.note(
        `the scan did not read ${textField(m, "what") ?? "something"} ${textField(m, "id") ?? ""}`.trimEnd() +
          `: its space is not counted.`,
      );
  if (missing.length > 5)
    c.note(`the scan missed ${missing.length} reads in all; rerun it with access to them to count their space.`);
  if (!Array.isArray(vnets))
    c.note(
      "this scan output lists the subnets clusters use, not whole VNet address spaces (scans since vnets[] was added " +
        "do); add the VNets' address spaces (a prefix list) to keep their free parts out too.",
    );
  return c.done();
}
