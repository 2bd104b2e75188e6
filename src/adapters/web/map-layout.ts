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
import { tryParsePrefix, type Prefix } from "../../ip/index.js";
import { RESERVED_RANGES } from "../../kb/reserved-ranges.js";
import type { Plan } from "../../engines/plan/schema.js";

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
  vnet: "VNet address space",
  subnet: "subnets",
  pods: "pod CIDR",
  services: "service CIDR",
  connected: "connected networks",
  reserved: "reserved by AKS",
};
const LANE_ORDER: readonly MapKind[] = ["vnet", "subnet", "pods", "services", "connected", "reserved"];

/** Lays out the plan's ranges. Never throws: unreadable CIDRs are listed, the rest is drawn. */
export function layoutAddressMap(plan: Plan): AddressMap {
  const ranges: Range[] = [];
  const unreadable: { field: string; text: string; reason: string }[] = [];
  const add = (kind: MapKind, owner: string, label: string, field: string, text: string, note?: string) => {
    const r = tryParsePrefix(text.trim());
    if (!r.ok) {
      unreadable.push({ field, text, reason: r.error.reason });
      return;
    }
    const p = r.value.masked();
    ranges.push({ kind, owner, label, prefix: p, lo: p.first().toBigInt() + (p.family === 6 ? 1n << 128n : 0n), hi: p.last().toBigInt() + (p.family === 6 ? 1n << 128n : 0n), ...(note === undefined ? {} : { note }) });
  };
  plan.vnet?.addressSpace.forEach((c, i) => add("vnet", "vnet", `VNet ${plan.vnet?.name ?? ""}`.trim(), `vnet.addressSpace[${i}]`, c));
  plan.vnet?.subnets.forEach((s, i) => add("subnet", "vnet", `subnet ${s.name}`, `vnet.subnets[${i}].cidr`, s.cidr));
  plan.network.podCidrs?.forEach((c, i) => add("pods", "pods", "pod CIDR", `network.podCidrs[${i}]`, c));
  plan.network.serviceCidrs?.forEach((c, i) => add("services", "services", "service CIDR", `network.serviceCidrs[${i}]`, c));
  plan.connectedNetworks.forEach((n, i) => n.cidrs.forEach((c, j) => add("connected", `connected:${i}`, n.name, `connectedNetworks[${i}].cidrs[${j}]`, c)));
  const planned = ranges.slice();
  RESERVED_RANGES.forEach((rr) => {
    const p = tryParsePrefix(rr.cidr);
    if (p.ok && planned.some((r) => r.prefix.overlaps(p.value))) add("reserved", "reserved", rr.cidr, "", rr.cidr, rr.reason);
  });
  return { panels: groupIntoPanels(ranges).map(layoutPanel), unreadable };
}

/** Groups ranges into maximal sets of transitively overlapping ranges, ordered by address (IPv4 first). */
function groupIntoPanels(ranges: readonly Range[]): Range[][] {
  const sorted = ranges.slice().sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : a.hi > b.hi ? -1 : a.hi < b.hi ? 1 : 0));
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

/** Address runs where two distinct owners, two subnets, or a reserved range and anything meet. */
function overlapRuns(ranges: readonly Range[]): [bigint, bigint][] {
  const runs: [bigint, bigint][] = [];
  // Owners: merge each owner's ranges (subnets excluded; they sit inside their VNet), then sweep coverage counts.
  const byOwner = new Map<string, Range[]>();
  for (const r of ranges) {
    if (r.kind === "subnet") continue;
    const list = byOwner.get(r.owner);
    if (list) list.push(r);
    else byOwner.set(r.owner, [r]);
  }
  const events: [bigint, number][] = [];
  for (const list of byOwner.values()) {
    for (const [lo, hi] of mergeRuns(list.map((r) => [r.lo, r.hi]))) events.push([lo, 1], [hi + 1n, -1]);
  }
  events.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  let depth = 0;
  let start = 0n;
  for (const [at, d] of events) {
    const before = depth;
    depth += d;
    if (before < 2 && depth >= 2) start = at;
    else if (before >= 2 && depth < 2) runs.push([start, at - 1n]);
  }
  // Subnets against subnets, and subnets against non-VNet owners.
  const subnets = ranges.filter((r) => r.kind === "subnet").sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  let maxHi = -1n;
  for (const s of subnets) {
    if (s.lo <= maxHi) runs.push([s.lo, s.hi < maxHi ? s.hi : maxHi]);
    if (s.hi > maxHi) maxHi = s.hi;
  }
  const others = mergeRuns(ranges.filter((r) => r.owner !== "vnet").map((r) => [r.lo, r.hi]));
  for (const s of subnets) for (const [lo, hi] of others) if (s.lo <= hi && lo <= s.hi) runs.push([s.lo > lo ? s.lo : lo, s.hi < hi ? s.hi : hi]);
  return mergeRuns(runs);
}

function mergeRuns(runs: readonly (readonly [bigint, bigint])[]): [bigint, bigint][] {
  const sorted = runs.slice().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1n) {
      if (hi > last[1]) last[1] = hi;
    } else out.push([lo, hi]);
  }
  return out;
}

/** A fraction of the span with 1e-9 resolution (exact enough for drawing; the span may be 2^128). */
function fraction(offset: bigint, span: bigint): number {
  return Number((offset * 1_000_000_000n) / span) / 1e9;
}

function layoutPanel(ranges: readonly Range[]): MapPanel {
  const lo = ranges.reduce((m, r) => (r.lo < m ? r.lo : m), ranges[0]?.lo ?? 0n);
  const hi = ranges.reduce((m, r) => (r.hi > m ? r.hi : m), ranges[0]?.hi ?? 0n);
  const span = hi - lo + 1n;
  const runs = overlapRuns(ranges);
  const hitsRun = (r: Range) => {
    // runs are sorted and disjoint: binary search for the first run ending at or after r.lo
    let a = 0;
    let b = runs.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if ((runs[m] as [bigint, bigint])[1] < r.lo) a = m + 1;
      else b = m;
    }
    const run = runs[a];
    return run !== undefined && run[0] <= r.hi;
  };
  const lanes: MapLane[] = [];
  for (const kind of LANE_ORDER) {
    const items = ranges
      .filter((r) => r.kind === kind)
      .map((r): MapItem => ({
        kind,
        label: r.label,
        cidr: r.prefix.toString(),
        x: fraction(r.lo - lo, span),
        width: fraction(r.hi - r.lo + 1n, span),
        overlaps: kind === "reserved" ? true : hitsRun(r),
        ...(r.note === undefined ? {} : { note: r.note }),
      }));
    if (items.length > 0) lanes.push({ kind, title: LANE_TITLES[kind], items });
  }
  const first = ranges.find((r) => r.lo === lo) as Range;
  const last = ranges.find((r) => r.hi === hi) as Range;
  return {
    from: first.prefix.first().toString(),
    to: last.prefix.last().toString(),
    size: span.toString(),
    lanes,
    overlapBands: runs.map(([a, b]) => ({ x: fraction(a - lo, span), width: fraction(b - a + 1n, span) })),
  };
}
