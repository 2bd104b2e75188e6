import type { PlanInput } from "../../plan/index.js";
import { mk } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./authorized-ip-range-invalid.js";

type ApiServer = NonNullable<PlanInput["apiServer"]>;

/** The clean plan with `apiServer` holding these authorized ranges (and `extra`). */
const ranges = (authorizedIpRanges: string[], extra: Partial<ApiServer> = {}): PlanInput => ({
  ...mk(),
  apiServer: { authorizedIpRanges, ...extra },
});
const at = (i: number) => `apiServer.authorizedIpRanges[${i}]`;
/** `n` distinct public /32s. */
const many = (n: number) => Array.from({ length: n }, (_, i) => `20.${(i >> 8) & 255}.${i & 255}.1/32`);
const notGlobal = (text: string, range: string) =>
  `apiServer.authorizedIpRanges entry ${text} is not a public address (it is inside ${range}); the az CLI refuses ` +
  "ranges that are not global. ARM and azurerm send it, and AKS documents nothing about it.";

ruleTester(rule, {
  valid: [
    { name: "no apiServer section", plan: mk() },
    { name: "an empty list", plan: ranges([]) },
    { name: "one public /24", plan: ranges(["73.140.245.0/24"]) },
    { name: "a single public address", plan: ranges(["73.140.245.10"]) },
    { name: "a /32", plan: ranges(["73.140.245.10/32"]) },
    { name: "0.0.0.0/32 alone", plan: ranges(["0.0.0.0/32"]) },
    { name: "0.0.0.0/0 (no documented rule)", plan: ranges(["0.0.0.0/0"]) },
    { name: "several public ranges", plan: ranges(["73.140.245.0/24", "193.168.1.0/24", "194.168.1.0/24"]) },
    { name: "100.63.255.0/24, just below the shared space", plan: ranges(["100.63.255.0/24"]) },
    { name: "192.0.0.9, a global exception", plan: ranges(["192.0.0.9/32"]) },
    { name: "a range containing a private one is global as a whole", plan: ranges(["8.0.0.0/5"]) },
  ],
  invalid: [
    {
      name: "past the 10,000 examined: junk and a duplicate there are not read, and the rule says so",
      plan: ranges([...many(10_000), "not an address", "20.0.0.1/32"]),
      findings: [
        {
          messageId: "notExamined",
          path: "apiServer.authorizedIpRanges",
          severity: "warning",
          message:
            "apiServer.authorizedIpRanges has 10002 entries; aksnet examined the first 10000 and not the 2 after " +
            "them (their syntax and duplicates are not checked).",
          fixIncludes: "at most 2000",
        },
      ],
    },
    {
      name: "junk",
      plan: ranges(["not an address"]),
      findings: [
        {
          messageId: "unparsable",
          path: at(0),
          message:
            'apiServer.authorizedIpRanges entry "not an address" is not an IPv4 address or CIDR: unexpected ' +
            'character "n" at position 1.',
        },
      ],
    },
    {
      name: "three octets (az's own test)",
      plan: ranges(["193.168.0"]),
      findings: [
        {
          messageId: "unparsable",
          path: at(0),
          message:
            'apiServer.authorizedIpRanges entry "193.168.0" is not an IPv4 address or CIDR: it has 3 octets instead ' +
            "of four.",
        },
      ],
    },
    {
      name: "prefix length 33",
      plan: ranges(["73.140.245.0/33"]),
      findings: [
        {
          messageId: "unparsable",
          path: at(0),
          message:
            'apiServer.authorizedIpRanges entry "73.140.245.0/33" is not an IPv4 address or CIDR: prefix length 33 ' +
            "is out of range for IPv4 (0 to 32).",
        },
      ],
    },
    {
      name: "host bits set (the page's example)",
      plan: ranges(["137.117.106.90/29"]),
      findings: [
        {
          messageId: "hostBits",
          path: at(0),
          message:
            "apiServer.authorizedIpRanges entry 137.117.106.90/29 has host bits set; AKS wants a range to start " +
            "with its first address (137.117.106.88/29), and the az CLI refuses it.",
          fixIncludes: "137.117.106.88/29",
        },
      ],
    },
    {
      name: "IPv6 (az's own test)",
      plan: ranges(["3ffe:1900:4545:3:200:f8ff:fe21:67cf"]),
      findings: [
        {
          messageId: "ipv6",
          path: at(0),
          message:
            "apiServer.authorizedIpRanges entry 3ffe:1900:4545:3:200:f8ff:fe21:67cf is IPv6; the az CLI refuses IPv6 " +
            "ranges and azurerm accepts IPv4 CIDRs only.",
        },
      ],
    },
    {
      name: "a private range",
      plan: ranges(["10.1.0.0/16"]),
      findings: [
        {
          messageId: "notGlobal",
          path: at(0),
          severity: "warning",
          message:
            "apiServer.authorizedIpRanges entry 10.1.0.0/16 is not a public address (it is inside 10.0.0.0/8); the " +
            "az CLI refuses ranges that are not global. ARM and azurerm send it, and AKS documents nothing about it.",
        },
      ],
    },
    {
      name: "the shared address space",
      plan: ranges(["100.64.1.1"]),
      findings: [
        {
          messageId: "notGlobal",
          path: at(0),
          severity: "warning",
          message: notGlobal("100.64.1.1", "100.64.0.0/10"),
        },
      ],
    },
    {
      name: "a documentation range",
      plan: ranges(["203.0.113.0/24"]),
      findings: [
        {
          messageId: "notGlobal",
          path: at(0),
          severity: "warning",
          message: notGlobal("203.0.113.0/24", "203.0.113.0/24"),
        },
      ],
    },
    {
      name: "0.0.0.0 written as an address is not the special value",
      plan: ranges(["0.0.0.0"]),
      findings: [
        {
          messageId: "notGlobal",
          path: at(0),
          severity: "warning",
          message: notGlobal("0.0.0.0", "0.0.0.0/8"),
        },
      ],
    },
    {
      name: "a duplicate, once as an address and once as a /32",
      plan: ranges(["73.140.245.10", "8.8.8.0/24", "73.140.245.10/32"]),
      findings: [
        {
          messageId: "duplicate",
          path: at(2),
          severity: "warning",
          message:
            "apiServer.authorizedIpRanges lists 73.140.245.10/32 twice (73.140.245.10/32 and entry 0); every entry " +
            "counts against the limit of ranges.",
        },
      ],
    },
    {
      name: "an empty entry beside ranges",
      plan: ranges(["73.140.245.0/24", ""]),
      findings: [
        {
          messageId: "empty",
          path: at(1),
          message:
            'apiServer.authorizedIpRanges has an empty entry; "" alone disables authorized ranges, and the az CLI ' +
            "refuses it beside ranges.",
        },
      ],
    },
    {
      name: "0.0.0.0/32 beside a range",
      plan: ranges(["0.0.0.0/32", "73.140.245.0/24"]),
      findings: [
        {
          messageId: "outboundOnlyWithOthers",
          path: "apiServer.authorizedIpRanges",
          message:
            "apiServer.authorizedIpRanges has 0.0.0.0/32 beside other ranges; 0.0.0.0/32 means only the load " +
            "balancer's outbound IP, and the az CLI refuses it with other ranges.",
        },
      ],
    },
    {
      name: "a service tag",
      plan: ranges(["AzureCloud"]),
      findings: [
        {
          messageId: "serviceTag",
          path: at(0),
          severity: "warning",
          message:
            'apiServer.authorizedIpRanges entry "AzureCloud" is a service tag; service tags as authorized ranges are ' +
            "a preview (EnableServiceTagAuthorizedIPPreview) in eastus2euap only, and aksnet does not check their " +
            "addresses.",
        },
      ],
    },
    {
      name: "a service tag with API Server VNet Integration",
      plan: ranges(["AzureCloud.WestEurope"], { vnetIntegration: true }),
      findings: [
        {
          messageId: "serviceTagWithVnetIntegration",
          path: at(0),
          message:
            'apiServer.authorizedIpRanges entry "AzureCloud.WestEurope" is a service tag, and service tags do not ' +
            "work with API Server VNet Integration.",
        },
      ],
    },
    {
      name: "host bits in a private range: both",
      plan: ranges(["192.168.1.1/24"]),
      findings: [
        {
          messageId: "hostBits",
          path: at(0),
          message:
            "apiServer.authorizedIpRanges entry 192.168.1.1/24 has host bits set; AKS wants a range to start with " +
            "its first address (192.168.1.0/24), and the az CLI refuses it.",
        },
        {
          messageId: "notGlobal",
          path: at(0),
          severity: "warning",
          message: notGlobal("192.168.1.1/24", "192.168.0.0/16"),
        },
      ],
    },
  ],
});
