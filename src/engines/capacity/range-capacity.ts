/**
 * How much of each kind of range a prefix offers, and the smallest prefix that offers a given amount. IPv4
 * only: node subnets, pod subnets and pod CIDRs sized here are IPv4 (an IPv6 subnet is always a /64; an IPv6
 * pod CIDR is a /64 per cluster). Block sizes come from the knowledge base (`podAddressing.bits`); an IPv6
 * prefix offers no IPv4 blocks. Every count is a whole number ≤ 2^53 − 1.
 */
import { expectPrefix, type Prefix } from "../../ip/index.js";
import { AZURE_SUBNET, azureUsable, smallestAzureSubnetBits } from "../../kb/index.js";
import { POD_CIDR_BLOCK_BITS, STATIC_BLOCK_BITS } from "./per-node.js";

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Addresses Azure leaves usable in a subnet (size − 5), as a number (capped at 2^53 − 1 for an IPv6 /64). */
export function usableAddresses(subnet: Prefix): number {
  const n = azureUsable(subnet);
  return Number(n > MAX ? MAX : n);
}

/** Blocks of `blockBits` an IPv4 prefix holds: 2^(blockBits − bits), 0 when it is longer or IPv6. */
function blocksOf(p: Prefix, blockBits: number): number {
  return p.family !== 4 || p.bits > blockBits ? 0 : 2 ** (blockBits - p.bits);
}

/** /24 blocks a pod CIDR holds: 2^(24 − bits), 0 for a prefix longer than /24 or an IPv6 prefix. */
export function podCidrBlocks(podCidr: Prefix): number {
  expectPrefix(podCidr, "podCidrBlocks's pod CIDR");
  return blocksOf(podCidr, POD_CIDR_BLOCK_BITS);
}

/** Whole numbers ≥ 0 only; NaN, negatives and fractions are not a count of anything. */
const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** The longest pod CIDR prefix holding `blocks` /24 blocks; undefined for more than a /0 holds or a non-count. */
export function podCidrPrefixLength(blocks: number): number | undefined {
  if (!isCount(blocks)) return undefined;
  for (let bits = POD_CIDR_BLOCK_BITS; bits >= 0; bits--) if (2 ** (POD_CIDR_BLOCK_BITS - bits) >= blocks) return bits;
  return undefined;
}

/**
 * Whole static blocks (/28) a pod subnet can hand out. The first block holds Azure's network, gateway and DNS
 * addresses and the last holds the broadcast address, so both are unusable: 2^(28 − bits) − 2. DERIVED from
 * Azure's five reserved addresses and block alignment; Microsoft does not state it.
 */
export function staticBlocksIn(podSubnet: Prefix): number {
  expectPrefix(podSubnet, "staticBlocksIn's pod subnet");
  return Math.max(0, blocksOf(podSubnet, STATIC_BLOCK_BITS) - 2);
}

/** The longest prefix whose subnet hands out `blocks` static blocks (see `staticBlocksIn`), not shorter than /2. */
export function staticPodSubnetPrefixLength(blocks: number): number | undefined {
  if (!isCount(blocks)) return undefined;
  const shortest = AZURE_SUBNET.ipv4ShortestBits.value;
  for (let bits = STATIC_BLOCK_BITS - 2; bits >= shortest; bits--)
    if (2 ** (STATIC_BLOCK_BITS - bits) - 2 >= Math.max(blocks, 1)) return bits;
  return undefined;
}

/** The longest Azure subnet prefix with `addresses` usable addresses (size − 5 ≥ addresses, /29 at least). */
export function subnetPrefixLength(addresses: number): number | undefined {
  if (typeof addresses !== "number" || Number.isNaN(addresses)) return undefined;
  return smallestAzureSubnetBits(Math.max(0, Math.ceil(addresses)));
}
