/**
 * The pools' free space and the exhaustion forecast: for each pool, what is
 * left once its exclusions, every network's ranges and the used space are taken
 * out, and how many more VNets (or pod CIDRs) of each size still fit on aligned
 * boundaries. Exact: the free space is a set of maximal aligned blocks, and a
 * /n fits 2^(n − len) times in each free /len with len ≤ n.
 */
import { excludeCidrText, mergeCidrText, tryParsePrefix } from "../../ip/index.js";
import type { FieldPath, FleetPool, UsedPrefix } from "../plan/index.js";
import { ItemKind, type FleetModel, type ModelProblem } from "./model.js";
import { guardArgs } from "../../ip/index.js";
import { FLEET_MODEL } from "./model-param.js";

export interface PoolFit {
  /** The prefix length of the VNets (or pod CIDRs) counted. */
  readonly prefixLength: number;
  /** How many more fit in the free space. */
  readonly fits: number;
}

export interface PoolForecast {
  readonly name: string;
  readonly for: FleetPool["for"];
  readonly path: FieldPath;
  /** The pool's supernets minus its exclusions, merged. */
  readonly cidrs: readonly string[];
  /** Addresses in the pool (after exclusions). */
  readonly size: number;
  /** Addresses used: fleet networks' ranges and used space inside the pool. */
  readonly used: number;
  /** Free space as minimal CIDRs (capped at `FREE_LIST_MAX`; `freeCount` is the full count). */
  readonly free: readonly string[];
  readonly freeCount: number;
  /** The largest free aligned block, e.g. "/14" (null when the pool is full). */
  readonly largestFree: string | null;
  readonly fits: readonly PoolFit[];
}

export const FREE_LIST_MAX = 64;

/** Addresses in a list of disjoint IPv4 CIDRs (IPv6 counts are left out: pools are IPv4). */
function addresses(cidrs: readonly string[]): number {
  let n = 0;
  for (const c of cidrs) {
    const slash = c.indexOf("/");
    if (c.includes(":")) continue;
    n += 2 ** (32 - Number(c.slice(slash + 1)));
  }
  return n;
}

/**
 * The forecast of every pool; `sizes` are the prefix lengths to count (e.g. the fleet's VNet sizes); `extra`:
 * VNets and routed pod CIDRs not in the model yet (those `allocateFleet` just placed).
 */
export const poolForecasts = guardArgs(
  "poolForecasts",
  [
    FLEET_MODEL,
    { name: "used", want: "list", words: "the used prefixes" },
    { name: "sizes", want: ["number"], words: "a list of prefix lengths" },
  ],
  function poolForecasts(
    m: FleetModel,
    used: readonly UsedPrefix[],
    sizes: readonly number[],
    problems: ModelProblem[],
    extra: { readonly vnets: readonly string[]; readonly pods: readonly string[] } = { vnets: [], pods: [] },
  ): PoolForecast[] {
    const taken: string[] = [...extra.vnets];
    const takenPods: string[] = [...extra.pods];
    const { cidr, kind } = m.items;
    for (let i = 0; i < cidr.length; i++) {
      const k = kind[i];
      if (k === ItemKind.space) taken.push(cidr[i] as string);
      else if (k === ItemKind.routedPods) takenPods.push(cidr[i] as string);
    }
    for (const u of used) {
      const r = tryParsePrefix(u.cidr);
      if (r.ok) taken.push(r.value.masked().toString());
    }
    return m.fleet.pools.map((pool, i) => {
      const path: FieldPath = ["pools", i];
      const ok = (list: readonly string[], key: string): string[] =>
        list.flatMap((c, k) => {
          const r = tryParsePrefix(c);
          if (r.ok) return [r.value.masked().toString()];
          problems.push({ code: "cidr-invalid", path: [...path, key, k], data: { cidr: c, reason: r.error.reason } });
          return [];
        });
      const cidrs = excludeCidrText(ok(pool.cidrs, "cidrs"), ok(pool.exclude, "exclude"));
      const pick = pool.for === "pods" ? takenPods : pool.for === "vnets" ? taken : [];
      const free = excludeCidrText(cidrs, pick);
      const size = addresses(cidrs);
      let largest = 33;
      for (const f of free) largest = Math.min(largest, Number(f.slice(f.indexOf("/") + 1)));
      const fits = sizes.map((bits) => {
        let count = 0;
        for (const f of free) {
          const len = Number(f.slice(f.indexOf("/") + 1));
          if (!f.includes(":") && len <= bits) count += 2 ** (bits - len);
        }
        return { prefixLength: bits, fits: count };
      });
      return {
        name: pool.name,
        for: pool.for,
        path,
        cidrs: mergeCidrText(cidrs),
        size,
        used: size - addresses(free),
        free: free.slice(0, FREE_LIST_MAX),
        freeCount: free.length,
        largestFree: largest === 33 ? null : `/${largest}`,
        fits,
      };
    });
  },
);
