import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./subnet-reference-invalid.js";

ruleTester(rule, {
  valid: [
    { name: "clean", plan: mk() },
    {
      name: "no VNet described (an az aks show without its VNet)",
      plan: (() => {
        const d = mk();
        const { vnet: _v, ...rest } = d;
        return rest;
      })(),
    },
    {
      name: "pod subnet on Azure CNI",
      plan: mk((d) => {
        delete d.network.pluginMode;
        delete d.network.podCidrs;
        d.vnet.subnets.push({ name: "pods", cidr: "10.225.0.0/16" });
        d.nodePools[1]!.podSubnet = "pods";
      }),
    },
  ],
  invalid: [
    {
      name: "unknown subnet",
      plan: mk((d) => {
        d.nodePools[1]!.subnet = "aks-node";
      }),
      findings: [
        {
          messageId: "unknownSubnet",
          path: "nodePools[1].subnet",
          message: 'Pool "user" names subnet "aks-node", which is not in vnet.subnets.',
          fixIncludes: "aks-nodes, shared",
        },
      ],
    },
    {
      name: "pool without a subnet",
      plan: mk((d) => {
        delete d.nodePools[1]!.subnet;
      }),
      findings: [
        {
          messageId: "noSubnet",
          path: "nodePools[1]",
          severity: "warning",
          message:
            'Pool "user" names no subnet while the plan describes VNet vnet-aks; its node addresses are not checked.',
        },
      ],
    },
    {
      name: "delegated node subnet",
      plan: mk((d) => {
        d.vnet.subnets[1]!.delegation = "Microsoft.ContainerInstance/containerGroups";
        d.nodePools[1]!.subnet = "shared";
      }),
      findings: [
        {
          messageId: "delegated",
          path: "nodePools[1].subnet",
          message:
            'Pool "user" uses subnet "shared", which is delegated to Microsoft.ContainerInstance/containerGroups; ' +
            "AKS node subnets must not be delegated.",
        },
      ],
    },
    {
      name: "pod subnet on overlay",
      plan: mk((d) => {
        d.nodePools[1]!.podSubnet = "shared";
      }),
      findings: [
        {
          messageId: "podSubnetModel",
          path: "nodePools[1].podSubnet",
          message:
            'Pool "user" names pod subnet "shared", but the cluster uses azure-cni-overlay; pod subnets need plugin ' +
            "azure without pluginMode overlay.",
        },
      ],
    },
    {
      name: "allocation mode without pod subnet",
      plan: mk((d) => {
        d.nodePools[1]!.podIpAllocation = "StaticBlock";
      }),
      findings: [
        {
          messageId: "allocationWithoutPodSubnet",
          path: "nodePools[1].podIpAllocation",
          message: 'Pool "user" sets podIpAllocation StaticBlock without a pod subnet.',
        },
      ],
    },
    {
      name: "static block on Kubernetes 1.27",
      plan: mk((d) => {
        d.kubernetesVersion = "1.27";
        delete d.network.pluginMode;
        delete d.network.podCidrs;
        d.vnet.subnets.push({ name: "pods", cidr: "10.225.0.0/16" });
        d.nodePools[1]!.podSubnet = "pods";
        d.nodePools[1]!.podIpAllocation = "StaticBlock";
      }),
      findings: [
        {
          messageId: "staticBlockVersion",
          path: "nodePools[1].podIpAllocation",
          message: 'Pool "user" uses static block allocation, which needs Kubernetes 1.28 or later (this plan: 1.27).',
        },
      ],
    },
  ],
});
