import { mk } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./reserved-subnet-invalid.js";

const withSubnet = (s: { name: string; cidr: string; delegation?: string; purpose?: string }) =>
  mk((d) => d.vnet.subnets.push(s as (typeof d.vnet.subnets)[number]));

ruleTester(rule, {
  valid: [
    { name: "no hub subnets", plan: mk() },
    { name: "AzureFirewallSubnet /26", plan: withSubnet({ name: "AzureFirewallSubnet", cidr: "10.224.12.0/26" }) },
    { name: "AzureBastionSubnet /25", plan: withSubnet({ name: "AzureBastionSubnet", cidr: "10.224.12.0/25" }) },
    { name: "GatewaySubnet /27", plan: withSubnet({ name: "GatewaySubnet", cidr: "10.224.12.0/27" }) },
    {
      name: "AzureFirewallManagementSubnet /26",
      plan: withSubnet({ name: "AzureFirewallManagementSubnet", cidr: "10.224.12.64/26" }),
    },
  ],
  invalid: [
    {
      name: "a firewall subnet of the wrong case",
      plan: withSubnet({ name: "azurefirewallsubnet", cidr: "10.224.12.0/26" }),
      findings: [
        {
          messageId: "nameCase",
          path: "vnet.subnets[2].name",
          message:
            'Subnet "azurefirewallsubnet" is meant as Azure Firewall subnet, but Azure requires the name ' +
            '"AzureFirewallSubnet" exactly.',
        },
      ],
    },
    {
      name: "a bastion by purpose under another name",
      plan: withSubnet({ name: "bastion", cidr: "10.224.12.0/26", purpose: "bastion" }),
      findings: [
        {
          messageId: "purposeName",
          path: "vnet.subnets[2].name",
          message: 'Subnet "bastion" has purpose bastion, but Azure requires the name "AzureBastionSubnet" for it.',
        },
      ],
    },
    {
      name: "a /27 firewall subnet",
      plan: withSubnet({ name: "AzureFirewallSubnet", cidr: "10.224.12.0/27" }),
      findings: [
        {
          messageId: "tooSmall",
          path: "vnet.subnets[2].cidr",
          message: 'Azure Firewall subnet "AzureFirewallSubnet" is 10.224.12.0/27; it must be /26 or larger.',
        },
      ],
    },
    {
      name: "a /28 gateway subnet",
      plan: withSubnet({ name: "GatewaySubnet", cidr: "10.224.12.0/28" }),
      findings: [
        {
          messageId: "belowRecommended",
          path: "vnet.subnets[2].cidr",
          severity: "warning",
          message:
            'VPN / ExpressRoute gateway subnet "GatewaySubnet" is 10.224.12.0/28; Microsoft recommends /27 or larger ' +
            "(a /29 is too small for an ExpressRoute and VPN gateway side by side and for most current " +
            "configurations).",
        },
      ],
    },
    {
      name: "a delegated bastion subnet",
      plan: withSubnet({ name: "AzureBastionSubnet", cidr: "10.224.12.0/26", delegation: "Microsoft.Web/serverFarms" }),
      findings: [
        {
          messageId: "delegated",
          path: "vnet.subnets[2].delegation",
          message:
            'Azure Bastion subnet "AzureBastionSubnet" is delegated to Microsoft.Web/serverFarms; it must not be ' +
            "delegated.",
        },
      ],
    },
    {
      name: "a node pool in the gateway subnet",
      plan: mk((d) => {
        d.vnet.subnets.push({ name: "GatewaySubnet", cidr: "10.224.12.0/27" });
        d.nodePools[1]!.subnet = "GatewaySubnet";
      }),
      findings: [
        {
          messageId: "used",
          path: "nodePools[1].subnet",
          message:
            'VPN / ExpressRoute gateway subnet "GatewaySubnet" is also named at nodePools[1].subnet; nothing else ' +
            "may be deployed into it.",
        },
      ],
    },
  ],
});
