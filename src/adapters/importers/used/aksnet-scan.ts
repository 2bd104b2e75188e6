/**
 * `aksnet scan -o json` (docs/scan.md, a public contract): the subnets the
 * clusters' pools use (`subnets[].prefixes`) and each kubenet or Overlay
 * cluster's pod CIDR (`clusters[].podCidr.cidr`, labelled `scan:pod-cidr`: it
 * takes no VNet space, but a VNet on it could not reach those pods). What the scan
 * could not read (`missing`) is named in a note: its space is not counted.
 */
import { field, isObj, listField, textField, UsedCollector } from "./collect.js";
import { UsedSpaceError, type UsedSpace } from "./types.js";

/** Reports whether a value is a scan report (`summary`, `clusters`, `subnets`, `missing`). */
export function isAksnetScan(v: unknown): boolean {
  return isObj(v) && isObj(v["summary"]) && Array.isArray(v["clusters"]) && Array.isArray(v["subnets"]);
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
    listField(s, "prefixes", fileName, ["subnets", i]).forEach((p, j) =>
      c.add(p, ["subnets", i, "prefixes", j], "scan", name ? `subnet ${name}` : undefined),
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
  const missing = listField(v, "missing", fileName, []);
  for (const m of missing.slice(0, 5))
    if (isObj(m))
      c.note(
        `the scan did not read ${textField(m, "what") ?? "something"} ${textField(m, "id") ?? ""}`.trimEnd() +
          `: its space is not counted.`,
      );
  if (missing.length > 5)
    c.note(`the scan missed ${missing.length} reads in all; rerun it with access to them to count their space.`);
  c.note(
    "aksnet scan lists the subnets clusters use, not whole VNet address spaces; add the VNets' address spaces (a prefix list) to keep their free parts out too.",
  );
  return c.done();
}
