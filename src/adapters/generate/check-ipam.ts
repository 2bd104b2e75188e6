/**
 * `--ipam-pool ID`: the VNet and its subnets take their addresses from an Azure
 * Virtual Network Manager IPAM pool, by size, instead of naming prefixes (ARM
 * accepts one or the other, never both: `CannotMixAddressPrefixAndPoolInPayload`).
 * Each asks for as many addresses as its planned CIDR holds, so the pool hands out
 * blocks of the planned sizes; which blocks is the pool's choice at deployment, so
 * the plan's CIDRs become expectations, and the output says so.
 */
import { AVNM_IPAM } from "../../kb/index.js";
import type { Checks } from "./checks.js";
import type { GenVnet } from "./model.js";

const POOL_ID = new RegExp(AVNM_IPAM.poolIdPattern.value, "i");

/** Which ranges ask the pool: the VNet and each subnet (the default), or the VNet only (kb AVNM_IPAM). */
export const IPAM_POOL_SCOPES = ["vnetAndSubnets", "vnetOnly"] as const;
export type IpamPoolScope = (typeof IPAM_POOL_SCOPES)[number];

/** An IPv4 CIDR's first address as a number, and its prefix length. */
function v4(cidr: string): { start: number; bits: number } {
  const [ip, bits] = cidr.split("/");
  const start = ip!.split(".").reduce((a, o) => a * 256 + Number(o), 0);
  return { start, bits: Number(bits) };
}

/**
 * Where a subnet sits inside its VNet's range, as Terraform's `cidrsubnet(range, newbits, netnum)` and Bicep's
 * `cidrSubnet(range, prefixLength, index)` take it: the subnet's prefix length, the bits it adds to the VNet's, and
 * its index among the blocks of its size. The same offset inside any range of the VNet's size.
 */
export function subnetOffset(vnetCidr: string, subnetCidr: string): { bits: number; newbits: number; index: number } {
  const v = v4(vnetCidr);
  const s = v4(subnetCidr);
  return { bits: s.bits, newbits: s.bits - v.bits, index: (s.start - v.start) / 2 ** (32 - s.bits) };
}

/** How many addresses a CIDR holds, as the decimal string `numberOfIpAddresses` takes (IPv4 only). */
export function addressCount(cidr: string): string {
  const bits = Number(cidr.slice(cidr.indexOf("/") + 1));
  return String(2 ** (32 - bits));
}

/** The sentence every output carries: what was assumed when the pool allocates. */
function assumption(vnet: GenVnet, pool: string, scope: IpamPoolScope): string {
  const subnets = vnet.subnets.map((s) => `${s.name} ${s.cidr}`).join(", ");
  return (
    `${scope === "vnetOnly" ? "the VNet takes its" : "the VNet and its subnets take their"} addresses from the ` +
    `Virtual Network Manager IPAM pool ${pool} by size ` +
    `(numberOfIpAddresses = 2^(32 - prefix length)), so the pool, not this file, chooses the ranges at deployment: ` +
    `the plan's VNet ${vnet.addressSpace.join(" ")}${subnets === "" ? "" : ` and subnets ${subnets}`} are ` +
    `what aksnet expected; keep the pod and service CIDRs outside the pool`
  );
}

/** What was assumed about the subnets, and the alternative the Azure Verified Modules take. */
function subnetsAssumption(scope: IpamPoolScope): string {
  const alt = AVNM_IPAM.subnetsFromPool.alternatives?.[0];
  if (scope === "vnetOnly")
    return (
      `ipam pool scope vnetOnly: only the VNet asks the pool; each subnet takes an explicit prefix at its planned ` +
      `offset inside the range the pool allocates to the VNet (Terraform cidrsubnet, Bicep cidrSubnet, az: the ` +
      `script's cidr_subnet), as the Azure Verified Modules advise (${alt?.note ?? ""}); ARM accepts that mix ` +
      `(${AVNM_IPAM.noMixWithPrefixes.value} refuses only one range naming both); the pool shows such subnets ` +
      `as unallocated`
    );
  return (
    `each subnet asks the pool for its own range too (ipamPoolPrefixAllocations on the subnet, as the ARM API, ` +
    `azurerm 4.38 and az 2.75 allow: the default, ipam pool scope vnetAndSubnets); sources disagree: ` +
    `${alt?.note ?? ""}; if subnets fail with NetcfgSubnetRangesOverlap, create them one at a time, or take only ` +
    `the VNet from the pool and give its subnets explicit prefixes inside its allocated range: --ipam-pool-scope ` +
    `vnetOnly (fleet file: ipamPoolScope: vnetOnly)`
  );
}

/** The VNet with its pool set, or the VNet unchanged when no pool is given; problems for what a pool cannot do. */
export function withIpamPool(
  vnet: GenVnet | undefined,
  pool: string | undefined,
  c: Checks,
  scope: IpamPoolScope = "vnetAndSubnets",
): GenVnet | undefined {
  if (pool === undefined) return vnet;
  const fix = "give the resource ID of an IPAM pool (…/providers/Microsoft.Network/networkManagers/NM/ipamPools/POOL)";
  if (!POOL_ID.test(pool)) {
    c.problems.push({ path: "ipamPool", value: pool, reason: `it is not an IPAM pool's resource ID; ${fix}` });
    return vnet;
  }
  if (!vnet) {
    c.problems.push({
      path: "vnet",
      value: "",
      reason: "an IPAM pool allocates a VNet's addresses: the plan has none",
    });
    return vnet;
  }
  if (vnet.existing) {
    c.problems.push({
      path: "vnet",
      value: vnet.name,
      reason:
        "an existing VNet keeps its own addresses; an IPAM pool allocates them only for a VNet the output creates",
    });
    return vnet;
  }
  const ranges = [
    ...vnet.addressSpace.map((cidr, i) => ({ path: `vnet.addressSpace[${i}]`, cidr })),
    ...vnet.subnets.map((s, i) => ({ path: `vnet.subnets[${i}].cidr`, cidr: s.cidr })),
  ];
  for (const r of ranges.filter((x) => x.cidr.includes(":")))
    c.problems.push({
      path: r.path,
      value: r.cidr,
      reason: "an IPv6 range: aksnet writes IPv4 pool allocations only (one pool per address family)",
    });
  if (vnet.addressSpace.length !== 1)
    c.problems.push({
      path: "vnet.addressSpace",
      value: vnet.addressSpace.join(" "),
      reason: "a VNet takes one allocation from a pool: give the VNet one address space to size it by",
    });
  c.assumptions.push(assumption(vnet, pool, scope));
  // Sources disagree on subnets from the pool (kb AVNM_IPAM.subnetsFromPool): the REST API, azurerm and az let each
  // subnet ask the pool (the default here); the Azure Verified Modules VNet module gives subnets explicit prefixes
  // inside the VNet's allocated range, because subnets asking at once can race. Say which was written, and the other.
  if (vnet.subnets.length > 0) c.assumptions.push(subnetsAssumption(scope));
  if (scope === "vnetOnly") return { ...vnet, ipamPool: pool, ipamPoolScope: scope };
  return { ...vnet, ipamPool: pool };
}
