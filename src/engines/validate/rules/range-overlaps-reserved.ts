import { RESERVED_RANGES } from "../../../kb/index.js";
import { cite } from "../facts.js";
import { defineRule } from "../rule.js";
import { fact, podCidrs, serviceCidrs, vnetSpace, type Tagged } from "../ranges.js";

const RESERVED = RESERVED_RANGES.map((r) => ({ ...r, prefix: fact(r.cidr) }));

export default defineRule({
  meta: {
    id: "range-overlaps-reserved",
    family: "pod-cidr",
    severity: "error",
    description:
      "The pod CIDR, the service CIDR and the VNet address space must not overlap 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 or 192.0.2.0/24.",
    messages: {
      reserved: {
        message: "{what} {cidr} overlaps {reserved}, which AKS does not allow for pod, service or VNet ranges ({why}).",
        fix: "Choose a range that avoids {reserved}{example}.",
      },
    },
    sources: cite(...RESERVED_RANGES.map((r) => r.source)),
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    const check = (what: string, items: Tagged[], example: string) => {
      for (const t of items) {
        for (const r of RESERVED) {
          if (!t.prefix.overlaps(r.prefix)) continue;
          report({
            messageId: "reserved",
            path: t.path,
            data: { what, cidr: t.prefix.toString(), reserved: r.cidr, why: r.reason, example },
          });
        }
      }
    };
    check("Pod CIDR", podCidrs(plan), ", e.g. 10.244.0.0/16 or a range in 100.64.0.0/10");
    check("Service CIDR", serviceCidrs(plan), ", e.g. 10.0.0.0/16");
    check("VNet address space", vnetSpace(plan), "");
  },
});
