import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
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
      name: "long VNet name without overlay",
      plan: mk((d) => {
        delete d.network.pluginMode;
        delete d.network.podCidrs;
        d.vnet.name = long;
      }),
    },
  ],
  invalid: [
    {
      name: "upper case and a dash",
      plan: mk((d) => {
        d.nodePools[1]!.name = "User-Pool";
        d.nodePools[1]!.subnet = "aks-nodes";
      }),
      findings: [
        {
          messageId: "poolChars",
          path: "nodePools[1].name",
          message: 'Pool name "User-Pool" must be lowercase letters and digits and start with a letter.',
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
          messageId: "poolLength",
          path: "nodePools[1].name",
          message: 'Pool name "winpool" has 7 characters; Windows pool names may have at most 6.',
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
          message: `VNet "${long}" has 64 characters; with Azure CNI Overlay it becomes a node label value and may have at most 63.`,
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
          messageId: "clusterName",
          path: "name",
          message:
            'Cluster name "aks.prod" is not a valid AKS cluster name: 1 to 63 letters, digits, - and _, starting and ending with a letter or digit.',
          fixIncludes: '"aks-prod"',
        },
      ],
    },
  ],
});
