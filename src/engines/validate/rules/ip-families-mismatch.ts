import { defineRule } from "../rule.js";
import { listText } from "../words.js";
import type { CidrField } from "../../plan/index.js";

const FAMILY = { IPv4: 4, IPv6: 6 } as const;

export default defineRule({
  meta: {
    id: "ip-families-mismatch",
    family: "dual-stack",
    severity: "error",
    description:
      "ipFamilies is [IPv4] or [IPv4, IPv6]; the pod and service CIDR lists must match it in count, order and family " +
      "(one range per family, at most two).",
    messages: {
      families: {
        message:
          "ipFamilies [{families}] is not supported; AKS accepts [IPv4] or [IPv4, IPv6] (IPv6-only is not supported).",
        fix: "Set ipFamilies: [IPv4] or [IPv4, IPv6].",
      },
      count: {
        message:
          "{field} lists {count} range(s) for ipFamilies [{families}]; give exactly one per family, in the same order.",
        fix: "Give one {field} entry per IP family, IPv4 first (defaults: {defaults}).",
      },
      order: {
        message: "{field}[{index}] is {cidr}, an IPv{got} range, where ipFamilies expects IPv{want}.",
        fix: "List the IPv4 range first and the IPv6 range second.",
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/configure-dual-stack.md",
      "hashicorp/terraform-provider-azurerm:internal/services/containers/kubernetes_cluster_resource.go " +
        "(expandIPVersions)",
      "kubernetes/kubernetes:cmd/kube-apiserver/app/options/validation.go",
    ],
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    const fams = plan.ipFamilies;
    const famText = listText(fams);
    const ok =
      (fams.length === 1 && fams[0] === "IPv4") || (fams.length === 2 && fams[0] === "IPv4" && fams[1] === "IPv6");
    if (!ok) {
      report({ messageId: "families", path: ["network", "ipFamilies"], data: { families: famText } });
      return;
    }
    const check = (field: string, list: readonly CidrField[], defaults: string) => {
      if (list.length === 0) return;
      if (list.length !== fams.length) {
        report({
          messageId: "count",
          path: ["network", field],
          data: { field, count: list.length, families: famText, defaults },
        });
        return;
      }
      list.forEach((c, i) => {
        const want = FAMILY[fams[i]!];
        if (c.prefix && c.prefix.family !== want)
          report({
            messageId: "order",
            path: c.path,
            data: { field, index: i, cidr: c.text, got: c.prefix.family, want },
          });
      });
    };
    check("podCidrs", plan.podCidrs, fams.length === 2 ? "10.244.0.0/16, fd12:3456:789a::/64" : "10.244.0.0/16");
    check("serviceCidrs", plan.serviceCidrs, fams.length === 2 ? "10.0.0.0/16, fd12:3456:789a:1::/108" : "10.0.0.0/16");
  },
});
