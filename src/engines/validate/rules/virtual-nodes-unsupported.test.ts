import type { PlanInput } from "../../plan/index.js";
import { mk, type Draft } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./virtual-nodes-unsupported.js";

const ACI = "Microsoft.ContainerInstance/containerGroups";

/** The clean plan on Azure CNI node subnet, with virtual nodes in subnet "aci" (delegated). */
const vn = (edit: (d: Draft) => void = () => {}): PlanInput => ({
  ...mk((d) => {
    delete d.network.pluginMode;
    delete d.network.podCidrs;
    d.vnet.subnets.push({ name: "aci", cidr: "10.225.0.0/16", delegation: ACI });
    edit(d);
  }),
  addons: { virtualNodes: { subnet: "aci" } },
});

ruleTester(rule, {
  valid: [
    { name: "no virtual nodes", plan: mk() },
    { name: "Azure CNI node subnet with a delegated subnet", plan: vn() },
  ],
  invalid: [
    {
      name: "Overlay",
      plan: vn((d) => {
        d.network.pluginMode = "overlay";
        d.network.podCidrs = ["10.244.0.0/16"];
      }),
      findings: [
        {
          messageId: "model",
          path: "addons.virtualNodes",
          message: "Virtual nodes are on, but Azure CNI Overlay does not support them.",
        },
      ],
    },
    {
      name: "dual-stack",
      plan: vn((d) => {
        d.network.ipFamilies = ["IPv4", "IPv6"];
        d.network.serviceCidrs = ["10.0.0.0/16", "fd12:3456:789a:1::/108"];
      }),
      findings: [
        {
          messageId: "ipv6",
          path: "network.ipFamilies",
          message: "Virtual nodes are on in a cluster with IPv6 (IPv4, IPv6); virtual nodes do not support IPv6.",
        },
      ],
    },
    {
      name: "a subnet not in the VNet",
      plan: { ...vn(), addons: { virtualNodes: { subnet: "nope" } } },
      findings: [
        {
          messageId: "unknownSubnet",
          path: "addons.virtualNodes.subnet",
          message: 'addons.virtualNodes.subnet names "nope", which is not in vnet.subnets.',
        },
      ],
    },
    {
      name: "not delegated",
      plan: vn((d) => delete d.vnet.subnets[2]!.delegation),
      findings: [
        {
          messageId: "notDelegated",
          path: "vnet.subnets[2]",
          severity: "warning",
          message:
            'Virtual nodes subnet "aci" is not delegated; AKS delegates it to ' +
            "Microsoft.ContainerInstance/containerGroups itself, which changes a subnet your infrastructure code " +
            "manages.",
        },
      ],
    },
    {
      name: "delegated to another service",
      plan: vn((d) => (d.vnet.subnets[2]!.delegation = "Microsoft.Web/serverFarms")),
      findings: [
        {
          messageId: "otherDelegation",
          path: "vnet.subnets[2].delegation",
          message:
            'Virtual nodes subnet "aci" is delegated to Microsoft.Web/serverFarms; ACI needs ' +
            "Microsoft.ContainerInstance/containerGroups.",
        },
      ],
    },
    {
      name: "a pool in the ACI subnet",
      plan: vn((d) => (d.nodePools[1]!.subnet = "aci")),
      findings: [
        {
          messageId: "shared",
          path: "nodePools[1].subnet",
          message:
            'Virtual nodes subnet "aci" is also named at nodePools[1].subnet; a delegated subnet holds only the ' +
            "service it is delegated to.",
        },
      ],
    },
  ],
});
