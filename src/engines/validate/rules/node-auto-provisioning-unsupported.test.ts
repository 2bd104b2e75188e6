import type { PlanInput } from "../../plan/index.js";
import { mk, type Draft } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./node-auto-provisioning-unsupported.js";

type Nap = NonNullable<PlanInput["nodeProvisioning"]>;

/** The clean Overlay plan with node auto-provisioning on (one NodePool of 20 nodes in the node subnet). */
const nap = (edit: (d: Draft) => void = () => {}, np: Partial<Nap> = {}): PlanInput => ({
  ...mk(edit),
  nodeProvisioning: { mode: "Auto", pools: [{ name: "default", maxNodes: 20 }], ...np },
});

ruleTester(rule, {
  valid: [
    { name: "no NAP", plan: mk() },
    { name: "Overlay", plan: nap() },
    {
      name: "Overlay with Cilium",
      plan: nap((d) => ((d.network.dataplane = "cilium"), (d.network.policy = "cilium"))),
    },
    {
      name: "Azure CNI node subnet",
      plan: nap((d) => {
        delete d.network.pluginMode;
        delete d.network.podCidrs;
      }),
    },
    {
      name: "a NodePool on a named subnet",
      plan: nap(() => {}, { pools: [{ name: "gpu", maxNodes: 4, subnet: "shared" }] }),
    },
  ],
  invalid: [
    {
      name: "dynamic pod subnet",
      plan: nap((d) => {
        delete d.network.pluginMode;
        delete d.network.podCidrs;
        d.vnet.subnets.push({ name: "pods", cidr: "10.225.0.0/16" });
        d.nodePools[0]!.podSubnet = "pods";
      }),
      findings: [
        {
          messageId: "model",
          path: "nodeProvisioning",
          message: "Node auto-provisioning is on, but it does not support Azure CNI Pod Subnet (dynamic).",
        },
      ],
    },
    {
      name: "Calico",
      plan: nap((d) => (d.network.policy = "calico")),
      findings: [
        {
          messageId: "calico",
          path: "network.policy",
          message: "Node auto-provisioning is on with the Calico network policy, which NAP does not support.",
        },
      ],
    },
    {
      name: "a Windows pool",
      plan: nap((d) => d.nodePools.push({ name: "win", os: "Windows2022", count: 2, subnet: "aks-nodes" })),
      findings: [
        {
          messageId: "windows",
          path: "nodePools[2].os",
          message:
            'Node auto-provisioning is on and pool "win" runs Windows2022; NAP does not support Windows node pools.',
        },
      ],
    },
    {
      name: "dual-stack",
      plan: nap((d) => {
        d.network.ipFamilies = ["IPv4", "IPv6"];
        d.network.podCidrs = ["10.244.0.0/16", "fd12:3456:789a::/64"];
        d.network.serviceCidrs = ["10.0.0.0/16", "fd12:3456:789a:1::/108"];
      }),
      findings: [
        {
          messageId: "ipv6",
          path: "network.ipFamilies",
          message:
            "Node auto-provisioning is on in a cluster with IPv6 (IPv4, IPv6); NAP does not support IPv6 clusters.",
        },
      ],
    },
    {
      name: "a NodePool subnet not in the VNet",
      plan: nap(() => {}, { pools: [{ name: "gpu", maxNodes: 4, subnet: "gpu-nodes" }] }),
      findings: [
        {
          messageId: "unknownSubnet",
          path: "nodeProvisioning.pools[0].subnet",
          message:
            'NodePool "gpu" names subnet "gpu-nodes" (its AKSNodeClass vnetSubnetID), which is not in vnet.subnets.',
        },
      ],
    },
    {
      name: "pools with mode Manual",
      plan: nap(() => {}, { mode: "Manual" }),
      findings: [
        {
          messageId: "manual",
          path: "nodeProvisioning.mode",
          severity: "warning",
          message:
            "nodeProvisioning.pools lists NodePools, but nodeProvisioning.mode is Manual, so no node is " +
            "auto-provisioned.",
        },
      ],
    },
  ],
});
