import type { PlanInput } from "../../plan/index.js";
import { mk, type Draft } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./authorized-ip-ranges-unsupported.js";

type ApiServer = NonNullable<PlanInput["apiServer"]>;
type Pool = Draft["nodePools"][number] & { nodePublicIp?: boolean; nodePublicIpPrefix?: string };

/** The clean plan with these authorized ranges, `api` merged into apiServer, and the user pool edited by `pool`. */
const plan = (
  authorizedIpRanges: string[],
  api: Partial<ApiServer> = {},
  pool: Partial<Pool> = {},
  edit: (d: Draft) => void = () => {},
): PlanInput => {
  const d = mk(edit);
  d.nodePools[1] = { ...d.nodePools[1], ...pool } as Pool;
  return { ...d, apiServer: { authorizedIpRanges, ...api } };
};
/** `n` distinct public /32s. */
const many = (n: number) => Array.from({ length: n }, (_, i) => `20.${(i >> 8) & 255}.${i & 255}.1/32`);

ruleTester(rule, {
  valid: [
    { name: "no ranges on a private cluster", plan: { ...mk(), apiServer: { private: true } } },
    { name: "an empty list on a private cluster", plan: plan([], { private: true }) },
    { name: "one range, public cluster", plan: plan(["73.140.245.0/24"]) },
    { name: "200 ranges", plan: plan(many(200)) },
    { name: "200 ranges with VNet integration", plan: plan(many(200), { vnetIntegration: true }) },
    {
      name: "node public IPs from an authorized prefix",
      plan: plan(["73.140.245.0/24", "20.50.60.0/28"], {}, { nodePublicIp: true, nodePublicIpPrefix: "20.50.60.0/28" }),
    },
    {
      name: "a node public IP prefix covered by two adjacent ranges",
      plan: plan(["20.50.60.0/29", "20.50.60.8/29"], {}, { nodePublicIp: true, nodePublicIpPrefix: "20.50.60.0/28" }),
    },
    { name: "node public IPs without authorized ranges", plan: plan([], {}, { nodePublicIp: true }) },
    { name: "node public IPs off", plan: plan(["73.140.245.0/24"], {}, { nodePublicIp: false }) },
  ],
  invalid: [
    {
      name: "a private cluster",
      plan: plan(["73.140.245.0/24"], { private: true }),
      findings: [
        {
          messageId: "privateCluster",
          path: "apiServer.authorizedIpRanges",
          message:
            "apiServer.authorizedIpRanges is set on a private cluster; AKS does not support authorized IP ranges " +
            "there.",
        },
      ],
    },
    {
      name: "201 ranges",
      plan: plan(many(201)),
      findings: [
        {
          messageId: "tooMany",
          path: "apiServer.authorizedIpRanges",
          message: "apiServer.authorizedIpRanges has 201 ranges; AKS allows at most 200.",
          fixIncludes: "turn on API Server VNet Integration (up to 2000)",
        },
      ],
    },
    {
      name: "2,001 ranges with VNet integration",
      plan: plan(many(2001), { vnetIntegration: true }),
      findings: [
        {
          messageId: "tooMany",
          path: "apiServer.authorizedIpRanges",
          message:
            "apiServer.authorizedIpRanges has 2001 ranges; AKS allows at most 2000 with API Server VNet Integration.",
        },
      ],
    },
    {
      name: "201 ranges with VNet integration: only the 2024 page's limit",
      plan: plan(many(201), { vnetIntegration: true }),
      findings: [
        {
          messageId: "overOldLimit",
          path: "apiServer.authorizedIpRanges",
          severity: "warning",
          message:
            "apiServer.authorizedIpRanges has 201 ranges: the current AKS page allows up to 2000 with API Server " +
            "VNet Integration, but its 2024 revision named 200 whatever the network.",
        },
      ],
    },
    {
      name: "201 ranges on AKS Automatic (always VNet integration)",
      plan: plan(many(201), {}, {}, (d) => Object.assign(d, { sku: { name: "Automatic" } })),
      findings: [
        {
          messageId: "overOldLimit",
          path: "apiServer.authorizedIpRanges",
          severity: "warning",
          message:
            "apiServer.authorizedIpRanges has 201 ranges: the current AKS page allows up to 2000 with API Server " +
            "VNet Integration, but its 2024 revision named 200 whatever the network.",
        },
      ],
    },
    {
      name: "node public IPs from a prefix listed only past the 10,000 examined entries",
      plan: plan(
        [...many(10_000), "20.50.60.0/28"],
        { vnetIntegration: true },
        {
          nodePublicIp: true,
          nodePublicIpPrefix: "20.50.60.0/28",
        },
      ),
      findings: [
        {
          messageId: "tooMany",
          path: "apiServer.authorizedIpRanges",
          message:
            "apiServer.authorizedIpRanges has 10001 ranges; AKS allows at most 2000 with API Server VNet Integration.",
        },
        {
          messageId: "nodePublicIpPrefixUnexamined",
          path: "nodePools[1].nodePublicIpPrefix",
          severity: "warning",
          message:
            'Pool "user" takes node public IPs from 20.50.60.0/28, which the first 10000 entries of ' +
            "apiServer.authorizedIpRanges do not cover; aksnet did not examine the 1 after them.",
        },
      ],
    },
    {
      name: "node public IPs, prefix unknown",
      plan: plan(["73.140.245.0/24"], {}, { nodePublicIp: true }),
      findings: [
        {
          messageId: "nodePublicIpNoPrefix",
          path: "nodePools[1]",
          severity: "warning",
          message:
            'Pool "user" gives its nodes public IPs; with authorized IP ranges they must come from a public IP ' +
            "prefix that is one of the ranges, and the plan does not say the prefix, so aksnet cannot check it.",
        },
      ],
    },
    {
      name: "node public IPs from a prefix not authorized",
      plan: plan(["73.140.245.0/24"], {}, { nodePublicIp: true, nodePublicIpPrefix: "20.50.60.0/28" }),
      findings: [
        {
          messageId: "nodePublicIpPrefixNotAuthorized",
          path: "nodePools[1].nodePublicIpPrefix",
          message:
            'Pool "user" takes node public IPs from 20.50.60.0/28, which apiServer.authorizedIpRanges does not ' +
            "cover; its nodes cannot reach the API server.",
          fixIncludes: "Add 20.50.60.0/28",
        },
      ],
    },
    {
      name: "node public IPs from a prefix half covered",
      plan: plan(["20.50.60.0/29"], {}, { nodePublicIp: true, nodePublicIpPrefix: "20.50.60.0/28" }),
      findings: [
        {
          messageId: "nodePublicIpPrefixNotAuthorized",
          path: "nodePools[1].nodePublicIpPrefix",
          message:
            'Pool "user" takes node public IPs from 20.50.60.0/28, which apiServer.authorizedIpRanges does not ' +
            "cover; its nodes cannot reach the API server.",
        },
      ],
    },
    {
      name: "a node public IP prefix that is not a CIDR",
      plan: plan(["73.140.245.0/24"], {}, { nodePublicIp: true, nodePublicIpPrefix: "20.50.60/28" }),
      findings: [
        {
          messageId: "prefixUnparsable",
          path: "nodePools[1].nodePublicIpPrefix",
          message:
            'Pool "user" has nodePublicIpPrefix "20.50.60/28", which is not a CIDR: it has 3 octets instead of four.',
        },
      ],
    },
    {
      name: "NAT gateway egress",
      plan: plan(["73.140.245.0/24"], {}, {}, (d) => (d.network.outboundType = "managedNATGateway")),
      findings: [
        {
          messageId: "egressNotChecked",
          path: "network.outboundType",
          severity: "info",
          message:
            "Outbound type managedNATGateway: the cluster's egress address is the managed NAT gateway's public IPs, " +
            "which AKS does not authorize by itself; aksnet cannot check it is among apiServer.authorizedIpRanges " +
            "(the plan does not know it).",
        },
      ],
    },
  ],
});
