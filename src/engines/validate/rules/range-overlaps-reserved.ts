import { RESERVED_RANGES, sourceUrls } from "../../../kb/index.js";
import { rangeEdit, serviceCidrFix } from "../fix-space.js";
import { defineRule, type Edit } from "../rule.js";
import { fact, podCidrs, serviceCidrs, vnetSpace, type Tagged } from "../plan-ranges.js";

const RESERVED = RESERVED_RANGES.map((r) => ({ ...r, prefix: fact(r.cidr) }));

export default defineRule({
  meta: {
    id: "range-overlaps-reserved",
    family: "pod-cidr",
    severity: "error",
    description:
      "The pod CIDR, the service CIDR and the VNet address space must not overlap 169.254.0.0/16, 172.30.0.0/16, " +
      "172.31.0.0/16 or 192.0.2.0/24.",
    messages: {
      reserved: {
        message: "{what} {cidr} overlaps {reserved}, which AKS does not allow for pod, service or VNet ranges ({why}).",
        fix: "Choose a range that avoids {reserved}{example}.",
      },
    },
    sources: sourceUrls(...RESERVED_RANGES.map((r) => r.source)),
    checked: "2026-11-22",
  },
  check({ plan, fixes, report }) {
    const check = (what: string, items: Tagged[], fix: (t: Tagged) => { suggestion: string; edits: Edit[] }) => {
      for (const t of items) {
        const hits = RESERVED.filter((r) => t.prefix.overlaps(r.prefix));
        if (hits.length === 0) continue;
        const { suggestion, edits } = fix(t);
        for (const r of hits)
          report({
            messageId: "reserved",
            path: t.path,
            data: { what, cidr: t.prefix.toString(), reserved: r.cidr, why: r.reason, example: suggestion },
            edits,
          });
      }
    };
    check("Pod CIDR", podCidrs(plan), (t) => {
      const free = fixes.replacement("pod-cidr", t);
      return free
        ? { suggestion: `, e.g. ${free.toString()} (free in this plan)`, edits: [rangeEdit(t, free)] }
        : { suggestion: "", edits: [] };
    });
    check("Service CIDR", serviceCidrs(plan), (t) => serviceCidrFix(fixes, t));
    check("VNet address space", vnetSpace(plan), () => ({ suggestion: "", edits: [] }));
  },
});
