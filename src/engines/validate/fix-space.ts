/**
 * The one free-space search of a run, for fix hints. Rules ask it for the range
 * to use instead of a service CIDR, a pod CIDR or a subnet. While the runner's
 * first pass runs, it only records what is asked (which field, how large); then
 * it places every request at once, in a fixed order (service CIDRs, pod CIDRs,
 * subnets; each by field path), avoiding the VNet address space, its subnets,
 * every connected network, the plan's pod and service CIDRs, the ranges AKS
 * reserves and every range already placed; in the second pass the rules that
 * asked run again and get the answers. So two fixes never suggest the same
 * range, no fix suggests a range the plan or a peered network uses, and the
 * answer does not depend on which rule asked first.
 */
import type { Addr } from "../../ip/index.js";
import { addrSetOf, freePrefixes, OverlapIndex, prefixFrom, type AddrSet, type Prefix } from "../../ip/index.js";
import {
  DEFAULT_SERVICE_CIDR_BITS,
  PLATFORM_LIMITS,
  RESERVED_RANGES,
  SERVICE_CIDR_PRIVATE_SPACE_V4,
} from "../../kb/index.js";
import { formatPath, type FieldPath, type ResolvedPlan } from "../plan/index.js";
import type { Edit } from "./rule.js";
import { connected, fact, podCidrs, serviceCidrs, subnets, vnetSpace, type Tagged } from "./plan-ranges.js";

/** What a suggested range stands in for. */
export type RangeKind = "service-cidr" | "pod-cidr" | "subnet";

/** The order in which requests are placed. */
const KIND_ORDER: Record<RangeKind, number> = { "service-cidr": 0, "pod-cidr": 1, subnet: 2 };

/** At most this many ranges are placed per run (in placement order); later requests get no suggestion. */
export const MAX_SUGGESTED_RANGES = 64;

/** Private IPv4 space (RFC 1918, then RFC 6598), where suggested service and pod CIDRs go, 10/8 first. */
const PRIVATE_SPACE = SERVICE_CIDR_PRIVATE_SPACE_V4.value.map(fact);
const RESERVED = RESERVED_RANGES.map((r) => fact(r.cidr));

interface Request {
  readonly kind: RangeKind;
  readonly key: string;
  readonly current: Prefix;
  bits: number;
}

/** A field holding a range: its path and its parsed prefix. */
export interface RangeField {
  readonly path: FieldPath;
  readonly prefix: Prefix;
}

export class FixSpace {
  private readonly requests = new Map<string, Request>();
  private answers: Map<string, Prefix | undefined> | undefined;
  private placed: Prefix[] = [];
  /**
   * What suggested ranges must avoid: everything for service and pod CIDRs; all but the VNet address space for subnets.
   */
  private used: { outside?: AddrSet; subnet?: AddrSet } = {};
  private index: { index: OverlapIndex; keys: string[] } | undefined;
  /** Set by every question; the runner resets it per rule to know which rules must run again with the answers. */
  asked = false;

  constructor(private readonly plan: ResolvedPlan) {}

  /**
   * The range to use instead of the field's: at least as large as `/bits`
   * (default: the field's size), IPv4, free in the plan and among the other
   * fixes. Undefined while the first pass records, for IPv6, and when none is
   * free. Every rule asking about the same field gets the same range (the
   * largest size asked for).
   */
  replacement(kind: RangeKind, field: RangeField, bits = field.prefix.bits): Prefix | undefined {
    this.asked = true;
    const key = formatPath(field.path);
    if (this.answers === undefined) {
      const r = this.requests.get(key);
      if (r === undefined) this.requests.set(key, { kind, key, current: field.prefix, bits });
      else r.bits = Math.min(r.bits, bits);
      return undefined;
    }
    if (!this.answers.has(key)) this.answers.set(key, this.place({ kind, key, current: field.prefix, bits }));
    return this.answers.get(key);
  }

  /**
   * The DNS service IP to suggest: the .10 address (or the last usable one in a
   * smaller range) of the first service CIDR of the family, or of its
   * replacement when a rule asked for one.
   */
  dnsServiceIp(family: 4 | 6 = 4): Addr | undefined {
    const service = this.serviceCidr(family);
    return service ? dnsAddressIn(service.final) : undefined;
  }

  /**
   * The first service CIDR of the family as the plan has it and as it will be
   * once the fixes are applied (its replacement when a rule asked for one).
   */
  serviceCidr(family: 4 | 6 = 4): { current: Prefix; final: Prefix; replaced: boolean } | undefined {
    this.asked = true;
    const service = this.plan.serviceCidrs.find((s) => s.prefix?.family === family);
    if (!service?.prefix) return undefined;
    const replacement = this.answers?.get(formatPath(service.path));
    const current = service.prefix.masked();
    return { current, final: replacement ?? current, replaced: replacement !== undefined };
  }

  /** Places every recorded request; from now on questions get answers. */
  settle(): void {
    const order = [...this.requests.values()].sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    this.answers = new Map();
    for (const r of order) this.answers.set(r.key, this.place(r));
  }

  private place(r: Request): Prefix | undefined {
    if (r.current.family !== 4 || this.placed.length >= MAX_SUGGESTED_RANGES) return undefined;
    // A service CIDR must be smaller than a /12 (service-cidr-too-large): suggest one of the default size instead.
    const shortest = PLATFORM_LIMITS.serviceCidrShortestBitsV4.value;
    const bits =
      r.kind === "service-cidr" && r.bits <= shortest ? DEFAULT_SERVICE_CIDR_BITS : Math.max(0, Math.min(32, r.bits));
    const spaces = r.kind === "subnet" ? vnetSpace(this.plan).map((t) => t.prefix.masked()) : PRIVATE_SPACE;
    const near = r.kind === "subnet" ? undefined : prefixFrom(r.current.first(), bits).masked();
    const found =
      near !== undefined && spaces.some((s) => s.contains(near)) && this.isFreeBesides(near, r.key)
        ? near
        : this.firstFree(spaces, bits, r.kind === "subnet");
    if (found) {
      this.placed.push(found);
      const set = addrSetOf([found]);
      this.used = { outside: this.usedSet(false).union(set), subnet: this.usedSet(true).union(set) };
    }
    return found;
  }

  /** Whether `p` overlaps nothing in the plan but the field `key` itself, no reserved range and no placed fix. */
  private isFreeBesides(p: Prefix, key: string): boolean {
    if (RESERVED.some((x) => x.overlaps(p)) || this.placed.some((x) => x.overlaps(p))) return false;
    const { index, keys } = (this.index ??= this.buildIndex());
    // Field paths are unique: two hits mean one is another field's (no need to list a million hits).
    return index.overlapping(p, 2).every((i) => keys[i] === key);
  }

  private firstFree(spaces: readonly Prefix[], bits: number, subnet: boolean): Prefix | undefined {
    for (const space of spaces) {
      if (space.bits > bits) continue;
      const hit = freePrefixes(space, this.usedSet(subnet), bits, 1)[0];
      if (hit) return hit;
    }
    return undefined;
  }

  /** The plan's ranges (the VNet address space only when asked: subnets go inside it). */
  private taken(withVnetSpace = true): Tagged[] {
    const p = this.plan;
    return [...(withVnetSpace ? vnetSpace(p) : []), ...subnets(p), ...connected(p), ...podCidrs(p), ...serviceCidrs(p)];
  }

  private usedSet(subnet: boolean): AddrSet {
    const build = () => addrSetOf([...this.taken(!subnet).map((t) => t.prefix), ...RESERVED, ...this.placed]);
    return subnet ? (this.used.subnet ??= build()) : (this.used.outside ??= build());
  }

  private buildIndex(): { index: OverlapIndex; keys: string[] } {
    const taken = this.taken();
    return { index: new OverlapIndex(taken.map((t) => t.prefix)), keys: taken.map((t) => formatPath(t.path)) };
  }
}

/** The conventional DNS service IP of a service range: its .10 address, or its last usable one when smaller. */
export function dnsAddressIn(service: Prefix): Addr | undefined {
  const size = service.size();
  if (size < 4n) return undefined;
  const offset = size > 11n ? 10 : Number(size) - 2;
  return service.first().add(offset);
}

/** The edit that sets a field to a suggested range. */
export function rangeEdit(field: RangeField, to: Prefix): Edit {
  return { path: field.path, value: to.toString() };
}

/**
 * The fix for a service CIDR that must change: the fix-hint clause
 * (", e.g. 10.1.0.0/16 (free in this plan; DNS service IP 10.1.0.10)", or ""
 * when nothing is free) and the edits, which move the DNS service IP along
 * when it belongs to this range's family.
 */
export function serviceCidrFix(fixes: FixSpace, field: RangeField): { suggestion: string; edits: Edit[] } {
  const free = fixes.replacement("service-cidr", field);
  if (!free) return { suggestion: "", edits: [] };
  const dns = fixes.dnsServiceIp(free.family);
  const moveDns = dns !== undefined && free.contains(dns);
  return {
    suggestion: `, e.g. ${free.toString()} (free in this plan${moveDns ? `; DNS service IP ${dns.toString()}` : ""})`,
    edits: [rangeEdit(field, free), ...(moveDns ? [{ path: DNS_PATH, value: dns.toString() }] : [])],
  };
}

/** The plan field of the DNS service IP. */
export const DNS_PATH: FieldPath = ["network", "dnsServiceIp"];
