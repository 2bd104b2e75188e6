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
  /**
   * What takes its addresses from the pool when a VNet does: `vnetAndSubnets` (the ARM API and azurerm let each
   * subnet ask the pool too; aksnet's default) or `vnetOnly` (the VNet asks the pool; its subnets name explicit
   * prefixes inside the allocated range), which the Azure Verified Modules VNet module advises.
   */
  readonly subnetsFromPool: Sourced<"vnetAndSubnets" | "vnetOnly">;
  /**
   * A VNet whose address space comes from a pool may hold subnets with explicit prefixes:
   * `CannotMixAddressPrefixAndPoolInPayload` is about one address space (or one subnet) naming both.
   */
  readonly poolVnetWithStaticSubnets: Sourced<boolean>;
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
        "Azure/azure-cli:src/azure-cli/azure/cli/command_modules/network/aaz/latest/network/vnet/subnet/_create.py",
        "ipam_pool_prefix_allocations = AAZListArg(options=" +
          '["--ipam-allocations", "--ipam-pool-prefix-allocations"]); its Element an AAZObjectArg with ' +
          'number_of_ip_addresses (AAZStrArg, options=["number-of-ip-addresses"]) ' +
          'and id (AAZResourceIdArg, options=["id"]: the pool\'s resource ID)',
      ),
      repoFile(
        "Azure/azure-cli:src/azure-cli/azure/cli/command_modules/network/operations/vnet.py",
        "VNetCreate.pre_operations: if has_value(args.ipam_pool_prefix_allocations): args.address_prefixes = [] " +
          "(the default 10.0.0.0/16 is dropped, so the payload does not mix prefixes and a pool)",
      ),
      repoFile(
        "Azure/azure-cli:src/azure-cli-core/azure/cli/core/aaz/_utils.py",
        "AAZShortHandSyntaxParser.partial_value_key_pattern: a partial value is {key}={value}, the key " +
          "[index] then .field; split_partial_value; a simple value is taken as is unless null, ?? or single-quoted",
      ),
      repoFile(
        "Azure/azure-cli:src/azure-cli-core/azure/cli/core/aaz/_arg_action.py",
        "AAZListArgAction: each value's key parts index the list then the element's options; AAZList creates an " +
          "element on first use of its index",
      ),
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
        "the value aksnet writes, one allocation in shorthand syntax's partial-value form " +
        "'[0].id=<pool ID>' '[0].number-of-ip-addresses=<count>', parses as a list of one object with both fields " +
        "(src/adapters/generate/az-shorthand.test.ts runs the script against an az stub and parses it as AAZ " +
        "does); az network vnet create's item keys are taken to be the subnet's (both are generated from " +
        "Microsoft.Network's IpamPoolPrefixAllocation, pool.id flattened to id)",
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
  subnetsFromPool: sourced<"vnetAndSubnets" | "vnetOnly">(
    "vnetAndSubnets",
    [
      SPEC("SubnetPropertiesFormat.ipamPoolPrefixAllocations: a subnet asks a pool by size, like its VNet"),
      repoFile(
        "hashicorp/terraform-provider-azurerm:CHANGELOG-v4.md",
        "4.38.0: azurerm_subnet - add support for the ip_address_pool block",
      ),
      repoFile(
        "Azure/azure-cli:src/azure-cli/HISTORY.rst",
        "2.75.0: az network vnet subnet create/update: Support IPAM pool allocation",
      ),
    ],
    {
      ...CHECKED,
      alternatives: [
        {
          value: "vnetOnly",
          source: [
            repoFile(
              "Azure/terraform-azurerm-avm-res-network-virtualnetwork:examples/ipam/_header.md",
              "IPAM pools are only supported for virtual network address spaces, not for individual subnets: " +
                "concurrent subnet creation can cause race conditions with IPAM pool allocation; no pre-allocation " +
                "mechanism reserves ranges in a pool; explicit subnet ranges are deterministic",
            ),
            AVM_IPAM(
              "Subnet IPAM Configuration: subnets from a pool are created one after another " +
                "(ipam_subnet_allocation_delay, 45 s by default) to avoid NetcfgSubnetRangesOverlap",
            ),
          ],
          note:
            "the Azure Verified Modules VNet module takes the VNet from the pool and gives its subnets explicit " +
            "prefixes inside the allocated range (or creates pool subnets one at a time, with a delay): " +
            "subnets that ask the pool at once may be handed overlapping ranges (NetcfgSubnetRangesOverlap)",
        },
      ],
    },
  ),
  poolVnetWithStaticSubnets: sourced(
    true,
    [
      repoFile(
        "Azure/terraform-azurerm-avm-res-network-virtualnetwork:examples/ipam_vnet_only/_header.md",
        "VNet address space from IPAM pool; subnets calculated from the IPAM-allocated VNet space or static, " +
          "created in parallel",
      ),
      repoFile(
        "Azure/terraform-azurerm-avm-res-network-virtualnetwork:examples/ipam_basic/_header.md",
        "IPv4 pool → VNet (/24 allocated); subnet1 10.0.0.0/25, subnet2 10.0.0.128/25: static addressing",
      ),
    ],
    {
      ...CHECKED,
      derived:
        "CannotMixAddressPrefixAndPoolInPayload refuses one address space (or one subnet) that names both " +
        "prefixes and a pool allocation; a pool VNet with static subnets is what these examples deploy (a static " +
        "subnet shows as Unallocated in the pool, examples/ipam/_header.md)",
    },
  ),
};
