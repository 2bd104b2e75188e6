/**
 * Azure's rules for virtual-network subnets, which every AKS sizing formula builds on: the addresses Azure
 * keeps in every subnet and the subnet sizes it allows. The IP core only counts addresses; these facts turn a
 * count into "usable in Azure".
 */
import { expectPrefix, smallestPrefixBits, type Prefix } from "../ip/index.js";
import { aksDoc, page, repoFile, sourced, type Sourced } from "./source.js";

const VNET_FAQ = page(
  "https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq",
  "Azure reserves the first four and the last address of every subnet; the smallest IPv4 subnet is /29, the largest " +
    "/2; IPv6 subnets must be /64",
);

export interface AzureSubnetRules {
  /**
   * Addresses Azure keeps in every subnet: the network address, the default gateway, two for Azure DNS, and the last.
   */
  readonly reservedPerSubnet: Sourced<number>;
  /** The longest (smallest) IPv4 subnet prefix Azure allows. */
  readonly ipv4LongestBits: Sourced<number>;
  /** The shortest (largest) IPv4 subnet prefix Azure allows. */
  readonly ipv4ShortestBits: Sourced<number>;
  /** The only IPv6 subnet length Azure allows. */
  readonly ipv6Bits: Sourced<number>;
}

export const AZURE_SUBNET: AzureSubnetRules = {
  reservedPerSubnet: sourced(
    5,
    [
      VNET_FAQ,
      aksDoc(
        "concepts-network-azure-cni-overlay",
        "a /24 contains 256 addresses; Azure reserves the first four and last",
      ),
      repoFile(
        "MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/create-upgrade-delete/" +
          "error-code-subnetisfull.md",
      ),
    ],
    { checked: "2026-12-06" },
  ),
  ipv4LongestBits: sourced(29, VNET_FAQ, { checked: "2026-11-22" }),
  ipv4ShortestBits: sourced(2, VNET_FAQ, { checked: "2026-11-22" }),
  ipv6Bits: sourced(64, VNET_FAQ, { checked: "2026-11-22" }),
};

/** Addresses available to resources in an Azure subnet: size − 5 (0 when the prefix is too small to be a subnet). */
export function azureUsable(p: Prefix): bigint {
  expectPrefix(p, "azureUsable's subnet");
  const n = p.size() - BigInt(AZURE_SUBNET.reservedPerSubnet.value);
  return n > 0n ? n : 0n;
}

/** Why a prefix cannot be an Azure subnet, or undefined when it can. */
export function azureSubnetProblem(p: Prefix): string | undefined {
  expectPrefix(p, "azureSubnetProblem's subnet");
  const longest = AZURE_SUBNET.ipv4LongestBits.value;
  const shortest = AZURE_SUBNET.ipv4ShortestBits.value;
  if (p.family === 4) {
    if (p.bits > longest) return `/${p.bits} is smaller than /${longest}, the smallest IPv4 subnet Azure allows`;
    if (p.bits < shortest) return `/${p.bits} is larger than /${shortest}, the largest IPv4 subnet Azure allows`;
    return undefined;
  }
  const v6 = AZURE_SUBNET.ipv6Bits.value;
  return p.bits === v6 ? undefined : `/${p.bits} is not /${v6}, the only IPv6 subnet size Azure allows`;
}

/** Reports whether the prefix can be an Azure subnet. */
export function isAzureSubnetSize(p: Prefix): boolean {
  return azureSubnetProblem(p) === undefined;
}

/**
 * The longest IPv4 prefix whose Azure subnet holds `addresses` usable addresses (size − 5 ≥ addresses), never
 * longer than /29; undefined when even a /2 is too small, or when `addresses` is not a whole number ≥ 0.
 */
export function smallestAzureSubnetBits(addresses: number | bigint): number | undefined {
  if (typeof addresses === "number" && !(Number.isSafeInteger(addresses) && addresses >= 0)) return undefined;
  if (typeof addresses === "bigint" ? addresses < 0n : typeof addresses !== "number") return undefined;
  const bits = smallestPrefixBits(BigInt(addresses) + BigInt(AZURE_SUBNET.reservedPerSubnet.value), 32);
  if (bits === undefined || bits < AZURE_SUBNET.ipv4ShortestBits.value) return undefined;
  return Math.min(bits, AZURE_SUBNET.ipv4LongestBits.value);
}
