import { OVERLAY_POD_CIDR_SUPPORTED_SPACE, sourceUrls } from "../../../kb/index.js";
import { rangeEdit } from "../fix-space.js";
import { defineRule } from "../rule.js";
import { fact, podCidrs } from "../plan-ranges.js";

const SPACE = OVERLAY_POD_CIDR_SUPPORTED_SPACE.value.map(fact);

export default defineRule({
  meta: {
    id: "pod-cidr-not-private",
    family: "pod-cidr",
    severity: "info",
    description:
      "An overlay or kubenet pod CIDR should be private space (RFC 1918 or RFC 6598 100.64.0.0/10); public ranges " +
      "are not blocked but unsupported.",
    messages: {
      public: {
        message:
          "Pod CIDR {pod} is not inside RFC 1918 or RFC 6598 space; AKS does not block it but does not support it.",
        fix: "Use a range inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10{suggestion}.",
      },
    },
    sources: sourceUrls(OVERLAY_POD_CIDR_SUPPORTED_SPACE),
    checked: "2026-11-22",
  },
  check({ plan, fixes, report }) {
    for (const p of podCidrs(plan)) {
      if (p.prefix.family !== 4 || SPACE.some((s) => s.contains(p.prefix))) continue;
      const free = fixes.replacement("pod-cidr", p);
      report({
        messageId: "public",
        path: p.path,
        data: { pod: p.prefix.toString(), suggestion: free ? `, e.g. ${free.toString()} (free in this plan)` : "" },
        ...(free ? { edits: [rangeEdit(p, free)] } : {}),
      });
    }
  },
});
