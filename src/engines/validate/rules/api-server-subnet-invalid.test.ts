import type { PlanInput } from "../../plan/index.js";
import { mk, type Draft } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./api-server-subnet-invalid.js";

const DELEGATION = "Microsoft.ContainerService/managedClusters";

/** The clean plan with API Server VNet Integration on subnet "aks-api" (`cidr`, delegated unless told). */
const api = (
  extra: Partial<PlanInput> = {},
  cidr = "10.224.4.0/28",
  edit: (d: Draft) => void = () => {},
): PlanInput => ({
  ...mk((d) => {
    d.vnet.subnets.push({ name: "aks-api", cidr, delegation: DELEGATION });
    edit(d);
  }),
  apiServer: { vnetIntegration: true, subnet: "aks-api" },
  ...extra,
});

ruleTester(rule, {
  valid: [
    { name: "no API Server VNet Integration", plan: mk() },
    { name: "a delegated /28", plan: api() },
    {
      name: "a /27 shared by two clusters (18 of 27)",
      plan: api({ apiServer: { vnetIntegration: true, subnet: "aks-api", clustersSharingSubnet: 2 } }, "10.224.4.0/27"),
    },
    {
      name: "managed VNet: AKS creates the subnet",
      plan: (() => {
        const { vnet: _v, ...rest } = mk((d) => d.nodePools.forEach((p) => delete p.subnet));
        return { ...rest, apiServer: { vnetIntegration: true } };
      })(),
    },
  ],
  invalid: [
    {
      name: "own VNet without an API server subnet",
      plan: { ...mk(), apiServer: { vnetIntegration: true } },
      findings: [
        {
          messageId: "noSubnet",
          path: "apiServer",
          message:
            "API Server VNet Integration is on in your own VNet (vnet-aks), but apiServer.subnet names no subnet; " +
            "with your own VNet you must create the API server subnet.",
        },
      ],
    },
    {
      name: "a subnet that is not in the VNet",
      plan: { ...mk(), apiServer: { vnetIntegration: true, subnet: "nope" } },
      findings: [
        {
          messageId: "unknownSubnet",
          path: "apiServer.subnet",
          message: 'apiServer.subnet names "nope", which is not in vnet.subnets.',
        },
      ],
    },
    {
      name: "not delegated",
      plan: api({}, "10.224.4.0/28", (d) => delete d.vnet.subnets[2]!.delegation),
      findings: [
        {
          messageId: "notDelegated",
          path: "vnet.subnets[2]",
          message:
            'API server subnet "aks-api" is not delegated; AKS needs it delegated to ' +
            "Microsoft.ContainerService/managedClusters.",
        },
      ],
    },
    {
      name: "delegated to another service",
      plan: api({}, "10.224.4.0/28", (d) => (d.vnet.subnets[2]!.delegation = "Microsoft.Web/serverFarms")),
      findings: [
        {
          messageId: "notDelegated",
          path: "vnet.subnets[2].delegation",
          message:
            'API server subnet "aks-api" is delegated to Microsoft.Web/serverFarms; AKS needs it delegated to ' +
            "Microsoft.ContainerService/managedClusters.",
        },
      ],
    },
    {
      name: "AKS Automatic delegates it itself: a warning",
      plan: api(
        { sku: { name: "Automatic" }, apiServer: { subnet: "aks-api" } },
        "10.224.4.0/28",
        (d) => delete d.vnet.subnets[2]!.delegation,
      ),
      findings: [
        {
          messageId: "delegatedByAutomatic",
          path: "vnet.subnets[2]",
          severity: "warning",
          message:
            'API server subnet "aks-api" is not delegated; AKS Automatic delegates it to ' +
            "Microsoft.ContainerService/managedClusters itself, which changes a subnet your infrastructure code " +
            "manages.",
        },
      ],
    },
    {
      name: "a /29",
      plan: api({}, "10.224.4.0/29"),
      findings: [
        {
          messageId: "tooSmall",
          path: "vnet.subnets[2].cidr",
          message: 'API server subnet "aks-api" is 10.224.4.0/29; the smallest API server subnet AKS supports is /28.',
          fixIncludes: "/28",
        },
      ],
    },
    {
      name: "two clusters in a /28",
      plan: api({ apiServer: { vnetIntegration: true, subnet: "aks-api", clustersSharingSubnet: 2 } }),
      findings: [
        {
          messageId: "tooFewAddresses",
          path: "vnet.subnets[2].cidr",
          message:
            'API server subnet "aks-api" (10.224.4.0/28) has 11 usable addresses, but 2 cluster(s) sharing it take ' +
            "at least 18; running out prevents API server scaling.",
        },
      ],
    },
    {
      name: "a pool in the API server subnet",
      plan: api({}, "10.224.4.0/28", (d) => (d.nodePools[1]!.subnet = "aks-api")),
      findings: [
        {
          messageId: "shared",
          path: "nodePools[1].subnet",
          message:
            'API server subnet "aks-api" is also named at nodePools[1].subnet; the API server subnet cannot be used ' +
            "for anything else.",
        },
      ],
    },
    {
      name: "a subnet without the integration",
      plan: api({ apiServer: { subnet: "aks-api" } }),
      findings: [
        {
          messageId: "notIntegrated",
          path: "apiServer.subnet",
          severity: "warning",
          message:
            'apiServer.subnet names "aks-api", but apiServer.vnetIntegration is not on, so AKS does not use the ' +
            "subnet.",
        },
      ],
    },
    {
      name: "Qatar Central",
      plan: api({ location: "qatarcentral" }),
      findings: [
        {
          messageId: "region",
          path: "location",
          message: "API Server VNet Integration is not available in qatarcentral.",
        },
      ],
    },
  ],
});
