import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./value-not-understood.js";

ruleTester(rule, {
  valid: [
    { name: "clean", plan: mk() },
    {
      name: "patch version",
      plan: mk((d) => {
        d.kubernetesVersion = "1.33.2";
      }),
    },
  ],
  invalid: [
    {
      name: "YAML number 1.3",
      plan: mk((d) => {
        d.kubernetesVersion = 1.3;
      }),
      findings: [
        {
          messageId: "versionNumber",
          path: "kubernetesVersion",
          severity: "warning",
          message: "kubernetesVersion is the number 1.3; YAML reads 1.30 as 1.3, so write versions as strings.",
        },
      ],
    },
    {
      name: "not a version",
      plan: mk((d) => {
        d.kubernetesVersion = "latest";
      }),
      findings: [
        {
          messageId: "version",
          path: "kubernetesVersion",
          message:
            'kubernetesVersion "latest" is not a version like "1.33"; defaults that depend on the version were taken ' +
            "for a current version.",
        },
      ],
    },
    {
      name: "surge in nodes with a unit",
      plan: mk((d) => {
        d.nodePools[0]!.maxSurge = "2 nodes";
      }),
      findings: [
        {
          messageId: "surge",
          path: "nodePools[0].maxSurge",
          message:
            'Pool "system" sets maxSurge "2 nodes", which is neither a node count nor a percentage; 1 node was ' +
            "assumed.",
        },
      ],
    },
    {
      name: "max unavailable of 0%",
      plan: mk((d) => {
        Object.assign(d.nodePools[1]!, { maxUnavailable: "0%" });
      }),
      findings: [
        {
          messageId: "unavailable",
          path: "nodePools[1].maxUnavailable",
          message:
            'Pool "user" sets maxUnavailable "0%", which is neither a node count nor a percentage of 1% to 100%; 0 ' +
            "nodes were assumed.",
        },
      ],
    },
  ],
});
