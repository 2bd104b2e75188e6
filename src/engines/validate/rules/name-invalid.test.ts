import { mk } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./name-invalid.js";

const long = "x".repeat(64);

ruleTester(rule, {
  valid: [
    { name: "clean", plan: mk() },
    {
      name: "12-character Linux pool",
      plan: mk((d) => {
        d.nodePools[1]!.name = "userpool0001";
      }),
    },
    {
      name: "6-character Windows pool",
      plan: mk((d) => {
        d.nodePools[1]!.name = "win001";
        d.nodePools[1]!.os = "Windows2022";
      }),
    },
    {
      name: "64-character VNet name without overlay",
      plan: mk((d) => {
        delete d.network.pluginMode;
        delete d.network.podCidrs;
        d.vnet.name = long;
      }),
    },
    {
      name: "a resource group beginning with a hyphen (valid in Azure), a canonical location",
      plan: mk((d) => {
        d.vnet.resourceGroup = "-rg-network";
        Object.assign(d, { resourceGroup: "rg(aks)_1", location: "westeurope" });
      }),
    },
  ],
  invalid: [
    {
      name: "pool name with upper case and a hyphen",
      plan: mk((d) => {
        d.nodePools[1]!.name = "User-Pool";
      }),
      findings: [
        {
          messageId: "name",
          path: "nodePools[1].name",
          message:
            'Linux node pool name "User-Pool" contains "U": a Linux node pool name is 1-12 lower-case letters and ' +
            "digits, starting with a letter.",
          fixIncludes: '"userpool"',
        },
      ],
    },
    {
      name: "7-character Windows pool",
      plan: mk((d) => {
        d.nodePools[1]!.name = "winpool";
        d.nodePools[1]!.os = "Windows2022";
      }),
      findings: [
        {
          messageId: "name",
          path: "nodePools[1].name",
          message:
            'Windows node pool name "winpool" has 7 characters; at most 6 are allowed: a Windows node pool name is ' +
            "1-6 lower-case letters and digits, starting with a letter.",
          fixIncludes: '"winpoo"',
        },
      ],
    },
    {
      name: "64-character VNet name on overlay",
      plan: mk((d) => {
        d.vnet.name = long;
      }),
      findings: [
        {
          messageId: "overlayName",
          path: "vnet.name",
          message:
            `VNet "${long}" has 64 characters; with Azure CNI Overlay it becomes a node label value and may ` +
            `have at most 63.`,
        },
      ],
    },
    {
      name: "cluster name with a dot",
      plan: mk((d) => {
        d.name = "aks.prod";
      }),
      findings: [
        {
          messageId: "name",
          path: "name",
          message:
            'Cluster name "aks.prod" contains ".": a cluster name is 1-63 letters, digits, underscores and hyphens, ' +
            "starting and ending with a letter or digit.",
          fixIncludes: '"aksprod"',
        },
      ],
    },
    {
      name: "what generate refused but check accepted: subnet 'a b', location 'West Europe', resource group 'rg.'",
      plan: mk((d) => {
        d.vnet.subnets[1]!.name = "a b";
        d.vnet.resourceGroup = "rg.";
        Object.assign(d, { location: "West Europe" });
      }),
      findings: [
        {
          messageId: "location",
          path: "location",
          message:
            'Location "West Europe" contains "W": a location is an Azure region name in lower case without spaces, ' +
            'e.g. "westeurope" (not the display name "West Europe").',
          fixIncludes: '"westeurope"',
        },
        {
          messageId: "name",
          path: "vnet.resourceGroup",
          message:
            'Resource group name "rg." may not end with ".": a resource group name is 1-90 letters, digits, ' +
            "underscores, periods, parentheses and hyphens, not ending in a period (it may begin with a hyphen).",
          fixIncludes: '"rg"',
        },
        {
          messageId: "name",
          path: "vnet.subnets[1].name",
          message:
            'Subnet name "a b" contains " " (a space): a subnet name is 1-80 letters, digits, underscores, periods ' +
            "and hyphens, starting with a letter or digit and ending with a letter, digit or underscore.",
          fixIncludes: '"ab"',
        },
      ],
    },
    {
      name: "a route table name ending in a hyphen",
      plan: mk((d) => {
        d.vnet.routeTables = [{ name: "rt-", routes: [] }];
      }),
      findings: [
        {
          messageId: "name",
          path: "vnet.routeTables[0].name",
          message:
            'Route table name "rt-" may not end with "-": a route table name is 1-80 letters, digits, underscores, ' +
            "periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore.",
          fixIncludes: '"rt"',
        },
      ],
    },
  ],
});
