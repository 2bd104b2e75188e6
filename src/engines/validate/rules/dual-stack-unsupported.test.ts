import { ruleTester } from "../testing/rule-tester.js";
import { mk, type Draft } from "../testing/plans.js";
import rule from "./dual-stack-unsupported.js";

const dual = (d: Draft) => {
  d.network.ipFamilies = ["IPv4", "IPv6"];
  delete d.network.podCidrs;
  delete d.network.serviceCidrs;
};

ruleTester(rule, {
  valid: [
    { name: "single-stack", plan: mk() },
    { name: "overlay dual-stack", plan: mk(dual) },
    {
      name: "overlay + Cilium dual-stack on 1.29",
      plan: mk((d) => {
        dual(d);
        d.network.dataplane = "cilium";
        d.network.policy = "cilium";
        d.kubernetesVersion = "1.29";
      }),
    },
  ],
  invalid: [
    {
      name: "node subnet dual-stack",
      plan: mk((d) => {
        dual(d);
        delete d.network.pluginMode;
      }),
      findings: [
        {
          messageId: "model",
          path: "network.ipFamilies",
          message:
            "Dual-stack (IPv4 + IPv6) is set with azure-cni-node-subnet; current AKS docs support dual-stack only " +
            "with Azure CNI Overlay.",
        },
      ],
    },
    {
      name: "kubenet dual-stack (REST example)",
      plan: mk((d) => {
        dual(d);
        d.network.plugin = "kubenet";
        delete d.network.pluginMode;
      }),
      findings: [
        {
          messageId: "kubenet",
          path: "network.ipFamilies",
          severity: "warning",
          message:
            "Dual-stack (IPv4 + IPv6) is set with kubenet; kubenet dual-stack existed but its docs were removed and " +
            "AKS now documents dual-stack only with Azure CNI Overlay.",
        },
      ],
    },
    {
      name: "static block allocation dual-stack: in preview, a warning (it was an error)",
      plan: mk((d) => {
        dual(d);
        delete d.network.pluginMode;
        d.vnet.subnets.push({ name: "aks-pods", cidr: "10.225.0.0/16" });
        for (const p of d.nodePools) Object.assign(p, { podSubnet: "aks-pods", podIpAllocation: "StaticBlock" });
      }),
      findings: [
        {
          messageId: "staticBlockPreview",
          path: "network.ipFamilies",
          severity: "warning",
          message:
            "Dual-stack (IPv4 + IPv6) with Azure CNI static block allocation is new and in preview (AKS release " +
            "2026-06-19, Azure/AKS#5722); the dual-stack page still documents Overlay only.",
        },
      ],
    },
    {
      name: "Azure NPM on dual-stack",
      plan: mk((d) => {
        dual(d);
        d.network.policy = "azure";
      }),
      findings: [
        {
          messageId: "policy",
          path: "network.policy",
          message: "Network policy azure does not support dual-stack clusters.",
        },
      ],
    },
    {
      name: "Cilium dual-stack on 1.28",
      plan: mk((d) => {
        dual(d);
        d.network.dataplane = "cilium";
        d.kubernetesVersion = "1.28";
      }),
      findings: [
        {
          messageId: "ciliumVersion",
          path: "kubernetesVersion",
          message: "Dual-stack with the Cilium dataplane needs Kubernetes 1.29 or later (this plan: 1.28).",
        },
      ],
    },
  ],
});
