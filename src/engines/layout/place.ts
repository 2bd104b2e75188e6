/**
 * Placing new subnets in address spaces: the geometry of `aksnet layout`, with no
 * AKS knowledge. Requests are placed largest first (ties keep their order), each
 * at the first free aligned block of the space list, avoiding everything taken.
 *
 * Room to grow: a request may ask for `growthBits` of room, i.e. that the
 * aligned block `growthBits` shorter than its prefix (twice, four times … its
 * size) holds nothing else, so the subnet can later be widened in place. The
 * whole block is reserved while placing; when a request does not fit even with no
 * room, every request is placed again with one bit less of room, until all fit
 * (or none is left to give, and what does not fit is reported). After placing,
 * `canGrowTo` says how far each subnet can really grow: the largest supernet
 * inside its space that overlaps nothing but itself, up to `maxGrowthBits`.
 *
 * Built on the IP core's `PrefixAllocator` (first fit over free runs).
 */
import { AddrSet, addrSetOf, PrefixAllocator, prefixFrom, type Prefix, type Used } from "../../ip/index.js";

export interface PlacementRequest {
  /** The caller's name for it (a subnet name); echoed in the result. */
  readonly id: string;
  /** Prefix length to place (IPv4 0–32, IPv6 0–128). */
  readonly bits: number;
  /** Bits of room to keep free so the subnet can grow in place (0: none). */
  readonly growthBits: number;
  /** Families must match the spaces it may go into; a request only goes into spaces of its family. */
  readonly family: 4 | 6;
}

export interface Placement {
  readonly id: string;
  readonly prefix: Prefix;
  /** The index of the space (in the input list) it was placed in. */
  readonly space: number;
  /** Bits of growth room the placement kept for it (may be less than asked when space ran short). */
  readonly reservedGrowthBits: number;
  /** The largest prefix it can be widened to in place once the layout is done (itself when none). */
  readonly canGrowTo: Prefix;
}

export interface Unplaced {
  readonly id: string;
  readonly bits: number;
  readonly reason: "no-space" | "larger-than-space" | "no-space-of-family" | "invalid-request";
  /** For an invalid request: what is wrong with it, in one sentence. */
  readonly problem?: string;
}

export interface PlaceResult {
  readonly placements: readonly Placement[];
  readonly unplaced: readonly Unplaced[];
  /** The growth bits every request was offered in the pass that was kept (≤ the largest asked). */
  readonly growthBitsOffered: number;
  /** How many placement passes ran (1 when everything fit with the room asked). */
  readonly passes: number;
}

export interface PlaceOptions {
  /** The growth `canGrowTo` looks for at most (default: each request's own `growthBits`, at least 1). */
  readonly maxGrowthBits?: number;
}

interface Attempt {
  readonly placed: Placement[];
  readonly failed: Unplaced[];
}

/** Requests largest first; ties keep the input order. */
function ordered(requests: readonly PlacementRequest[]): PlacementRequest[] {
  return requests
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.bits - b.r.bits || a.i - b.i)
    .map((x) => x.r);
}

function attempt(
  spaces: readonly Prefix[],
  taken: AddrSet,
  requests: readonly PlacementRequest[],
  offer: number,
): Attempt {
  const allocators = spaces.map((s) => new PrefixAllocator(s, taken));
  const placed: Placement[] = [];
  const failed: Unplaced[] = [];
  for (const r of requests) {
    const fitting = spaces.flatMap((s, i) => (s.family === r.family && s.bits <= r.bits ? [i] : []));
    if (fitting.length === 0) {
      const ofFamily = spaces.some((s) => s.family === r.family);
      failed.push({ id: r.id, bits: r.bits, reason: ofFamily ? "larger-than-space" : "no-space-of-family" });
      continue;
    }
    let done = false;
    for (let g = Math.min(offer, r.growthBits); g >= 0 && !done; g--) {
      for (const i of fitting) {
        const space = spaces[i]!;
        if (r.bits - g < space.bits) continue;
        const block = allocators[i]!.allocate(r.bits - g);
        if (block === undefined) continue;
        const prefix = prefixFrom(block.addr, r.bits);
        placed.push({ id: r.id, prefix, space: i, reservedGrowthBits: g, canGrowTo: prefix });
        done = true;
        break;
      }
    }
    if (!done) failed.push({ id: r.id, bits: r.bits, reason: "no-space" });
  }
  return { placed, failed };
}

/**
 * The widest supernet of `p` within `space`, at most `max` bits wider, overlapping nothing taken and no other
 * placement.
 */
function widest(p: Placement, space: Prefix, taken: AddrSet, placed: readonly Placement[], max: number): Prefix {
  let best = p.prefix;
  for (let k = 1; k <= max && p.prefix.bits - k >= space.bits; k++) {
    const wider = p.prefix.supernet(p.prefix.bits - k);
    if (taken.overlaps(wider) || placed.some((o) => o !== p && o.prefix.overlaps(wider))) break;
    best = wider;
  }
  return best;
}

/** Adds `canGrowTo` to every placement, from the space left once all are placed. */
function withGrowth(
  spaces: readonly Prefix[],
  taken: AddrSet,
  placed: readonly Placement[],
  requests: ReadonlyMap<string, PlacementRequest>,
  maxGrowthBits: number | undefined,
): Placement[] {
  return placed.map((p) => {
    const own = requests.get(p.id)?.growthBits ?? 0;
    const max = maxGrowthBits ?? Math.max(1, own);
    return { ...p, canGrowTo: widest(p, spaces[p.space]!, taken, placed, max) };
  });
}

/** What is wrong with a request (a length outside its family, growth not a whole number ≥ 0), or undefined. */
function requestProblem(r: PlacementRequest): string | undefined {
  if (r.family !== 4 && r.family !== 6) return `request ${r.id}: family ${String(r.family)} is neither 4 nor 6`;
  const max = r.family === 4 ? 32 : 128;
  if (!Number.isInteger(r.bits) || r.bits < 0 || r.bits > max)
    return `request ${r.id}: /${r.bits} is not an IPv${r.family} prefix length`;
  if (!Number.isInteger(r.growthBits) || r.growthBits < 0)
    return `request ${r.id}: growthBits ${r.growthBits} must be a whole number ≥ 0`;
  return undefined;
}

/**
 * Places `requests` in `spaces` (masked to their networks), avoiding `taken`.
 * Never throws for a request: one that does not fit, or is invalid (a length outside its family, growth not a
 * whole number ≥ 0), is reported in `unplaced`. Growth beyond a /0 is read as growth to the /0.
 */
export function placeSubnets(
  spaces: readonly Prefix[],
  taken: Used,
  asked: readonly PlacementRequest[],
  options: PlaceOptions = {},
): PlaceResult {
  const invalid: Unplaced[] = [];
  const requests: PlacementRequest[] = [];
  for (const r of asked) {
    const problem = requestProblem(r);
    if (problem) invalid.push({ id: r.id, bits: r.bits, reason: "invalid-request", problem });
    // Room beyond the whole space is no room more: bounding it bounds the passes below.
    else requests.push(r.growthBits > r.bits ? { ...r, growthBits: r.bits } : r);
  }
  const masked = spaces.map((s) => s.masked());
  const takenSet = taken instanceof AddrSet ? taken : addrSetOf(taken);
  const order = ordered(requests);
  const byId = new Map(requests.map((r) => [r.id, r]));
  const most = requests.reduce((m, r) => Math.max(m, r.growthBits), 0);
  let passes = 0;
  let best: Attempt | undefined;
  let offered = most;
  for (let offer = most; offer >= 0; offer--) {
    passes++;
    const a = attempt(masked, takenSet, order, offer);
    offered = offer;
    best = a;
    if (a.failed.length === 0) break;
    // Only "no-space" failures can be helped by giving less room to grow.
    if (a.failed.every((f) => f.reason !== "no-space")) break;
  }
  const result = best ?? { placed: [], failed: [] };
  return {
    placements: withGrowth(masked, takenSet, result.placed, byId, options.maxGrowthBits),
    unplaced: [...invalid, ...result.failed],
    growthBitsOffered: offered,
    passes,
  };
}
