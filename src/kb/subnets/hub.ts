/**
 * Subnets Azure services require by name, usually in a hub VNet but possible in
 * a spoke: Azure Firewall (and its management subnet for forced tunneling),
 * Azure Bastion, and the VPN / ExpressRoute gateway subnet.
 */
import { page, sourced } from "../source.js";
import { defineSubnetKind } from "./kind.js";

const C = { checked: "2026-12-07" } as const;
const FW_FAQ = (note: string) => page("https://learn.microsoft.com/azure/firewall/firewall-faq", note);
const FW_TUNNEL = (note: string) => page("https://learn.microsoft.com/azure/firewall/forced-tunneling", note);
const BASTION = (note: string) => page("https://learn.microsoft.com/azure/bastion/configuration-settings", note);
const VPN = (note: string) =>
  page("https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings", note);
const VPN_FAQ = (note: string) => page("https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-vpn-faq", note);
const NONE = (src: ReturnType<typeof page>) => sourced(null, src, C);

export const AZURE_FIREWALL_SUBNET = defineSubnetKind({
  id: "azureFirewall",
  title: "Azure Firewall subnet",
  requiredName: sourced("AzureFirewallSubnet", FW_FAQ("the firewall deploys into AzureFirewallSubnet"), C),
  delegation: NONE(FW_FAQ("no delegation")),
  dedicated: sourced(true, FW_FAQ("the subnet holds the firewall's scale-out instances"), C),
  maxPrefixLength: sourced(26, FW_FAQ("Why does Azure Firewall need a /26 subnet size?"), C),
  minPrefixLength: sourced(null, FW_FAQ("Azure Firewall doesn't need a subnet bigger than /26"), C),
  recommendedPrefixLength: sourced(
    26,
    FW_FAQ("a /26 ensures enough addresses as the firewall scales; it never needs more"),
    C,
  ),
  unitUse: sourced(null, FW_FAQ("sized by the /26 rule, not per unit"), C),
});

export const AZURE_FIREWALL_MANAGEMENT_SUBNET = defineSubnetKind({
  id: "azureFirewallManagement",
  title: "Azure Firewall management subnet (forced tunneling)",
  requiredName: sourced(
    "AzureFirewallManagementSubnet",
    FW_TUNNEL("a dedicated subnet named AzureFirewallManagementSubnet"),
    C,
  ),
  delegation: NONE(FW_TUNNEL("no delegation")),
  dedicated: sourced(true, FW_TUNNEL("dedicated subnet with its own public IP"), C),
  maxPrefixLength: sourced(26, FW_TUNNEL("minimum subnet size /26"), C),
  minPrefixLength: sourced(null, FW_TUNNEL("no largest size documented"), C),
  recommendedPrefixLength: sourced(26, FW_TUNNEL("minimum subnet size /26"), C),
  unitUse: sourced(null, FW_TUNNEL("sized by the /26 rule"), C),
});

export const BASTION_SUBNET = defineSubnetKind({
  id: "bastion",
  title: "Azure Bastion subnet",
  requiredName: sourced("AzureBastionSubnet", BASTION("the subnet name must be AzureBastionSubnet"), C),
  delegation: NONE(BASTION("no delegation")),
  dedicated: sourced(true, BASTION("the subnet cannot contain additional resources"), C),
  maxPrefixLength: sourced(26, BASTION("subnet size must be /26 or larger (/25, /24 etc.)"), C),
  minPrefixLength: sourced(null, BASTION("larger subnets allow more scale units"), C),
  recommendedPrefixLength: sourced(26, BASTION("for host scaling, a /26 or larger subnet is recommended"), C),
  unitUse: sourced(
    { unit: "instance", addresses: 1 },
    BASTION("instances (scale units) are created in AzureBastionSubnet"),
    C,
  ),
});

export const VIRTUAL_NETWORK_GATEWAY_SUBNET = defineSubnetKind({
  id: "virtualNetworkGateway",
  title: "VPN / ExpressRoute gateway subnet",
  requiredName: sourced("GatewaySubnet", VPN("the gateway subnet is always named GatewaySubnet"), C),
  delegation: NONE(VPN("no delegation")),
  dedicated: sourced(true, VPN_FAQ("Can I deploy virtual machines or role instances to my gateway subnet? No."), C),
  maxPrefixLength: sourced(29, VPN_FAQ("you can create a gateway subnet as small as /29"), C),
  minPrefixLength: sourced(null, VPN("no largest size documented"), C),
  recommendedPrefixLength: sourced(27, VPN_FAQ("we recommend that you create a gateway subnet of /27 or larger"), {
    ...C,
    alternatives: [
      {
        value: 29,
        source: [VPN_FAQ("as small as /29")],
        note:
          "the smallest size Azure accepts; too small for an ExpressRoute/VPN coexistence and most current " +
          "configurations",
      },
    ],
  }),
  unitUse: sourced(null, VPN("the gateway service takes addresses per configuration"), C),
});
