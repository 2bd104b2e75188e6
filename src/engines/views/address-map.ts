/**
 * The address-space map as data: every range of a plan (VNet address spaces,
 * subnets, pod and service CIDRs, connected networks, and AKS-reserved ranges
 * that touch any of them) placed on axes drawn to scale, with the overlaps
 * marked. Pure: the page turns it into SVG, a test reads it as numbers.
 *
 * Ranges are grouped into panels: a panel is a maximal group of ranges that
 * overlap one another, so each panel has one linear axis and stays readable
 * (10.0.0.0/16 and 192.168.0.0/16 are not squeezed onto one line). Inside a
 * panel every range is exactly to scale.
 *
 * What counts as an overlap: ranges of different owners sharing addresses (the
 * VNet and its subnets are one owner; the pod CIDRs, the service CIDRs and
 * each connected network are one owner each), two subnets sharing addresses,
 * and anything inside an AKS-reserved range. A subnet inside its VNet and the
 * DNS service address inside the service CIDR are expected and not marked.
 * The rules and their fix hints belong to `check`; the map only draws.
 */
import {
  AddrSet,
  addrFromBigInt,
  addrSetOf,
  findOverlappingPairs,
  tryParsePrefix,
  type Addr,
  type Prefix,
} from "../../ip/index.js";
import { azureUsable, RESERVED_RANGES } from "../../kb/index.js";
import type { Plan } from "../plan/index.js";

export type MapKind = "vnet" | "subnet" | "pods" | "services" | "connected" | "reserved";

export interface MapItem {
  readonly kind: MapKind;
  /** What the range is, e.g. `subnet aks-nodes`. */
  readonly label: string;
  readonly cidr: string;
  /** Position and width on the panel axis, as fractions of its span (0..1). */
  readonly x: number;
  readonly width: number;
  /** Shares addresses with a range it must not share them with (see the module comment). */
  readonly overlaps: boolean;
  /** For reserved ranges: why the range is reserved. */
  readonly note?: string;
  /** For subnets: the addresses left after the 5 Azure keeps in every subnet, as decimal text. */
  readonly usable?: string;
}

export interface MapLane {
  readonly kind: MapKind;
  readonly title: string;
  readonly items: readonly MapItem[];
}

export interface MapPanel {
  /** First and last address of the axis. */
  readonly from: string;
  readonly to: string;
  /** Number of addresses on the axis, as decimal text (IPv6 spans exceed 2^53). */
  readonly size: string;
  readonly lanes: readonly MapLane[];
  /** Address runs where an overlap happens, as fractions of the span. */
  readonly overlapBands: readonly { readonly x: number; readonly width: number }[];
  /** The same panel narrowed to the span of its subnets, when they fill less than a quarter of it. */
  readonly zoom?: MapPanel;
}

export interface AddressMap {
  readonly panels: readonly MapPanel[];
  /** CIDR fields the map could not draw, with the parser's reason (check reports them too). */
  readonly unreadable: readonly { readonly field: string; readonly text: string; readonly reason: string }[];
}

interface Range {
  readonly kind: MapKind;
  readonly owner: string;
  readonly label: string;
  readonly prefix: Prefix;
  readonly lo: bigint;
  readonly hi: bigint;
  readonly note?: string;
}

const LANE_TITLES: Record<MapKind, string> = {
  vnet: "VNet",
  subnet: "subnets",
  pods: "pod CIDR",
  services: "service CIDR",
  connected: "connected",
  reserved: "AKS-reserved",
};
const LANE_ORDER: readonly MapKind[] = ["vnet", "subnet", "pods", "services", "connected", "reserved"];

/** Lays out the plan's ranges. Never throws: unreadable CIDRs are listed, the rest is drawn. */
export function addressMap(plan: Plan): AddressMap {
  const ranges: Range[] = [];
  const unreadable: { field: string; text: string; reason: string }[] = [];
  const add = (kind: MapKind, owner: string, label: string, field: string, text: string, note?: string) => {
    const r = tryParsePrefix(text.trim());
    if (!r.ok) {
      unreadable.push({ field, text, reason: r.error.reason });
      return;
    }
    const p = r.value.masked();
    ranges.push({
      kind,
      owner,
      label,
      prefix: p,
      lo: lineOf(p.first()),
      hi: lineOf(p.last()),
      ...(note === undefined ? {} : { note }),
    });
  };
  plan.vnet?.addressSpace.forEach((c, i) =>
    add("vnet", "vnet", `VNet ${plan.vnet?.name ?? ""}`.trim(), `vnet.addressSpace[${i}]`, c),
  );
  plan.vnet?.subnets.forEach((s, i) => add("subnet", "vnet", `subnet ${s.name}`, `vnet.subnets[${i}].cidr`, s.cidr));
  plan.network.podCidrs?.forEach((c, i) => add("pods", "pods", "pod CIDR", `network.podCidrs[${i}]`, c));
  plan.network.serviceCidrs?.forEach((c, i) =>
    add("services", "services", "service CIDR", `network.serviceCidrs[${i}]`, c),
  );
  plan.connectedNetworks.forEach((n, i) =>
    n.cidrs.forEach((c, j) => add("connected", `connected:${i}`, n.name, `connectedNetworks[${i}].cidrs[${j}]`, c)),
  );
  const planned = ranges.slice();
  RESERVED_RANGES.forEach((rr) => {
    const p = tryParsePrefix(rr.cidr);
    if (p.ok && planned.some((r) => r.prefix.overlaps(p.value)))
      add("reserved", "reserved", rr.cidr, "", rr.cidr, rr.reason);
  });
  return { panels: groupIntoPanels(ranges).map(layoutGroup), unreadable };
}

/** Groups ranges into maximal sets of transitively overlapping ranges, ordered by address (IPv4 first). */
function groupIntoPanels(ranges: readonly Range[]): Range[][] {
  const sorted = ranges
    .slice()
    .sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : a.hi > b.hi ? -1 : a.hi < b.hi ? 1 : 0));
  const panels: Range[][] = [];
  let current: Range[] = [];
  let end = -1n;
  for (const r of sorted) {
    if (current.length > 0 && r.lo > end) {
      panels.push(current);
      current = [];
    }
    current.push(r);
    if (current.length === 1 || r.hi > end) end = r.hi;
  }
  if (current.length > 0) panels.push(current);
  return panels;
}

interface OverlapRuns {
  /** Addresses shared by two owners (subnets left out). */
  readonly owners: AddrSet;
  /** Addresses shared by two subnets. */
  readonly subnets: AddrSet;
  /** Addresses shared by a subnet and a range the VNet does not own. */
  readonly subnetOthers: AddrSet;
  /** All of the above, as sorted [lo, hi] runs on the map's number line: what the overlap lane draws. */
  readonly all: [bigint, bigint][];
}

/** Where two owners, two subnets, or a subnet and a foreign range share addresses. */
function overlapRuns(ranges: readonly Range[]): OverlapRuns {
  // Owners: an address is shared when a later owner meets what earlier owners cover.
  const byOwner = new Map<string, Prefix[]>();
  for (const r of ranges) {
    if (r.kind === "subnet") continue;
    const list = byOwner.get(r.owner);
    if (list) list.push(r.prefix);
    else byOwner.set(r.owner, [r.prefix]);
  }
  let covered = AddrSet.EMPTY;
  let owners = AddrSet.EMPTY;
  for (const prefixes of byOwner.values()) {
    const set = addrSetOf(prefixes);
    owners = owners.union(covered.intersect(set));
    covered = covered.union(set);
  }
  // Two overlapping prefixes share exactly the longer one.
  const subnets = ranges.filter((r) => r.kind === "subnet").map((r) => r.prefix);
  const shared = findOverlappingPairs(subnets).map(([i, j]) => {
    const a = subnets[i] as Prefix;
    const b = subnets[j] as Prefix;
    return a.bits >= b.bits ? a : b;
  });
  const subnetSet = addrSetOf(shared);
  const foreign = addrSetOf(ranges.filter((r) => r.owner !== "vnet").map((r) => r.prefix));
  const subnetOthers = addrSetOf(subnets).intersect(foreign);
  const all = owners.union(subnetSet).union(subnetOthers);
  return {
    owners,
    subnets: subnetSet,
    subnetOthers,
    all: all.ranges().map((r) => [lineOf(r.from), lineOf(r.to)]),
  };
}

/** An address on the map's number line: IPv4 as is, IPv6 after all of IPv4. */
function lineOf(a: Addr): bigint {
  return a.toBigInt() + (a.family === 6 ? 1n << 128n : 0n);
}

/** A fraction of the span: exact as a double when the span fits in 2^53, else to 2^-53 (IPv6 spans reach 2^128). */
function fraction(offset: bigint, span: bigint): number {
  if (span <= 1n << 53n) return Number(offset) / Number(span);
  const shift = BigInt(span.toString(2).length - 53);
  return Number(offset >> shift) / Number(span >> shift);
}

/** Lays out one panel over the address window [lo, hi]; ranges reaching outside it are clipped. */
function layoutPanel(ranges: readonly Range[], runs: OverlapRuns, lo: bigint, hi: bigint): MapPanel {
  const span = hi - lo + 1n;
  const clip = (a: bigint, b: bigint) => {
    const from = a < lo ? lo : a;
    const to = b > hi ? hi : b;
    return { x: fraction(from - lo, span), width: fraction(to - from + 1n, span) };
  };
  const overlaps = (r: Range) =>
    r.kind === "reserved" ||
    runs.owners.overlaps(r.prefix) ||
    (r.kind !== "vnet" && runs.subnetOthers.overlaps(r.prefix)) ||
    (r.kind === "subnet" && runs.subnets.overlaps(r.prefix));
  const lanes: MapLane[] = [];
  for (const kind of LANE_ORDER) {
    const items = ranges
      .filter((r) => r.kind === kind && r.lo <= hi && r.hi >= lo)
      .map((r): MapItem => ({
        kind,
        label: r.label,
        cidr: r.prefix.toString(),
        ...clip(r.lo, r.hi),
        overlaps: overlaps(r),
        ...(r.note === undefined ? {} : { note: r.note }),
        ...(kind === "subnet" ? { usable: azureUsable(r.prefix).toString() } : {}),
      }));
    if (items.length > 0) lanes.push({ kind, title: LANE_TITLES[kind], items });
  }
  const family = ranges[0]?.prefix.family ?? 4;
  const offset = family === 6 ? 1n << 128n : 0n;
  return {
    from: addrFromBigInt(lo - offset, family).toString(),
    to: addrFromBigInt(hi - offset, family).toString(),
    size: span.toString(),
    lanes,
    overlapBands: runs.all.filter(([a, b]) => a <= hi && b >= lo).map(([a, b]) => clip(a, b)),
  };
}

/** A subnet window narrower than this share of its panel gets its own zoomed panel. */
const ZOOM_BELOW = 4n;

function layoutGroup(ranges: readonly Range[]): MapPanel {
  const lo = ranges.reduce((m, r) => (r.lo < m ? r.lo : m), ranges[0]?.lo ?? 0n);
  const hi = ranges.reduce((m, r) => (r.hi > m ? r.hi : m), ranges[0]?.hi ?? 0n);
  const runs = overlapRuns(ranges);
  const panel = layoutPanel(ranges, runs, lo, hi);
  const subnets = ranges.filter((r) => r.kind === "subnet");
  if (subnets.length === 0) return panel;
  const zlo = subnets.reduce((m, r) => (r.lo < m ? r.lo : m), subnets[0]?.lo ?? 0n);
  const zhi = subnets.reduce((m, r) => (r.hi > m ? r.hi : m), subnets[0]?.hi ?? 0n);
  if ((zhi - zlo + 1n) * ZOOM_BELOW > hi - lo + 1n) return panel;
  return {
    ...panel,
    zoom: layoutPanel(
      ranges.filter((r) => r.kind !== "vnet"),
      runs,
      zlo,
      zhi,
    ),
  };
}
