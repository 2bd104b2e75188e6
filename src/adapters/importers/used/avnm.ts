/**
 * Azure Virtual Network Manager IPAM: the pool usage that
 * `az network manager ipam-pool get-pool-usage -o json` prints (the body of
 * `POST …/networkManagers/{nm}/ipamPools/{pool}/getPoolUsage`, Microsoft.Network
 * 2024-05-01 and later; Azure/azure-rest-api-specs `IpamPools_GetPoolUsage.json`),
 * also as PowerShell's `Get-AzNetworkManagerIpamPoolUsage | ConvertTo-Json`
 * (PascalCase), one pool or a list of them.
 *
 * Used: the allocated and reserved prefixes, the child pools' prefixes, and
 * anything else of the pool's own prefixes that it does not list as available
 * (so a pool whose lists disagree is read the safe way, and a note says so).
 */
import { excludePrefixes, type Prefix } from "../../../ip/index.js";
import { field, isObj, listField, textField, UsedCollector } from "./collect.js";
import { UsedSpaceError, type UsedSpace } from "./types.js";

const USAGE_KEYS = ["allocatedAddressPrefixes", "availableAddressPrefixes", "reservedAddressPrefixes"];

/** Reports whether a value looks like one pool usage (any of its prefix lists, in any letter case). */
export function isPoolUsage(v: unknown): boolean {
  return isObj(v) && USAGE_KEYS.some((k) => Array.isArray(field(v, k)));
}

/** Reports whether a value is a pool usage or a non-empty list of them. */
export function isAvnmPoolUsage(v: unknown): boolean {
  return isPoolUsage(v) || (Array.isArray(v) && v.length > 0 && v.every(isPoolUsage));
}

/** The last segment of a resource ID (`…/ipamPools/TestPool1` → `TestPool1`). */
function lastSegment(id: string): string {
  const parts = id.split("/").filter((s) => s !== "");
  return parts[parts.length - 1] ?? id;
}

function readPool(c: UsedCollector, o: Record<string, unknown>, at: (string | number)[], pool: string): void {
  const source = `avnm:${pool}`;
  const list = (name: string) => listField(o, name, c.fileName, at);
  const own = list("addressPrefixes").map((v, i) => c.prefix(v, [...at, "addressPrefixes", i]));
  const named: Prefix[] = [];
  list("allocatedAddressPrefixes").forEach((v, i) =>
    named.push(c.add(v, [...at, "allocatedAddressPrefixes", i], source, `allocated in pool ${pool}`)),
  );
  list("reservedAddressPrefixes").forEach((v, i) =>
    named.push(c.add(v, [...at, "reservedAddressPrefixes", i], source, `reserved in pool ${pool}`)),
  );
  list("childPools").forEach((child, i) => {
    if (!isObj(child))
      throw new UsedSpaceError(`${c.fileName}: childPools[${i}] is not an object; give the file as az printed it.`);
    const id = textField(child, "resourceId") ?? textField(child, "id");
    const label = id ? `child pool ${lastSegment(id)}` : `child pool ${i + 1}`;
    listField(child, "addressPrefixes", c.fileName, [...at, "childPools", i]).forEach((v, j) =>
      named.push(c.add(v, [...at, "childPools", i, "addressPrefixes", j], source, label)),
    );
  });
  const availableField = field(o, "availableAddressPrefixes");
  const available = list("availableAddressPrefixes").map((v, i) => c.prefix(v, [...at, "availableAddressPrefixes", i]));
  if (own.length > 0)
    c.note(`pool ${pool} manages ${own.map(String).join(", ")}; give these as a fleet pool to allocate from it.`);
  if (own.length > 0 && Array.isArray(availableField)) {
    const rest = excludePrefixes(excludePrefixes(own, available), named);
    for (const p of rest) c.addPrefix(p, source, `not available in pool ${pool}`);
    if (rest.length > 0)
      c.note(
        `pool ${pool}: ${rest.length} ${rest.length === 1 ? "range is" : "ranges are"} neither available nor listed ` +
          `as allocated, reserved or a child pool; taken as used.`,
      );
  }
  if (own.length > 0 && !Array.isArray(availableField) && named.length === 0)
    c.note(`pool ${pool} lists no allocations and no available space; only what it lists is taken as used.`);
}

/** Reads one pool usage or a list of them. `pool` names a single pool (default: the file's base name). */
export function readAvnmPoolUsage(value: unknown, fileName: string, pool: string): UsedSpace {
  const c = new UsedCollector(fileName);
  if (Array.isArray(value)) {
    value.forEach((o, i) => {
      if (!isObj(o))
        throw new UsedSpaceError(`${fileName}: [${i}] is not a pool usage object; give az's output as it printed it.`);
      readPool(c, o, [i], `${pool}#${i + 1}`);
    });
  } else if (isObj(value)) readPool(c, value, [], pool);
  else
    throw new UsedSpaceError(
      `${fileName} is not a pool usage; give the output of az network manager ipam-pool get-pool-usage -o json.`,
    );
  return c.done();
}
