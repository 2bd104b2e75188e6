import { PLATFORM_LIMITS, sourceUrls } from "../../../kb/index.js";
import { defineRule } from "../rule.js";
import { prefixFrom } from "../../../ip/index.js";
import { rangeEdit, serviceCidrFix } from "../fix-space.js";
import { serviceCidrs } from "../plan-ranges.js";

export default defineRule({
  meta: {
    id: "service-cidr-too-large",
    family: "service-cidr",
    severity: "error",
    description:
      "The service CIDR may hold at most 20 host bits: IPv4 /12 or longer (AKS docs: smaller than /12), IPv6 /108 or " +
      "longer.",
    messages: {
      tooLarge: {
        message: "Service CIDR {cidr} is too large: the mask must be /{min} or longer for IPv{family}.",
        fix: "Use a /{min} or smaller range{suggestion}; a /16 (65,536 services) is the AKS default size.",
      },
      exactly12: {
        message:
          "Service CIDR {cidr} is a /12; Kubernetes accepts /12, but AKS docs say the service CIDR must be smaller " +
          "than /12.",
        fix: "Use a /13 or smaller range{suggestion}, unless you have confirmed AKS accepts a /12.",
        severity: "warning",
      },
    },
    sources: [
      ...sourceUrls(PLATFORM_LIMITS.serviceCidrShortestBitsV4, PLATFORM_LIMITS.serviceCidrShortestBitsV6),
      "kubernetes/kubernetes:cmd/kubeadm/app/constants/constants.go (MaximumBitsForServiceSubnet = 20)",
    ],
    checked: "2026-11-22",
    assumes: "Whether AKS accepts exactly /12 is not settled; a /12 gets a warning, anything larger an error.",
  },
  check({ plan, fixes, report }) {
    for (const s of serviceCidrs(plan)) {
      const v4 = s.prefix.family === 4;
      const min = v4
        ? PLATFORM_LIMITS.serviceCidrShortestBitsV4.value
        : PLATFORM_LIMITS.serviceCidrShortestBitsV6.value;
      const messageId = s.prefix.bits < min ? "tooLarge" : v4 && s.prefix.bits === min ? "exactly12" : undefined;
      if (messageId === undefined) continue;
      // IPv4: the run's free-space search (a /16, at the same start when free); IPv6: the first /min of the range.
      const sub = prefixFrom(s.prefix.first(), min);
      const { suggestion, edits } = v4
        ? serviceCidrFix(fixes, s)
        : { suggestion: `, e.g. ${sub.toString()}`, edits: [rangeEdit(s, sub)] };
      report({
        messageId,
        path: s.path,
        data: { cidr: s.prefix.toString(), min, family: s.prefix.family, suggestion },
        edits,
      });
    }
  },
});
