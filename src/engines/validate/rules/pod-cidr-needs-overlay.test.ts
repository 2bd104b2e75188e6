import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./pod-cidr-needs-overlay.js";

ruleTester(rule, {
  valid: [
    { name: "overlay with a pod CIDR", plan: mk() },
    {
      name: "kubenet with a pod CIDR",
      plan: mk((d) => {
        d.network.plugin = "kubenet";
        delete d.network.pluginMode;
      }),
    },
    {
      name: "azure node subnet without a pod CIDR",
      plan: mk((d) => {
        delete d.network.pluginMode;
        delete d.network.podCidrs;
      }),
    },
    {
      name: "BYO CNI with a pod CIDR",
      plan: mk((d) => {
        d.network.plugin = "none";
        delete d.network.pluginMode;
      }),
    },
  ],
  invalid: [
    {
      name: "azure without a mode and a pod CIDR (az CLI: please specify network plugin mode overlay)",
      plan: mk((d) => {
        delete d.network.pluginMode;
      }),
      findings: [
        {
          messageId: "podCidrWithoutOverlay",
          path: "network.podCidrs",
          message:
            "Pod CIDR 10.244.0.0/16 is set with network plugin azure but without pluginMode overlay; Azure CNI " +
            "without overlay gives pods VNet addresses and takes no pod CIDR.",
        },
      ],
    },
  ],
});
