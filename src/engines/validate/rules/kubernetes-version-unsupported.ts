import { KUBERNETES_SUPPORT, kubernetesSupportOn, sourceUrls } from "../../../kb/index.js";
import { defineRule } from "../rule.js";

/** Days before the end of community support from which the rule says it is near (aksnet's choice, no AKS figure). */
const NEAR_DAYS = 90;

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The minors in community support on `day`, oldest first, as "1.35, 1.36, 1.37". */
function supportedOn(day: string): string {
  const minors = KUBERNETES_SUPPORT.releases.value
    .filter((r) => kubernetesSupportOn(r.minor, day).status === "supported")
    .map((r) => r.minor);
  return minors.length > 0 ? minors.join(", ") : "none in aksnet's calendar (see the AKS release calendar)";
}

export default defineRule({
  meta: {
    id: "kubernetes-version-unsupported",
    family: "retirement",
    severity: "error",
    description:
      "With check --as-of DATE: the plan's kubernetesVersion on that day in AKS's calendar: before its AKS GA, past " +
      "community support (then only long-term support on the Premium tier), past both, or near the end of " +
      "community support.",
    messages: {
      endOfLife: {
        message:
          "Kubernetes {version} is out of AKS support on {asOf}: community support ended on {endOfLife} and " +
          "long-term support on {ltsEndOfLife}.",
        fix: "Set kubernetesVersion to a version AKS supports on {asOf}: {supported}.",
      },
      ltsOnlyNotPremium: {
        message:
          "Kubernetes {version} left community support on {endOfLife}; on {asOf} only long-term support covers it " +
          "(until {ltsEndOfLife}), which needs the Premium tier, and this plan's tier is {tier}.",
        fix:
          "Set kubernetesVersion to one of {supported}, or use sku.tier Premium with the AKSLongTermSupport support " +
          "plan.",
      },
      ltsOnly: {
        message:
          "Kubernetes {version} left community support on {endOfLife}; on {asOf} only long-term support covers it, " +
          "until {ltsEndOfLife}, with the AKSLongTermSupport support plan.",
        fix: "Make sure the cluster has the AKSLongTermSupport support plan, or use one of {supported}.",
        severity: "warning",
      },
      preview: {
        message: "Kubernetes {version} is not generally available on AKS on {asOf} (AKS GA: {aksGa}).",
        fix: "Set kubernetesVersion to one of {supported}, or plan for a preview version's limits.",
        severity: "warning",
      },
      nearEnd: {
        message:
          "Kubernetes {version}'s community support on AKS ends on {endOfLife}, {days} days after {asOf}; then " +
          "only long-term support (Premium tier) covers it.",
        fix: "Plan the upgrade to a newer minor before {endOfLife} (supported on {asOf}: {supported}).",
        severity: "info",
      },
    },
    sources: sourceUrls(KUBERNETES_SUPPORT.releases, KUBERNETES_SUPPORT.ltsTier, KUBERNETES_SUPPORT.supportedMinors),
    checked: "2026-12-07",
    assumes:
      "Only with a day to judge on (check --as-of): without one the rule reports nothing. An end of life the " +
      "calendar gives as a month is its last day. 'Near' is 90 days before the end of community support, " +
      "aksnet's choice (AKS names no such figure). A version not in aksnet's calendar (1.29 to 1.37) is not " +
      "judged.",
  },
  check({ plan, asOf, report }) {
    const v = plan.kubernetesVersion;
    if (asOf === undefined || v === undefined) return;
    const s = kubernetesSupportOn(v, asOf);
    if (s.status === "unknown") return;
    const r = s.release;
    const data = {
      version: v.text,
      asOf,
      endOfLife: r.endOfLife,
      ltsEndOfLife: r.ltsEndOfLife,
      supported: supportedOn(asOf),
    };
    const path = ["kubernetesVersion"];
    if (s.status === "end-of-life") report({ messageId: "endOfLife", path, data });
    else if (s.status === "lts-only")
      report(
        plan.tier === KUBERNETES_SUPPORT.ltsTier.value
          ? { messageId: "ltsOnly", path, data }
          : { messageId: "ltsOnlyNotPremium", path, data: { ...data, tier: plan.tier } },
      );
    else if (s.status === "preview") report({ messageId: "preview", path, data: { ...data, aksGa: r.aksGa } });
    else {
      const days = dayNumber(r.endOfLife) - dayNumber(asOf);
      if (days <= NEAR_DAYS) report({ messageId: "nearEnd", path, data: { ...data, days } });
    }
  },
});
