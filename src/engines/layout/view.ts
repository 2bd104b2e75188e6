/**
 * The address map of a layout as data: for each address space, its addresses
 * from first to last as consecutive segments (a subnet, a subnet's room to grow,
 * a range the layout avoided, free space), each with its offset and size, so a
 * page or a terminal can draw it to scale without any IP math of its own.
 */
import { tryParsePrefix, type Prefix } from "../../ip/index.js";
import type { LayoutResult, LayoutStatus } from "./layout.js";
import type { LayoutKind } from "./purpose.js";
import { guardArgs } from "../../ip/index.js";

export type SegmentKind = "subnet" | "growth" | "avoided" | "free";

export interface MapSegment {
  readonly kind: SegmentKind;
  /** The segment as CIDRs (free space and overlaps may need several). */
  readonly cidrs: readonly string[];
  /** Offset of its first address from the start of the space, and its size in addresses (IPv4: exact numbers). */
  readonly offset: number;
  readonly size: number;
  /** subnet and growth segments: the subnet's name, kind and status. */
  readonly subnet?: string;
  readonly subnetKind?: LayoutKind;
  readonly status?: LayoutStatus;
  /** avoided segments: what they are. */
  readonly what?: string;
}

export interface MapSpace {
  readonly cidr: string;
  readonly size: number;
  readonly segments: readonly MapSegment[];
}

export interface LayoutView {
  readonly spaces: readonly MapSpace[];
}

interface Piece {
  readonly lo: number;
  readonly hi: number;
  readonly seg: Omit<MapSegment, "cidrs" | "offset" | "size">;
}

function bounds(p: Prefix): { lo: number; hi: number } {
  const lo = p.masked().addr.v4;
  return { lo, hi: lo + 2 ** (32 - p.bits) };
}

/** Splits [lo, hi) into CIDRs. */
function cidrsOf(lo: number, hi: number): string[] {
  const out: string[] = [];
  let at = lo;
  while (at < hi) {
    let bits = 32;
    while (bits > 0) {
      const size = 2 ** (32 - (bits - 1));
      if (at % size !== 0 || at + size > hi) break;
      bits--;
    }
    out.push(`${ip(at)}/${bits}`);
    at += 2 ** (32 - bits);
  }
  return out;
}

function ip(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/**
 * Cuts `pieces` (higher priority first) into disjoint pieces within [lo, hi): later pieces only fill what is left.
 * The covered runs are kept sorted and found by binary search, so 1,000 subnets cost milliseconds, not a
 * pass over every free fragment per piece.
 */
function flatten(lo: number, hi: number, pieces: readonly Piece[]): Piece[] {
  /** Disjoint covered runs [lo, hi), sorted. */
  const covered: { lo: number; hi: number }[] = [];
  const out: Piece[] = [];
  for (const p of pieces) {
    const a0 = Math.max(lo, p.lo);
    const b0 = Math.min(hi, p.hi);
    if (a0 >= b0) continue;
    // The first covered run that ends after a0.
    let i = firstEndingAfter(covered, a0);
    let at = a0;
    const start = i;
    while (at < b0) {
      const c = covered[i];
      if (!c || c.lo >= b0) {
        out.push({ ...p, lo: at, hi: b0 });
        break;
      }
      if (c.lo > at) out.push({ ...p, lo: at, hi: c.lo });
      at = Math.max(at, c.hi);
      i++;
    }
    // Runs start..i-1 and [a0, b0) become one run.
    const first = covered[start];
    const last = covered[i - 1];
    const merged = {
      lo: first && i > start ? Math.min(first.lo, a0) : a0,
      hi: last && i > start ? Math.max(last.hi, b0) : b0,
    };
    covered.splice(start, i - start, merged);
  }
  let at = lo;
  const free: Piece[] = [];
  for (const c of covered) {
    if (c.lo > at) free.push({ lo: at, hi: c.lo, seg: { kind: "free" } });
    at = c.hi;
  }
  if (at < hi) free.push({ lo: at, hi, seg: { kind: "free" } });
  return [...out, ...free].sort((x, y) => x.lo - y.lo);
}

function firstEndingAfter(runs: readonly { lo: number; hi: number }[], at: number): number {
  let a = 0;
  let b = runs.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (runs[m]!.hi > at) b = m;
    else a = m + 1;
  }
  return a;
}

/** The address map of `result`: its IPv4 address spaces, segment by segment. */
export const layoutView = guardArgs(
  "layoutView",
  [{ name: "result", want: { addressSpaces: ["text"] }, words: "a layout result (layoutPlan)" }],
  function layoutView(result: LayoutResult): LayoutView {
    const spaces = result.addressSpaces.flatMap((t) => {
      const r = tryParsePrefix(t);
      return r.ok && r.value.family === 4 ? [r.value.masked()] : [];
    });
    return {
      spaces: spaces.map((space) => {
        const { lo, hi } = bounds(space);
        const pieces: Piece[] = [];
        for (const s of result.subnets) {
          const p = s.cidr ? tryParsePrefix(s.cidr) : undefined;
          if (!p?.ok || p.value.family !== 4) continue;
          const seg = { subnet: s.name, subnetKind: s.kind, status: s.status };
          pieces.push({ ...bounds(p.value), seg: { kind: "subnet", ...seg } });
        }
        for (const s of result.subnets) {
          const g = s.canGrowTo ? tryParsePrefix(s.canGrowTo) : undefined;
          if (g?.ok && g.value.family === 4 && g.value.bits !== s.prefixLength)
            pieces.push({
              ...bounds(g.value),
              seg: { kind: "growth", subnet: s.name, subnetKind: s.kind, status: s.status },
            });
        }
        for (const a of result.avoided) {
          const p = tryParsePrefix(a.cidr);
          if (p.ok && p.value.family === 4) pieces.push({ ...bounds(p.value), seg: { kind: "avoided", what: a.what } });
        }
        const segments = merge(flatten(lo, hi, pieces)).map((p): MapSegment => ({
          ...p.seg,
          cidrs: cidrsOf(p.lo, p.hi),
          offset: p.lo - lo,
          size: p.hi - p.lo,
        }));
        return { cidr: space.toString(), size: hi - lo, segments };
      }),
    };
  },
);

/**
 * Joins neighbouring pieces of the same kind and subnet (free space cut by nothing, a subnet's growth on both sides).
 */
function merge(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    const same =
      last && last.seg.kind === p.seg.kind && last.seg.subnet === p.seg.subnet && last.seg.what === p.seg.what;
    if (last && same && last.hi === p.lo) out[out.length - 1] = { ...last, hi: p.hi };
    else out.push(p);
  }
  return out;
}
