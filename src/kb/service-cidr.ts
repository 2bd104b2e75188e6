/**
 * Where a service CIDR may lie: AKS validates service CIDRs and blocks those in
 * public and multicast ranges. The release note links the VNet FAQ's list of
 * address ranges for that meaning: RFC 1918 and RFC 6598 (which Azure treats as
 * private) are usable; multicast is not.
 */
import { aksRelease, page, sourced, type Sourced } from "./source.js";

const BLOCKED = aksRelease(
  "2023-10-01",
  "AKS will now validate, and block if necessary, service CIDRs placed in public and multicast IP address ranges",
);
const VNET_FAQ = page(
  "https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq#what-address-ranges-can-i-use-in-my-virtual-networks",
  "RFC 1918 ranges; the RFC 6598 shared space is treated as private IP address space in Azure; 224.0.0.0/4 " +
    "(multicast) can't be added",
);

/** The IPv4 space a service CIDR may use: RFC 1918 and RFC 6598; anything else is a public range AKS blocks. */
export const SERVICE_CIDR_PRIVATE_SPACE_V4: Sourced<readonly string[]> = sourced(
  ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"],
  [BLOCKED, VNET_FAQ],
  {
    checked: "2026-12-06",
    derived:
      "The release note does not list the ranges; it links the VNet FAQ, whose usable ranges are RFC 1918 and RFC " +
      "6598, so aksnet reads 'public' as outside them.",
  },
);

/** Multicast ranges, which AKS blocks for a service CIDR: IPv4 224.0.0.0/4 (VNet FAQ), IPv6 ff00::/8 (RFC 4291). */
export const MULTICAST_RANGES: Sourced<readonly string[]> = sourced(
  ["224.0.0.0/4", "ff00::/8"],
  [BLOCKED, VNET_FAQ, page("https://www.rfc-editor.org/rfc/rfc4291#section-2.7", "IPv6 multicast addresses: ff00::/8")],
  { checked: "2026-12-06" },
);
