import type { PlanInput } from "../../plan/index.js";
import { mk, type Draft } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./automatic-network-invalid.js";

/** AKS Automatic in the clean plan's VNet with its three subnets. */
const auto = (edit: (d: Draft) => void = () => {}, extra: Partial<PlanInput> = {}): PlanInput => ({
  ...mk((d) => {
    d.network.dataplane = "cilium";
    d.network.policy = "cilium";
    d.vnet.subnets.push({
      name: "api",
      cidr: "10.224.12.0/28",
      delegation: "Microsoft.ContainerService/managedClusters",
    });
    d.vnet.subnets.push({ name: "system", cidr: "10.224.12.64/26" });
    edit(d);
  }),
  sku: { name: "Automatic" },
  apiServer: { subnet: "api" },
  hostedSystem: { systemNodeSubnet: "system", nodeSubnet: "aks-nodes" },
  ...extra,
});

ruleTester(rule, {
  valid: [
    { name: "AKS Standard", plan: mk() },
    { name: "Automatic with its subnets", plan: auto() },
    {
      name: "Automatic in the managed VNet",
      plan: (() => {
        const { vnet: _v, ...rest } = mk((d) => d.nodePools.forEach((p) => delete p.subnet));
        return { ...rest, network: { outboundType: "managedNATGateway" }, sku: { name: "Automatic" } } as PlanInput;
      })(),
    },
  ],
  invalid: [
    {
      name: "the Azure dataplane",
      plan: auto((d) => (d.network.dataplane = "azure")),
      findings: [
        {
          messageId: "network",
          path: "network.dataplane",
          message:
            "AKS Automatic always uses Azure CNI Overlay with Cilium, but the plan sets network.dataplane azure.",
          fixIncludes: "cilium",
        },
      ],
    },
    {
      name: "a Windows pool",
      plan: auto((d) => d.nodePools.push({ name: "win", os: "Windows2022", count: 2, subnet: "aks-nodes" })),
      findings: [
        {
          messageId: "windows",
          path: "nodePools[2].os",
          message: 'AKS Automatic does not support Windows nodes, but pool "win" runs Windows2022.',
        },
      ],
    },
    {
      name: "own VNet without its subnets",
      plan: auto(() => {}, { apiServer: undefined, hostedSystem: undefined }),
      findings: [
        {
          messageId: "subnets",
          path: "vnet",
          message:
            "AKS Automatic in your own VNet needs an API server subnet, a system node subnet, a user node subnet, " +
            "which the plan does not name.",
        },
      ],
    },
    {
      name: "a managed NAT gateway in your own VNet",
      plan: auto((d) => (d.network.outboundType = "managedNATGateway")),
      findings: [
        {
          messageId: "outbound",
          path: "network.outboundType",
          message:
            "AKS Automatic in your own VNet takes outbound type loadBalancer, userAssignedNATGateway, " +
            "userDefinedRouting, not managedNATGateway.",
        },
      ],
    },
    {
      name: "a /27 system node subnet",
      plan: auto((d) => (d.vnet.subnets[d.vnet.subnets.length - 1]!.cidr = "10.224.12.64/27")),
      findings: [
        {
          messageId: "systemTooSmall",
          path: "vnet.subnets[3].cidr",
          message:
            'AKS Automatic\'s system node subnet "system" is 10.224.12.64/27; ' +
            "the managed system node pools need /26 or larger.",
        },
      ],
    },
    {
      name: "a delegated system node subnet",
      plan: auto((d) => (d.vnet.subnets[d.vnet.subnets.length - 1]!.delegation = "Microsoft.Web/serverFarms")),
      findings: [
        {
          messageId: "systemDelegated",
          path: "vnet.subnets[3].delegation",
          message:
            'AKS Automatic\'s system node subnet "system" is delegated to Microsoft.Web/serverFarms; ' +
            "it must not be delegated.",
        },
      ],
    },
    {
      name: "the system node subnet is the user node subnet",
      plan: auto(() => {}, { hostedSystem: { systemNodeSubnet: "system", nodeSubnet: "system" } }),
      findings: [
        {
          messageId: "systemIsNodeSubnet",
          path: "hostedSystem.nodeSubnet",
          message:
            'hostedSystem names "system" as both the system node subnet and the user node subnet; they must differ.',
        },
      ],
    },
    {
      name: "manual node provisioning",
      plan: auto(() => {}, { nodeProvisioning: { mode: "Manual" } }),
      findings: [
        {
          messageId: "manualProvisioning",
          path: "nodeProvisioning.mode",
          message: "AKS Automatic manages its nodes with node auto-provisioning, but nodeProvisioning.mode is Manual.",
        },
      ],
    },
  ],
});
