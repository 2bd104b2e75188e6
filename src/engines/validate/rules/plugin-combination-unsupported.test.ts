import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./plugin-combination-unsupported.js";

ruleTester(rule, {
  valid: [
    {
      name: "azure overlay with Cilium",
      plan: mk((d) => {
        d.network.dataplane = "cilium";
        d.network.policy = "cilium";
      }),
    },
    {
      name: "Cilium on node subnet (CLI ≥ 2.69)",
      plan: mk((d) => {
        delete d.network.pluginMode;
        delete d.network.podCidrs;
        d.network.dataplane = "cilium";
      }),
    },
    {
      name: "no plugin and no policy",
      plan: mk((d) => {
        delete d.network.plugin;
        delete d.network.policy;
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
      name: "kubenet with overlay",
      plan: mk((d) => {
        d.network.plugin = "kubenet";
      }),
      findings: [
        {
          messageId: "overlayNeedsAzure",
          path: "network.pluginMode",
          message: "pluginMode overlay is set with network plugin kubenet; overlay applies only to the azure plugin.",
        },
      ],
    },
    {
      name: "kubenet with the Cilium dataplane",
      plan: mk((d) => {
        d.network.plugin = "kubenet";
        delete d.network.pluginMode;
        d.network.dataplane = "cilium";
      }),
      findings: [
        {
          messageId: "ciliumNeedsAzure",
          path: "network.dataplane",
          message:
            "The Cilium dataplane is set with network plugin kubenet; Azure CNI Powered by Cilium runs only on the " +
            "azure plugin (overlay, pod subnet or node subnet).",
        },
      ],
    },
    {
      name: "policy without a plugin (az CLI test ctx_3)",
      plan: mk((d) => {
        delete d.network.plugin;
        delete d.network.pluginMode;
        d.network.policy = "calico";
      }),
      findings: [
        {
          messageId: "policyNeedsPlugin",
          path: "network.policy",
          message:
            'Network policy calico is set without a network plugin; the az CLI refuses this ("Please explicitly ' +
            'specify the network plugin type").',
        },
      ],
    },
  ],
});
