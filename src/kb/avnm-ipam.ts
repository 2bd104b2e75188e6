/**
 * Azure Virtual Network Manager IP address management (IPAM): how a VNet and its
 * subnets take their addresses from an IPAM pool instead of naming prefixes.
 * `aksnet generate --ipam-pool` writes these names in ARM/Bicep, Terraform (azurerm)
 * and az scripts; the tool versions that have them are in `deploy-tools.ts`
 * (`DEPLOY_FEATURES.avnmIpamPool`).
 */
import { page, repoFile, sourced, type Sourced } from "./source.js";

const CHECKED = { checked: "2026-12-07" } as const;

const SPEC = (note: string) =>
  repoFile(
    "Azure/azure-rest-api-specs:specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/" +
      "virtualNetwork.json",
    note,
  );
const AVM_IPAM = (note: string) =>
  repoFile("Azure/terraform-azurerm-avm-res-network-virtualnetwork:docs/ipam-guide.md", note);

/** The ARM names of a pool allocation (the same on a VNet's `addressSpace` and a subnet's `properties`). */
export interface PoolAllocationShape {
  /** The list property: on `properties.addressSpace` (VNet) and on a subnet's `properties`. */
  readonly property: string;
  /** The pool's resource ID, nested: `pool.id`. */
  readonly poolId: string;
  /** How many addresses to allocate: a string holding a number. */
  readonly count: string;
  /** The read-only prefixes the pool allocated. */
  readonly allocated: string;
  /** The first stable Microsoft.Network API version that has the property (2024-03-01 lacks it). */
  readonly sinceApi: string;
}

export interface AvnmIpamFacts {
  readonly allocationShape: Sourced<PoolAllocationShape>;
  /** A VNet names prefixes or takes them from pools, never both in one request (the ARM error code). */
  readonly noMixWithPrefixes: Sourced<string>;
  /** A subnet's pool must be one of its VNet's pools (the ARM error code). */
  readonly subnetPoolInVnetPools: Sourced<string>;
  /** One pool allocation per address family on a VNet: one IPv4 and one IPv6 pool at most. */
  readonly onePoolPerFamily: Sourced<boolean>;
  /**
   * An IPAM pool's resource ID:
   * `/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/networkManagers/…/ipamPools/…`.
   */
  readonly poolIdPattern: Sourced<string>;
  /** The az CLI's flag (on `az network vnet create` and `az network vnet subnet create`) and the keys of its items. */
  readonly azFlag: Sourced<{ readonly flag: string; readonly keys: readonly string[] }>;
  /** The azurerm block on `azurerm_virtual_network` and `azurerm_subnet`, and its arguments. */
  readonly azurermBlock: Sourced<{ readonly block: string; readonly arguments: readonly string[] }>;
  /** Non-overlap is guaranteed within a pool: AVNM never hands out one range twice. */
  readonly poolAllocationsDisjoint: Sourced<boolean>;
}

export const AVNM_IPAM: AvnmIpamFacts = {
  allocationShape: sourced<PoolAllocationShape>(
    {
      property: "ipamPoolPrefixAllocations",
      poolId: "pool.id",
      count: "numberOfIpAddresses",
      allocated: "allocatedAddressPrefixes",
      sinceApi: "2024-05-01",
    },
    [
      SPEC(
        "AddressSpace.ipamPoolPrefixAllocations and SubnetPropertiesFormat.ipamPoolPrefixAllocations: " +
          "IpamPoolPrefixAllocation {pool: {id}, numberOfIpAddresses: string, allocatedAddressPrefixes: readOnly}",
      ),
      repoFile(
        "Azure/azure-rest-api-specs:specification/network/resource-manager/Microsoft.Network/stable/2024-03-01/" +
          "virtualNetwork.json",
        "no IpamPoolPrefixAllocation definition",
      ),
    ],
    CHECKED,
  ),
  noMixWithPrefixes: sourced(
    "CannotMixAddressPrefixAndPoolInPayload",
    [
      AVM_IPAM("Troubleshooting: a virtual network cannot combine IPAM pools with a static address_space"),
      repoFile(
        "hashicorp/terraform-provider-azurerm:website/docs/r/virtual_network.html.markdown",
        "exactly one of address_space or ip_address_pool must be specified",
      ),
    ],
    CHECKED,
  ),
  subnetPoolInVnetPools: sourced(
    "SubnetPoolsMustBeSubsetOfVnetPools",
    AVM_IPAM("Troubleshooting: a subnet references a pool that its virtual network does not use"),
    CHECKED,
  ),
  onePoolPerFamily: sourced(
    true,
    [
      repoFile(
        "hashicorp/terraform-provider-azurerm:website/docs/r/virtual_network.html.markdown",
        "ip_address_pool: one or two blocks; only one association of each IP type (IPv4 or IPv6) is allowed",
      ),
      AVM_IPAM("CannotHaveDuplicatePoolIds: the same pool referenced more than once"),
    ],
    CHECKED,
  ),
  poolIdPattern: sourced(
    "^/subscriptions/[0-9A-Fa-f-]+/resourceGroups/[\\w.()-]+/providers/Microsoft\\.Network/networkManagers/" +
      "[\\w.-]+/ipamPools/[\\w.-]+$",
    page(
      "https://learn.microsoft.com/rest/api/virtualnetwork/static-cidrs/create",
      "PUT …/resourceGroups/{resourceGroupName}/providers/Microsoft.Network" +
        "/networkManagers/{networkManagerName}/ipamPools/{poolName}/staticCidrs/{staticCidrName}",
    ),
    {
      ...CHECKED,
      derived:
        "the pool's part of the static CIDRs resource path (matched without regard to case); names kept to the " +
        "characters ARM allows in resource group (letters, digits, _ . ( ) -) and pool and manager names (letters, " +
        "digits, _ . -), so the ID is safe to write in every format",
    },
  ),
  azFlag: sourced(
    { flag: "--ipam-pool-prefix-allocations", keys: ["id", "number-of-ip-addresses"] },
    [
      repoFile(
        "Azure/azure-cli:src/azure-cli/HISTORY.rst",
        "2.68.0: az network vnet create/update: Add parameter --ipam-pool-prefix-allocations; 2.75.0: az network " +
          "vnet subnet create/update: Support IPAM pool allocation",
      ),
      page(
        "https://learn.microsoft.com/cli/azure/network/vnet/subnet",
        "az network vnet subnet create [--ipam-allocations --ipam-pool-prefix-allocations]",
      ),
    ],
    {
      ...CHECKED,
      derived:
        "the item keys (shorthand syntax [0].id=… [0].number-of-ip-addresses=…) are the kebab-case of the ARM " +
        "names, as the az CLI's generated commands spell them",
    },
  ),
  azurermBlock: sourced(
    { block: "ip_address_pool", arguments: ["id", "number_of_ip_addresses"] },
    [
      repoFile(
        "hashicorp/terraform-provider-azurerm:website/docs/r/virtual_network.html.markdown",
        "ip_address_pool: id (Required), number_of_ip_addresses (Required, a string holding a positive number; " +
          "cannot be decreased)",
      ),
      repoFile(
        "hashicorp/terraform-provider-azurerm:CHANGELOG-v4.md",
        "4.38.0: azurerm_subnet - add support for the ip_address_pool block",
      ),
    ],
    CHECKED,
  ),
  poolAllocationsDisjoint: sourced(
    true,
    page(
      "https://learn.microsoft.com/azure/virtual-network-manager/concept-ip-address-management",
      "automatically assign nonoverlapping CIDRs to Azure resources",
    ),
    CHECKED,
  ),
};
