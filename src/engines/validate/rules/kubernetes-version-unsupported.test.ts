import { ruleTester } from "../testing/rule-tester.js";
import { mk, type Draft } from "../testing/plans.js";
import rule from "./kubernetes-version-unsupported.js";

// The calendar is kb KUBERNETES_SUPPORT (1.33: community support to 2026-07-31, LTS to 2027-07-31; 1.35: to
// 2027-03-31; 1.37: AKS GA 2026-10). Every case gives its day: the rule never reads the clock.
const version =
  (v: string, tier?: "Free" | "Standard" | "Premium") =>
  (d: Draft): void => {
    d.kubernetesVersion = v;
    if (tier) Object.assign(d, { sku: { tier } });
  };

ruleTester(rule, {
  valid: [
    { name: "no day given: nothing judged (library default)", plan: mk(version("1.29")) },
    { name: "1.36 on 2026-12-07: 205 days of community support left", plan: mk(version("1.36")), asOf: "2026-12-07" },
    { name: "1.35 on 2026-12-30: 91 days left, not yet near", plan: mk(version("1.35")), asOf: "2026-12-30" },
    { name: "1.28: not in the calendar, not judged", plan: mk(version("1.28")), asOf: "2026-12-07" },
    {
      name: "no kubernetesVersion: AKS's default is supported",
      plan: mk((d) => {
        delete d.kubernetesVersion;
      }),
      asOf: "2026-12-07",
    },
  ],
  invalid: [
    {
      name: "1.29 on 2026-12-07: past community and long-term support",
      plan: mk(version("1.29")),
      asOf: "2026-12-07",
      findings: [
        {
          messageId: "endOfLife",
          path: "kubernetesVersion",
          message:
            "Kubernetes 1.29 is out of AKS support on 2026-12-07: community support ended on 2025-03-31 and " +
            "long-term support on 2026-04-30.",
          fixIncludes: "a version AKS supports on 2026-12-07: 1.35, 1.36, 1.37.",
        },
      ],
    },
    {
      name: "1.33 on 2026-12-07, Free tier: LTS only, which needs Premium",
      plan: mk(version("1.33")),
      asOf: "2026-12-07",
      findings: [
        {
          messageId: "ltsOnlyNotPremium",
          path: "kubernetesVersion",
          message:
            "Kubernetes 1.33 left community support on 2026-07-31; on 2026-12-07 only long-term support covers it " +
            "(until 2027-07-31), which needs the Premium tier, and this plan's tier is Free.",
          fixIncludes: "sku.tier Premium with the AKSLongTermSupport support plan",
        },
      ],
    },
    {
      name: "1.33 on 2026-12-07, Premium tier: LTS only (a warning)",
      plan: mk(version("1.33", "Premium")),
      asOf: "2026-12-07",
      findings: [
        {
          messageId: "ltsOnly",
          path: "kubernetesVersion",
          severity: "warning",
          message:
            "Kubernetes 1.33 left community support on 2026-07-31; on 2026-12-07 only long-term support covers it, " +
            "until 2027-07-31, with the AKSLongTermSupport support plan.",
        },
      ],
    },
    {
      name: "1.33 the day after its community support ends: LTS only",
      plan: mk(version("1.33", "Standard")),
      asOf: "2026-08-01",
      findings: [
        {
          messageId: "ltsOnlyNotPremium",
          path: "kubernetesVersion",
          message:
            "Kubernetes 1.33 left community support on 2026-07-31; on 2026-08-01 only long-term support covers it " +
            "(until 2027-07-31), which needs the Premium tier, and this plan's tier is Standard.",
        },
      ],
    },
    {
      name: "1.37 on 2026-09-15: before its AKS GA month",
      plan: mk(version("1.37.1")),
      asOf: "2026-09-15",
      findings: [
        {
          messageId: "preview",
          path: "kubernetesVersion",
          severity: "warning",
          message: "Kubernetes 1.37.1 is not generally available on AKS on 2026-09-15 (AKS GA: 2026-10).",
          fixIncludes: "one of 1.34, 1.35, 1.36",
        },
      ],
    },
    {
      name: "1.35 on 2026-12-31: exactly 90 days left (near)",
      plan: mk(version("1.35")),
      asOf: "2026-12-31",
      findings: [
        {
          messageId: "nearEnd",
          path: "kubernetesVersion",
          severity: "info",
          message:
            "Kubernetes 1.35's community support on AKS ends on 2027-03-31, 90 days after 2026-12-31; then only " +
            "long-term support (Premium tier) covers it.",
          fixIncludes: "before 2027-03-31 (supported on 2026-12-31: 1.35, 1.36, 1.37)",
        },
      ],
    },
  ],
});
