import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./pod-cidr-missing.js";

ruleTester(rule, {
  valid: [
    {
      name: "BYO CNI with a pod CIDR",
      plan: mk((d) => {
        d.network.plugin = "none";
        delete d.network.pluginMode;
      }),
    },
    {
      name: "overlay defaults its pod CIDR",
      plan: mk((d) => {
        delete d.network.podCidrs;
      }),
    },
  ],
  invalid: [
    {
      name: "BYO CNI without a pod CIDR (X5)",
      plan: mk((d) => {
        d.network.plugin = "none";
        delete d.network.pluginMode;
        delete d.network.podCidrs;
      }),
      findings: [
        {
          messageId: "byoWithoutPodCidr",
          path: "network.podCidrs",
          message:
            "BYO CNI (plugin none) has no pod CIDR; the BYO CNI guide requires one (the control plane routes to pods " +
            "with it).",
        },
      ],
    },
  ],
});
