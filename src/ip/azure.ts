/**
 * Azure's rules for virtual-network subnets, which every AKS sizing formula builds on.
 *
 * Azure reserves five addresses in every subnet: the network address, the next
 * three (default gateway and two for Azure DNS) and the last (broadcast), so a /24
 * has 251 usable addresses. IPv4 subnets are /29 (8 addresses, 3 usable) up to /2;
 * IPv6 subnets must be /64.
 * Source: https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq
 * (checked 2026-11-22); MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/create-upgrade-delete/error-code-subnetisfull.md
 */
import type { Prefix } from "./prefix.js";

/** Addresses Azure keeps in every subnet. */
export const AZURE_RESERVED_PER_SUBNET = 5;
/** The longest (smallest) IPv4 subnet prefix Azure allows. */
export const AZURE_MIN_SUBNET_BITS_V4 = 29;
/** The shortest (largest) IPv4 subnet prefix Azure allows. */
export const AZURE_MAX_SUBNET_BITS_V4 = 2;
/** The only IPv6 subnet length Azure allows. */
export const AZURE_SUBNET_BITS_V6 = 64;

/** Addresses available to resources in an Azure subnet: size − 5 (0 when the prefix is too small to be a subnet). */
export function azureUsable(p: Prefix): bigint {
  const n = p.size() - BigInt(AZURE_RESERVED_PER_SUBNET);
  return n > 0n ? n : 0n;
}

/** Reports why a prefix cannot be an Azure subnet, or undefined when it can. */
export function azureSubnetProblem(p: Prefix): string | undefined {
  if (p.family === 4) {
    if (p.bits > AZURE_MIN_SUBNET_BITS_V4)
      return `/${p.bits} is smaller than /29, the smallest IPv4 subnet Azure allows`;
    if (p.bits < AZURE_MAX_SUBNET_BITS_V4) return `/${p.bits} is larger than /2, the largest IPv4 subnet Azure allows`;
    return undefined;
  }
  return p.bits === AZURE_SUBNET_BITS_V6 ? undefined : `/${p.bits} is not /64, the only IPv6 subnet size Azure allows`;
}

/** Reports whether the prefix can be an Azure subnet. */
export function isAzureSubnetSize(p: Prefix): boolean {
  return azureSubnetProblem(p) === undefined;
}

/**
 * The longest IPv4 prefix whose Azure subnet holds `addresses` usable addresses
 * (size − 5 ≥ addresses), never longer than /29; undefined when even a /2 is too small.
 */
export function smallestAzureSubnetBits(addresses: number | bigint): number | undefined {
  const need = BigInt(addresses) + BigInt(AZURE_RESERVED_PER_SUBNET);
  for (let bits = AZURE_MIN_SUBNET_BITS_V4; bits >= AZURE_MAX_SUBNET_BITS_V4; bits--) {
    if (1n << BigInt(32 - bits) >= need) return bits;
  }
  return undefined;
}

/** The longest prefix (of a family's bit length) holding at least `count` addresses, with no reservation; undefined if none. */
export function smallestPrefixBits(count: number | bigint, bitLength: 32 | 128 = 32): number | undefined {
  const need = BigInt(count);
  for (let bits = bitLength; bits >= 0; bits--) {
    if (1n << BigInt(bitLength - bits) >= need) return bits;
  }
  return undefined;
}
