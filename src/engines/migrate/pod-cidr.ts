/**
 * Choosing the Overlay pod CIDR for a migration: a prefix big enough for every
 * node the cluster may run (one /24 per node and per surge node) that overlaps
 * nothing the cluster can reach and no range AKS forbids.
 *
 * Must not overlap: the VNet address space and its subnets, the service CIDR,
 * peered and on-premises networks (MicrosoftDocs/azure-aks-docs:articles/aks/update-azure-cni.md,
 * articles/aks/concepts-network-azure-cni-overlay.md), and the reserved ranges of the knowledge base.
 * Search order: the AKS default (10.244.0.0/16, grown to the size needed), then RFC 6598
 * 100.64.0.0/10 (rarely used by enterprise networks), then RFC 1918 172.16.0.0/12,
 * 192.168.0.0/16, 10.0.0.0/8 — all inside the space Microsoft supports for Overlay.
 */
import { Prefix, freePrefixes, parsePrefix, prefixFrom } from "../../ip/index.js";
import { DEFAULT_CIDRS, OVERLAY_POD_CIDR_SUPPORTED_SPACE, RESERVED_RANGES } from "../../kb/index.js";

/** A range the pod CIDR must avoid, and why. */
export interface Avoid {
  readonly prefix: Prefix;
  /** e.g. "vnet address space", "service CIDR", "connected network hub". */
  readonly what: string;
}

/** The ranges every pod CIDR must avoid besides the plan's own: AKS's reserved ranges. */
export function reservedAvoid(): Avoid[] {
  return RESERVED_RANGES.filter((r) => r.forbiddenFor.includes("podCidr")).map((r) => ({
    prefix: parsePrefix(r.cidr),
    what: `reserved range (${r.reason})`,
  }));
}

/** The first range in `avoid` that overlaps `p`, if any. */
export function firstOverlap(p: Prefix, avoid: readonly Avoid[]): Avoid | undefined {
  return avoid.find((a) => a.prefix.overlaps(p));
}

/** Candidate parents in search order. */
function searchSpace(bits: number): Prefix[] {
  const def = parsePrefix(DEFAULT_CIDRS.podCidr.value);
  const grown = bits <= def.bits ? prefixFrom(def.addr, bits).masked() : def;
  const order = ["100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16", "10.0.0.0/8"].filter((c) =>
    OVERLAY_POD_CIDR_SUPPORTED_SPACE.value.includes(c),
  );
  return [grown, ...order.map(parsePrefix)];
}

/** The first free /`bits` prefix in search order, or undefined when the supported space has none. */
export function choosePodCidr(bits: number, avoid: readonly Avoid[]): Prefix | undefined {
  // From JavaScript: a length that is not one of IPv4's has no free prefix; avoid items without a prefix are skipped.
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  const used = (Array.isArray(avoid) ? avoid : [])
    .map((a: Avoid | null | undefined) => a?.prefix)
    .filter((p): p is Prefix => p instanceof Prefix && p.addr.family === 4);
  for (const parent of searchSpace(bits)) {
    if (parent.bits > bits) continue;
    const [first] = freePrefixes(parent, used, bits, 1);
    if (first) return first;
  }
  return undefined;
}
