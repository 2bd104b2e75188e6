import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./policy-unsupported-for-network.js";

ruleTester(rule, {
  valid: [
    { name: "overlay, no policy", plan: mk() },
    {
      name: "overlay with Azure NPM",
      plan: mk((d) => {
        d.network.policy = "azure";
      }),
    },
    {
      name: "overlay + Cilium with Cilium policy",
      plan: mk((d) => {
        d.network.dataplane = "cilium";
        d.network.policy = "cilium";
      }),
    },
    {
      name: "kubenet with Calico",
      plan: mk((d) => {
        d.network.plugin = "kubenet";
        delete d.network.pluginMode;
        d.network.policy = "calico";
      }),
    },
  ],
  invalid: [
    {
      name: "kubenet with Azure NPM",
      plan: mk((d) => {
        d.network.plugin = "kubenet";
        delete d.network.pluginMode;
        d.network.policy = "azure";
      }),
      findings: [
        {
          messageId: "kubenetPolicy",
          path: "network.policy",
          message: "Network policy azure is not supported with kubenet; kubenet supports only Calico.",
        },
      ],
    },
    {
      name: "BYO CNI with Calico",
      plan: mk((d) => {
        d.network.plugin = "none";
        delete d.network.pluginMode;
        d.network.policy = "calico";
      }),
      findings: [
        {
          messageId: "byoPolicy",
          path: "network.policy",
          message:
            "Network policy calico is set with BYO CNI (plugin none); AKS installs no policy engine there, your CNI " +
            "enforces policy.",
        },
      ],
    },
    {
      name: "Cilium dataplane with Calico",
      plan: mk((d) => {
        d.network.dataplane = "cilium";
        d.network.policy = "calico";
      }),
      findings: [
        {
          messageId: "ciliumEngine",
          path: "network.policy",
          message:
            "Network policy calico is set with the Cilium dataplane; Cilium enforces network policy itself and does " +
            "not run Azure NPM or Calico.",
        },
      ],
    },
    {
      name: "Cilium policy on the Azure dataplane (X8)",
      plan: mk((d) => {
        d.network.policy = "cilium";
      }),
      findings: [
        {
          messageId: "ciliumPolicyDataplane",
          path: "network.policy",
          message: "Network policy cilium is set without the Cilium dataplane; Cilium policy needs dataplane cilium.",
        },
      ],
    },
    {
      name: "Calico on Kubernetes 1.29 (rejected since the 2026-05-29 release)",
      plan: mk((d) => {
        d.network.policy = "calico";
        d.kubernetesVersion = "1.29";
      }),
      findings: [
        {
          messageId: "oldVersion",
          path: "network.policy",
          message:
            "Network policy calico is set on Kubernetes 1.29; since the 2026-05-29 release AKS rejects installing " +
            "Azure NPM or Calico on Kubernetes older than 1.30.",
        },
      ],
    },
  ],
});
