/**
 * Azure Virtual Network Manager IPAM: the resources a pool has handed addresses to, as
 * `az network manager ipam-pool list-associated-resource -o json` prints them (the `value` list of
 * `POST …/networkManagers/{nm}/ipamPools/{pool}/listAssociatedResources`, Microsoft.Network 2024-05-01 and
 * later: `PoolAssociation` { resourceId, poolId, addressPrefixes, reservedPrefixes, … }), the REST body itself
 * (`{ value, nextLink }`), or PowerShell's `Get-AzNetworkManagerAssociatedResourcesList | ConvertTo-Json`
 * (PascalCase). Unlike the pool usage (`get-pool-usage`), each association names its resource, so every prefix
 * carries its network: the VNet's name, for a VNet or one of its subnets.
 */
import { field, isObj, listField, textField, UsedCollector } from "./collect.js";
import { UsedSpaceError, type UsedSpace } from "./types.js";

/** One association: a resource ID, and a prefix list, in any letter case. */
function isAssociation(v: unknown): boolean {
  return isObj(v) && typeof field(v, "resourceId") === "string" && Array.isArray(field(v, "addressPrefixes"));
}

/** The associations of a value: the list itself, or the REST body's `value`; undefined when it is neither. */
function associationsOf(v: unknown): unknown[] | undefined {
  const list = isObj(v) ? field(v, "value") : v;
  return Array.isArray(list) && list.length > 0 && list.every(isAssociation) ? list : undefined;
}

/** Reports whether a value is a pool's associated resources (az's list, or the REST body). */
export function isAvnmAssociations(v: unknown): boolean {
  return associationsOf(v) !== undefined;
}

/** The segment after `name` in a resource ID (`…/virtualNetworks/vnet-a/subnets/s` → `vnet-a`), any case. */
function segmentAfter(id: string, name: string): string | undefined {
  const parts = id.split("/");
  const i = parts.findIndex((p) => p.toLowerCase() === name.toLowerCase());
  return i >= 0 ? parts[i + 1] || undefined : undefined;
}

/** Reads the associations; `pool` names the pool when an association does not (default: the file's base name). */
export function readAvnmAssociations(value: unknown, fileName: string, pool: string): UsedSpace {
  const list = associationsOf(value);
  if (!list)
    throw new UsedSpaceError(
      `${fileName} is not a pool's associated resources; give the output of az network manager ipam-pool ` +
        `list-associated-resource -o json.`,
    );
  const c = new UsedCollector(fileName);
  const at = isObj(value) ? ["value"] : [];
  const other = new Set<string>();
  list.forEach((a, i) => {
    const o = a as Record<string, unknown>;
    const id = textField(o, "resourceId") ?? "";
    const poolId = textField(o, "poolId");
    const source = `avnm:${(poolId && segmentAfter(poolId, "ipamPools")) ?? pool}`;
    const network = segmentAfter(id, "virtualNetworks");
    if (network === undefined) other.add(id);
    const what = id.split("/").slice(-2).join(" ");
    listField(o, "addressPrefixes", fileName, [...at, i]).forEach((v, j) =>
      c.add(v, [...at, i, "addressPrefixes", j], source, `allocated to ${what}`, false, network),
    );
    listField(o, "reservedPrefixes", fileName, [...at, i]).forEach((v, j) =>
      c.add(v, [...at, i, "reservedPrefixes", j], source, `reserved for ${what}`, false, network),
    );
  });
  if (other.size > 0)
    c.note(
      `${other.size} associated resource${other.size === 1 ? " is" : "s are"} not a VNet: ` +
        `${other.size === 1 ? "its" : "their"} prefixes carry no network.`,
    );
  if (isObj(value) && typeof field(value, "nextLink") === "string")
    c.note("the answer has a nextLink: only its first page was read; az prints every page.");
  return c.done();
}
