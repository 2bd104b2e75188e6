import { mk } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./upgrade-settings-invalid.js";

ruleTester(rule, {
  valid: [
    { name: "clean: surge 10% and 1", plan: mk() },
    {
      name: "a User pool upgraded in place: maxSurge 0 with maxUnavailable 1",
      plan: mk((d) => {
        Object.assign(d.nodePools[1]!, { maxSurge: 0, maxUnavailable: 1 });
      }),
    },
    {
      name: "a User pool with maxUnavailable as a percentage",
      plan: mk((d) => {
        Object.assign(d.nodePools[1]!, { maxSurge: 0, maxUnavailable: "33%" });
      }),
    },
    {
      name: "a Spot pool with maxSurge 0 (Spot pools upgrade without surge nodes)",
      plan: mk((d) => {
        Object.assign(d.nodePools[1]!, { maxSurge: 0, priority: "Spot" });
      }),
    },
    {
      name: "a System pool stating the default maxUnavailable 0",
      plan: mk((d) => {
        Object.assign(d.nodePools[0]!, { maxUnavailable: 0 });
      }),
    },
  ],
  invalid: [
    {
      name: "maxSurge 0 alone (maxUnavailable defaults to 0): AKS refuses it",
      plan: mk((d) => {
        d.nodePools[1]!.maxSurge = 0;
      }),
      findings: [
        {
          messageId: "noSurgeNoUnavailable",
          path: "nodePools[1].maxSurge",
          message:
            'Pool "user" has maxSurge 0 and maxUnavailable 0 (the default); AKS requires maxSurge above 0 when ' +
            "maxUnavailable is 0, so the pool could not upgrade.",
        },
      ],
    },
    {
      name: "maxSurge 0 and maxUnavailable 0, both stated",
      plan: mk((d) => {
        Object.assign(d.nodePools[1]!, { maxSurge: "0", maxUnavailable: 0 });
      }),
      findings: [
        {
          messageId: "noSurgeNoUnavailable",
          path: "nodePools[1].maxSurge",
          message:
            'Pool "user" has maxSurge 0 and maxUnavailable 0; AKS requires maxSurge above 0 when maxUnavailable is ' +
            "0, so the pool could not upgrade.",
        },
      ],
    },
    {
      name: "maxUnavailable on the System pool",
      plan: mk((d) => {
        Object.assign(d.nodePools[0]!, { maxSurge: 0, maxUnavailable: 1 });
      }),
      findings: [
        {
          messageId: "unavailableOnSystemPool",
          path: "nodePools[0].maxUnavailable",
          message: 'System pool "system" sets maxUnavailable 1; AKS does not allow maxUnavailable on System pools.',
        },
      ],
    },
  ],
});
