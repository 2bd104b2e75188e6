/**
 * Azure IPAM (github.com/Azure/ipam): what its REST API returns, saved as JSON.
 * Shapes from its response models (`engine/app/models.py`):
 * - spaces: `GET /api/spaces?expand=true` (a list, or one space): `{ name, desc,
 *   blocks: [block…] }`;
 * - blocks: `GET /api/spaces/{space}/blocks?expand=true` (a list, or one block):
 *   `{ name, cidr, vnets: [{ name, id, prefixes, subnets }], externals: [{ name,
 *   cidr, subnets }], resv: [{ id, cidr, desc, settledOn, status, … }] }`;
 * - reservations: `GET /api/spaces/{space}/reservations` (`{ id, cidr, settledOn, … }`);
 * - virtual networks: `GET /api/azure/vnet` (`{ name, id, prefixes, resource_group, … }`).
 *
 * Used, as Azure IPAM itself counts a block's use (`routers/space.py`): the VNets'
 * prefixes, the external networks' CIDRs, and the reservations not yet settled
 * (`settledOn` empty: fulfilled and cancelled ones free their range or are a VNet
 * now). A block's own CIDR is space to allocate from, not used; a note names it.
 */
import { field, isObj, listField, textField, UsedCollector, vnetName } from "./collect.js";
import { UsedSpaceError, type UsedSpace } from "./types.js";

const SOURCE = "azure-ipam";
type At = (string | number)[];

function isBlock(v: unknown): v is Record<string, unknown> {
  return isObj(v) && typeof v["cidr"] === "string" && (Array.isArray(v["vnets"]) || Array.isArray(v["resv"]));
}
function isSpace(v: unknown): v is Record<string, unknown> {
  return isObj(v) && Array.isArray(v["blocks"]) && typeof v["name"] === "string";
}
function isReservation(v: unknown): v is Record<string, unknown> {
  return isObj(v) && typeof v["cidr"] === "string" && typeof v["id"] === "string" && "createdOn" in v;
}
function isNetwork(v: unknown): v is Record<string, unknown> {
  return (
    isObj(v) &&
    Array.isArray(v["prefixes"]) &&
    typeof v["id"] === "string" &&
    ("subscription_id" in v || "resource_group" in v)
  );
}

function all(v: unknown, is: (x: unknown) => boolean): boolean {
  return Array.isArray(v) && v.length > 0 && v.every(is);
}

/** Reports whether a value is one of Azure IPAM's answers this reader takes. */
export function isAzureIpam(v: unknown): boolean {
  return isSpace(v) || isBlock(v) || [isSpace, isBlock, isReservation, isNetwork].some((is) => all(v, is));
}

function reservation(c: UsedCollector, r: unknown, at: At, where: string): void {
  if (!isObj(r))
    throw new UsedSpaceError(
      `${c.fileName}: ${at.join(".")} is not a reservation object; give the API's answer as it came.`,
    );
  const settled = field(r, "settledOn");
  if (settled !== null && settled !== undefined && settled !== 0 && settled !== "") return;
  const id = textField(r, "id");
  const desc = textField(r, "desc");
  c.add(field(r, "cidr"), [...at, "cidr"], SOURCE, `reservation ${id ?? "?"}${desc ? ` (${desc})` : ""}${where}`);
}

function network(c: UsedCollector, n: unknown, at: At): void {
  if (!isObj(n))
    throw new UsedSpaceError(
      `${c.fileName}: ${at.join(".")} is not a virtual network object; give the API's answer as it came.`,
    );
  const name = textField(n, "name") ?? textField(n, "id") ?? "a virtual network";
  const vnet = textField(n, "name") ?? vnetName(textField(n, "id"));
  listField(n, "prefixes", c.fileName, at).forEach((p, i) =>
    c.add(p, [...at, "prefixes", i], SOURCE, name, false, vnet),
  );
}

function block(c: UsedCollector, b: Record<string, unknown>, at: At, space: string | undefined): void {
  const bname = textField(b, "name") ?? "?";
  const where = space ? `space ${space} block ${bname}` : `block ${bname}`;
  const cidr = c.prefix(field(b, "cidr"), [...at, "cidr"]);
  c.note(`${where} covers ${cidr.toString()}; give it as a fleet pool to allocate from it.`);
  const vnets = listField(b, "vnets", c.fileName, at);
  const byIdOnly = vnets.filter((v) => isObj(v) && !Array.isArray(field(v, "prefixes"))).length;
  if (byIdOnly > 0)
    throw new UsedSpaceError(
      `${c.fileName}: ${where} lists ${byIdOnly === 1 ? "a virtual network" : `${byIdOnly} virtual networks`} by ID ` +
        `only; export it with ?expand=true so their prefixes are known.`,
    );
  vnets.forEach((v, i) => network(c, v, [...at, "vnets", i]));
  listField(b, "externals", c.fileName, at).forEach((e, i) => {
    if (!isObj(e))
      throw new UsedSpaceError(
        `${c.fileName}: ${where} externals[${i}] is not an object; give the API's answer as it came.`,
      );
    c.add(
      field(e, "cidr"),
      [...at, "externals", i, "cidr"],
      SOURCE,
      `external network ${textField(e, "name") ?? i + 1}`,
    );
  });
  listField(b, "resv", c.fileName, at).forEach((r, i) => reservation(c, r, [...at, "resv", i], ` in ${where}`));
}

function space(c: UsedCollector, s: Record<string, unknown>, at: At): void {
  const name = textField(s, "name");
  listField(s, "blocks", c.fileName, at).forEach((b, i) => {
    if (!isObj(b))
      throw new UsedSpaceError(
        `${c.fileName}: space ${name ?? "?"} blocks[${i}] is not an object; give the API's answer as it came.`,
      );
    block(c, b, [...at, "blocks", i], name);
  });
}

export function readAzureIpam(value: unknown, fileName: string): UsedSpace {
  const c = new UsedCollector(fileName);
  const items = Array.isArray(value) ? value : [value];
  items.forEach((v, i) => {
    const at: At = Array.isArray(value) ? [i] : [];
    if (isSpace(v)) space(c, v, at);
    else if (isBlock(v)) block(c, v, at, undefined);
    else if (isReservation(v)) reservation(c, v, at, "");
    else if (isNetwork(v)) network(c, v, at);
    else
      throw new UsedSpaceError(
        `${fileName}: ${Array.isArray(value) ? `[${i}]` : "the document"} is not an Azure IPAM space, block, ` +
          `reservation or virtual network; give the API's JSON as it came (e.g. GET /api/spaces?expand=true).`,
      );
  });
  return c.done();
}
