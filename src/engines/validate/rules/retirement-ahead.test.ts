import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./retirement-ahead.js";

ruleTester(rule, {
  valid: [
    { name: "overlay, no policy", plan: mk() },
    {
      name: "Cilium policy",
      plan: mk((d) => {
        d.network.dataplane = "cilium";
        d.network.policy = "cilium";
      }),
    },
  ],
  invalid: [
    {
      name: "kubenet",
      plan: mk((d) => {
        d.network.plugin = "kubenet";
        delete d.network.pluginMode;
      }),
      findings: [
        {
          messageId: "kubenet",
          path: "network.plugin",
          message: "kubenet retires on 2028-03-31; AKS will stop supporting kubenet clusters then.",
        },
      ],
    },
    {
      name: "Azure NPM with a Windows pool",
      plan: mk((d) => {
        d.network.policy = "azure";
        d.nodePools[1]!.os = "Windows2025";
      }),
      findings: [
        {
          messageId: "npmLinux",
          path: "network.policy",
          message: "Azure Network Policy Manager on Linux retires on 2028-09-30.",
        },
        {
          messageId: "npmWindows",
          path: "network.policy",
          severity: "error",
          message: "Azure Network Policy Manager on Windows retired on 2026-09-30 (no new onboarding).",
        },
      ],
    },
    {
      name: "Windows Server 2022 pool",
      plan: mk((d) => {
        d.nodePools[1]!.os = "Windows2022";
        d.nodePools[1]!.name = "win";
      }),
      findings: [
        {
          messageId: "ws2022",
          path: "nodePools[1].os",
          message:
            'Pool "win" runs Windows Server 2022, which AKS retires on 2028-06-30 (earlier release notes said ' +
            "2027-03-15).",
        },
      ],
    },
  ],
});
