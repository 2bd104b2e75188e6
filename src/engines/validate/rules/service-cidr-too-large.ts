import { PLATFORM_LIMITS } from "../../../kb/index.js";
import { cite } from "../facts.js";
import { defineRule } from "../rule.js";
import { serviceCidrs } from "../ranges.js";

export default defineRule({
  meta: {
    id: "service-cidr-too-large",
    family: "service-cidr",
    severity: "error",
    description:
      "The service CIDR may hold at most 20 host bits: IPv4 /12 or longer (AKS docs: smaller than /12), IPv6 /108 or longer.",
    messages: {
      tooLarge: {
        message: "Service CIDR {cidr} is too large: the mask must be /{min} or longer for IPv{family}.",
        fix: "Use a /{min} or smaller range, e.g. {suggested}; a /16 (65,536 services) is the AKS default size.",
      },
      exactly12: {
        message:
          "Service CIDR {cidr} is a /12; Kubernetes accepts /12, but AKS docs say the service CIDR must be smaller than /12.",
        fix: "Use a /13 or smaller range, e.g. {suggested}, unless you have confirmed AKS accepts a /12.",
        severity: "warning",
      },
    },
    sources: [
      ...cite(PLATFORM_LIMITS.serviceCidrShortestBitsV4, PLATFORM_LIMITS.serviceCidrShortestBitsV6),
      "kubernetes/kubernetes:cmd/kubeadm/app/constants/constants.go (MaximumBitsForServiceSubnet = 20)",
    ],
    checked: "2026-11-22",
    assumes:
      "Reference X1: whether AKS accepts exactly /12 is not settled; a /12 gets a warning, anything larger an error.",
  },
  check({ plan, report }) {
    for (const s of serviceCidrs(plan)) {
      const min =
        s.prefix.family === 4
          ? PLATFORM_LIMITS.serviceCidrShortestBitsV4.value
          : PLATFORM_LIMITS.serviceCidrShortestBitsV6.value;
      const base = s.prefix.masked();
      if (s.prefix.bits < min) {
        report({
          messageId: "tooLarge",
          path: s.path,
          data: {
            cidr: s.prefix.toString(),
            min,
            family: s.prefix.family,
            suggested: `${base.first().toString()}/${s.prefix.family === 4 ? 16 : min}`,
          },
        });
      } else if (s.prefix.family === 4 && s.prefix.bits === PLATFORM_LIMITS.serviceCidrShortestBitsV4.value) {
        report({
          messageId: "exactly12",
          path: s.path,
          data: { cidr: s.prefix.toString(), suggested: `${base.first().toString()}/16` },
        });
      }
    }
  },
});
