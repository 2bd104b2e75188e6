/**
 * NetBox IPAM, as its REST API returns it:
 * - `GET /api/ipam/prefixes/{id}/available-prefixes/`: a list of `{ family,
 *   prefix, vrf }`, the free space inside one parent prefix. Everything else is
 *   taken as used: the parent's other space within `within` (the fleet's pools;
 *   default: the whole address family), so the allocator only places inside what
 *   NetBox says is free.
 * - `GET /api/ipam/prefixes/` (`{ count, next, previous, results: [...] }`, or the
 *   `results` list alone): every prefix is used except containers (status
 *   `container`, unless `mark_utilized`), which hold others and are where to allocate.
 *   `family` and `status` are objects (`{ value, label }`) since NetBox 2.x, plain
 *   values in older answers; both are read.
 */
import { excludePrefixes, parsePrefix, type Prefix } from "../../../ip/index.js";
import { field, isObj, listField, textField, UsedCollector } from "./collect.js";
import { UsedSpaceError, type UsedSpace } from "./types.js";

const SOURCE = "netbox";
const LEGACY_STATUS: Readonly<Record<string, string>> = {
  "0": "container",
  "1": "active",
  "2": "reserved",
  "3": "deprecated",
};

function isAvailablePrefix(v: unknown): boolean {
  return isObj(v) && typeof v["prefix"] === "string" && "family" in v && !("id" in v);
}
function isNetboxPrefix(v: unknown): boolean {
  return isObj(v) && typeof v["prefix"] === "string" && "id" in v;
}

/** Reports whether a value is an available-prefixes answer (a non-empty list of `{ family, prefix, vrf }`). */
export function isNetboxAvailable(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0 && v.every(isAvailablePrefix);
}

/** Reports whether a value is a prefix list (paginated or the `results` list). */
export function isNetboxPrefixes(v: unknown): boolean {
  if (isObj(v) && Array.isArray(v["results"]) && "count" in v) return v["results"].every(isNetboxPrefix);
  return Array.isArray(v) && v.length > 0 && v.every(isNetboxPrefix);
}

/** A `{ value, label }` choice or a plain value, as text in lower case. */
function choice(v: unknown): string | undefined {
  const x = isObj(v) ? v["value"] : v;
  return typeof x === "string" || typeof x === "number" ? String(x).toLowerCase() : undefined;
}

/** A nested object's name (`vrf: { name }`), or undefined. */
function nestedName(v: unknown): string | undefined {
  return isObj(v) ? (textField(v, "name") ?? textField(v, "display")) : undefined;
}

export function readNetboxAvailable(value: unknown, fileName: string, within: readonly Prefix[]): UsedSpace {
  const c = new UsedCollector(fileName);
  if (!Array.isArray(value))
    throw new UsedSpaceError(
      `${fileName} is not a list of available prefixes; give the JSON NetBox returns for ` +
        `/api/ipam/prefixes/{id}/available-prefixes/.`,
    );
  const free = value.map((o, i) => {
    if (!isObj(o))
      throw new UsedSpaceError(`${fileName}: [${i}] is not an object with a prefix; give NetBox's answer as it came.`);
    return c.prefix(field(o, "prefix"), [i, "prefix"]);
  });
  const vrfs = new Set(value.map((o) => nestedName((o as Record<string, unknown>)["vrf"]) ?? "global"));
  const families = new Set(free.map((p) => p.family));
  const bounds =
    within.length > 0
      ? [...within]
      : families.size === 0
        ? [parsePrefix("0.0.0.0/0"), parsePrefix("::/0")]
        : [...families].map((f) => parsePrefix(f === 4 ? "0.0.0.0/0" : "::/0"));
  for (const p of excludePrefixes(bounds, free)) c.addPrefix(p, SOURCE, "not in NetBox's available prefixes");
  const inVrfs = vrfs.size > 1 ? ` in VRFs ${[...vrfs].join(", ")}` : "";
  const rest = within.length > 0 ? "everything else in the pools" : "everything else";
  c.note(
    `${fileName} lists ${free.length} available ${free.length === 1 ? "prefix" : "prefixes"}${inVrfs}; ${rest} is ` +
      `taken as used.`,
  );
  return c.done();
}

export function readNetboxPrefixes(value: unknown, fileName: string): UsedSpace {
  const c = new UsedCollector(fileName);
  let list: unknown[];
  let at: (string | number)[] = [];
  if (isObj(value)) {
    list = listField(value, "results", fileName, []);
    at = ["results"];
    const count = field(value, "count");
    const next = field(value, "next");
    if (typeof next === "string" && next !== "")
      throw new UsedSpaceError(
        `${fileName} holds one page (${list.length}${typeof count === "number" ? ` of ${count}` : ""} prefixes); ` +
          `fetch them all in one file with ?limit=0 (or join the pages' results) and run again.`,
      );
  } else if (Array.isArray(value)) list = value;
  else throw new UsedSpaceError(`${fileName} is not a NetBox prefix list; give the JSON of GET /api/ipam/prefixes/.`);
  let containers = 0;
  list.forEach((o, i) => {
    if (!isObj(o))
      throw new UsedSpaceError(
        `${fileName}: ${[...at, i].join(".")} is not a prefix object; give NetBox's answer as it came.`,
      );
    // Before NetBox 2.6 the status was a number: 0 container, 1 active, 2 reserved, 3 deprecated.
    const status = LEGACY_STATUS[choice(field(o, "status")) ?? "active"] ?? choice(field(o, "status")) ?? "active";
    const p = c.prefix(field(o, "prefix"), [...at, i, "prefix"]);
    if (status === "container" && field(o, "mark_utilized") !== true) {
      if (++containers <= 5) {
        const desc = textField(o, "description");
        c.note(`NetBox container ${p.toString()}${desc ? ` (${desc})` : ""} is space to allocate from, not used.`);
      }
      return;
    }
    const vrf = nestedName(field(o, "vrf"));
    const label =
      textField(o, "description") ?? nestedName(field(o, "role")) ?? `NetBox prefix ${String(field(o, "id") ?? i + 1)}`;
    c.addPrefix(p, SOURCE, `${label}${status !== "active" ? ` (${status})` : ""}${vrf ? ` [VRF ${vrf}]` : ""}`);
  });
  if (containers > 5) c.note(`${fileName} holds ${containers} containers in all; none is taken as used.`);
  return c.done();
}
