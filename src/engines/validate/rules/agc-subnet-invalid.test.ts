import type { PlanInput } from "../../plan/index.js";
import { mk, type Draft } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./agc-subnet-invalid.js";

const DELEGATION = "Microsoft.ServiceNetworking/trafficControllers";

/** The clean Overlay plan with AGC on subnet "agc" (`cidr`, delegated). */
const agc = (cidr = "10.224.5.0/24", edit: (d: Draft) => void = () => {}): PlanInput => ({
  ...mk((d) => {
    d.vnet.subnets.push({ name: "agc", cidr, delegation: DELEGATION });
    edit(d);
  }),
  addons: { applicationGatewayForContainers: { subnet: "agc" } },
});

const nodeSubnet = (d: Draft) => {
  delete d.network.pluginMode;
  delete d.network.podCidrs;
};

ruleTester(rule, {
  valid: [
    { name: "no AGC", plan: mk() },
    { name: "Overlay with a delegated /24", plan: agc() },
    { name: "Azure CNI node subnet with a /23", plan: agc("10.224.6.0/23", nodeSubnet) },
  ],
  invalid: [
    {
      name: "kubenet",
      plan: agc("10.224.5.0/24", (d) => {
        d.network.plugin = "kubenet";
        delete d.network.pluginMode;
      }),
      findings: [
        {
          messageId: "model",
          path: "addons.applicationGatewayForContainers.subnet",
          message: "Application Gateway for Containers is not supported with kubenet.",
        },
      ],
    },
    {
      name: "a subnet not in the VNet",
      plan: { ...mk(), addons: { applicationGatewayForContainers: { subnet: "agc" } } },
      findings: [
        {
          messageId: "unknownSubnet",
          path: "addons.applicationGatewayForContainers.subnet",
          message: 'addons.applicationGatewayForContainers.subnet names "agc", which is not in vnet.subnets.',
        },
      ],
    },
    {
      name: "not delegated",
      plan: agc("10.224.5.0/24", (d) => delete d.vnet.subnets[2]!.delegation),
      findings: [
        {
          messageId: "notDelegated",
          path: "vnet.subnets[2]",
          message:
            'Application Gateway for Containers subnet "agc" is not delegated; the association needs it delegated to ' +
            "Microsoft.ServiceNetworking/trafficControllers, and AKS rejects the cluster otherwise.",
        },
      ],
    },
    {
      name: "Overlay with a /23",
      plan: agc("10.224.6.0/23"),
      findings: [
        {
          messageId: "overlayNotSlash24",
          path: "vnet.subnets[2].cidr",
          message:
            'Application Gateway for Containers subnet "agc" is 10.224.6.0/23; with Azure CNI Overlay it must be ' +
            "exactly a /24 (one deployment per subnet), and a larger one fails to reconcile.",
        },
      ],
    },
    {
      name: "Azure CNI node subnet with a /25",
      plan: agc("10.224.5.0/25", nodeSubnet),
      findings: [
        {
          messageId: "tooSmall",
          path: "vnet.subnets[2].cidr",
          message:
            'Application Gateway for Containers subnet "agc" (10.224.5.0/25) has 123 usable addresses; the ' +
            "association needs 250 free (a /24 or larger).",
        },
      ],
    },
    {
      name: "a pool in the AGC subnet",
      plan: agc("10.224.5.0/24", (d) => (d.nodePools[1]!.subnet = "agc")),
      findings: [
        {
          messageId: "shared",
          path: "nodePools[1].subnet",
          message:
            'Application Gateway for Containers subnet "agc" is also named at nodePools[1].subnet; a delegated ' +
            "subnet holds only the service it is delegated to.",
        },
      ],
    },
  ],
});
