import { MULTICAST_RANGES, SERVICE_CIDR_PRIVATE_SPACE_V4, sourceUrls } from "../../../kb/index.js";
import { serviceCidrFix } from "../fix-space.js";
import { fact, serviceCidrs } from "../plan-ranges.js";
import { defineRule } from "../rule.js";

const PRIVATE = SERVICE_CIDR_PRIVATE_SPACE_V4.value.map(fact);
const MULTICAST = MULTICAST_RANGES.value.map(fact);

export default defineRule({
  meta: {
    id: "service-cidr-not-private",
    family: "service-cidr",
    severity: "error",
    description:
      "AKS blocks service CIDRs in public and multicast ranges: an IPv4 service CIDR must lie in RFC 1918 or RFC " +
      "6598 space, and no service CIDR may overlap a multicast range.",
    messages: {
      multicast: {
        message:
          "Service CIDR {cidr} overlaps the multicast range {multicast}; AKS blocks service CIDRs in multicast ranges.",
        fix: "Use a private range{suggestion}.",
      },
      public: {
        message:
          "Service CIDR {cidr} is not inside RFC 1918 or RFC 6598 space (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, " +
          "100.64.0.0/10); AKS blocks service CIDRs in public ranges.",
        fix: "Use a range inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10{suggestion}.",
      },
    },
    sources: sourceUrls(SERVICE_CIDR_PRIVATE_SPACE_V4, MULTICAST_RANGES),
    checked: "2026-12-06",
    assumes:
      "The AKS release note of 2023-10-01 says AKS validates, and blocks if necessary, service CIDRs in public and " +
      "multicast ranges, and links the VNet FAQ's list of address ranges; it does not list them. aksnet reads " +
      "'public' as outside RFC 1918 and RFC 6598 (which Azure treats as private), and checks IPv6 service CIDRs " +
      "only for multicast (ff00::/8), since the FAQ's list is IPv4.",
  },
  check({ plan, fixes, report }) {
    for (const s of serviceCidrs(plan)) {
      const multicast = MULTICAST.find((m) => m.overlaps(s.prefix));
      const isPublic = !multicast && s.prefix.family === 4 && !PRIVATE.some((p) => p.contains(s.prefix));
      if (!multicast && !isPublic) continue;
      const { suggestion, edits } = serviceCidrFix(fixes, s);
      const cidr = s.prefix.toString();
      if (multicast)
        report({
          messageId: "multicast",
          path: s.path,
          data: { cidr, multicast: multicast.toString(), suggestion },
          edits,
        });
      else report({ messageId: "public", path: s.path, data: { cidr, suggestion }, edits });
    }
  },
});
