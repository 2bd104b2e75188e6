/**
 * How much of each kind of range a prefix offers, and the smallest prefix that
 * offers a given amount. IPv4 only: node subnets, pod subnets and pod CIDRs
 * sized here are IPv4 (an IPv6 subnet is always a /64; an IPv6 pod CIDR is a /64 per cluster).
 */
import { azureUsable, smallestAzureSubnetBits } from "../../kb/index.js";
import type { Prefix } from "../../ip/prefix.js";
import { POD_CIDR_BLOCK_BITS } from "./per-node.js";

/** Addresses Azure leaves usable in a subnet (size − 5), as a number. */
export function usableAddresses(subnet: Prefix): number {
  return Number(azureUsable(subnet));
}

/** /24 blocks a pod CIDR holds: 2^(24 − bits), 0 for a prefix longer than /24. */
export function podCidrBlocks(podCidr: Prefix): number {
  return podCidr.bits > POD_CIDR_BLOCK_BITS ? 0 : 2 ** (POD_CIDR_BLOCK_BITS - podCidr.bits);
}

/** The longest pod CIDR prefix holding `blocks` /24 blocks (24 − ceil(log2 blocks)); undefined for 0 blocks or more than /0 holds. */
export function podCidrPrefixLength(blocks: number): number | undefined {
  if (blocks <= 0) return POD_CIDR_BLOCK_BITS;
  for (let bits = POD_CIDR_BLOCK_BITS; bits >= 0; bits--) if (2 ** (POD_CIDR_BLOCK_BITS - bits) >= blocks) return bits;
  return undefined;
}

/**
 * Whole /28 blocks a static-block pod subnet can hand out. The first /28 holds
 * Azure's network, gateway and DNS addresses and the last holds the broadcast
 * address, so both are unusable: 2^(28 − bits) − 2. DERIVED from Azure's five
 * reserved addresses and /28 alignment; Microsoft does not state it.
 */
export function staticBlocksIn(podSubnet: Prefix): number {
  return podSubnet.bits > 26 ? 0 : 2 ** (28 - podSubnet.bits) - 2;
}

/** The longest prefix whose subnet hands out `blocks` whole /28 blocks (see `staticBlocksIn`), not shorter than /2. */
export function staticPodSubnetPrefixLength(blocks: number): number | undefined {
  for (let bits = 26; bits >= 2; bits--) if (2 ** (28 - bits) - 2 >= Math.max(blocks, 1)) return bits;
  return undefined;
}

/** The longest Azure subnet prefix with `addresses` usable addresses (size − 5 ≥ addresses, /29 at least). */
export function subnetPrefixLength(addresses: number): number | undefined {
  return smallestAzureSubnetBits(Math.max(0, addresses));
}
