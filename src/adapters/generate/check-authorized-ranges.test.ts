import { describe, expect, it } from "vitest";
import { PlanSchema } from "../../engines/schema/index.js";
import { toGenPlan } from "./model.js";

/** A small plan with these authorized ranges (and `extra` merged into the plan). */
const genOf = (authorizedIpRanges: string[] | undefined, extra: Record<string, unknown> = {}) =>
  toGenPlan(
    PlanSchema.parse({
      name: "aks",
      nodePools: [{ name: "system", mode: "System", count: 3 }],
      ...(authorizedIpRanges === undefined ? {} : { apiServer: { authorizedIpRanges } }),
      ...extra,
    }),
  );

describe("authorized IP ranges for generation", () => {
  it.each([
    { name: "none", ranges: undefined, written: undefined, problems: [], notes: [] },
    { name: "an empty list", ranges: [], written: undefined, problems: [], notes: [] },
    { name: "a CIDR", ranges: ["73.140.245.0/24"], written: ["73.140.245.0/24"], problems: [], notes: [] },
    {
      name: "an address becomes its /32",
      ranges: ["20.61.12.34"],
      written: ["20.61.12.34/32"],
      problems: [],
      notes: [],
    },
    {
      name: "host bits: the network, stated",
      ranges: ["137.117.106.90/29"],
      written: ["137.117.106.88/29"],
      problems: [],
      notes: ["apiServer.authorizedIpRanges[0] 137.117.106.90/29 is written as its network 137.117.106.88/29"],
    },
    {
      name: "a duplicate: once, stated",
      ranges: ["20.61.12.34", "20.61.12.34/32"],
      written: ["20.61.12.34/32"],
      problems: [],
      notes: ["apiServer.authorizedIpRanges[1] 20.61.12.34/32 is written once (20.61.12.34/32 is listed before it)"],
    },
    {
      name: "junk",
      ranges: ["1.2.3"],
      written: undefined,
      problems: [
        "apiServer.authorizedIpRanges[0]: it is not an IPv4 address or CIDR (it has 3 octets instead of four)",
      ],
      notes: [],
    },
    {
      name: "IPv6",
      ranges: ["2001:db8::/32"],
      written: undefined,
      problems: ["apiServer.authorizedIpRanges[0]: the az CLI and azurerm take IPv4 ranges only"],
      notes: [],
    },
    {
      name: "an empty entry",
      ranges: ["73.140.245.0/24", ""],
      written: ["73.140.245.0/24"],
      problems: [
        "apiServer.authorizedIpRanges[1]: an empty entry disables authorized ranges and the az CLI refuses it " +
          "beside ranges; remove it",
      ],
      notes: [],
    },
    {
      name: "a service tag",
      ranges: ["AzureCloud"],
      written: undefined,
      problems: [
        "apiServer.authorizedIpRanges[0]: service tags as authorized ranges are a preview the generated az, Bicep " +
          "and Terraform do not write",
      ],
      notes: [],
    },
    {
      name: "0.0.0.0/32 beside a range",
      ranges: ["0.0.0.0/32", "73.140.245.0/24"],
      written: ["0.0.0.0/32", "73.140.245.0/24"],
      problems: [
        "apiServer.authorizedIpRanges: 0.0.0.0/32 (only the load balancer's outbound IP) must be the only range",
      ],
      notes: [],
    },
    { name: "0.0.0.0/32 alone", ranges: ["0.0.0.0/32"], written: ["0.0.0.0/32"], problems: [], notes: [] },
    {
      name: "10,001 entries: not written in part",
      ranges: Array.from({ length: 10_001 }, (_, i) => `20.${(i >> 8) & 255}.${i & 255}.0/32`),
      written: undefined,
      problems: [
        "apiServer.authorizedIpRanges: it has 10001 entries; aksnet reads the first 10000 and AKS allows at most " +
          "2000, so none are written",
      ],
      notes: [],
    },
  ])("$name", ({ ranges, written, problems, notes }) => {
    const g = genOf(ranges);
    if (!g.ok) {
      expect(g.problems.map((p) => `${p.path}: ${p.reason}`)).toEqual(problems);
      return;
    }
    expect(problems).toEqual([]);
    expect(g.plan.authorizedIpRanges).toEqual(written);
    expect(g.plan.assumptions.filter((a) => a.startsWith("apiServer."))).toEqual(notes);
  });
});

const PREFIX_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/" +
  "publicIPPrefixes/pip-edge";

describe("node public IPs for generation: on, from the prefix the plan names by its resource ID", () => {
  it.each([
    { name: "none", pool: {}, written: {}, problem: undefined },
    { name: "on, no prefix: AKS's own public IPs", pool: { nodePublicIp: true }, written: { nodePublicIp: true } },
    {
      name: "on, from a prefix by its ID",
      pool: { nodePublicIp: true, nodePublicIpPrefix: "20.50.60.0/28", nodePublicIpPrefixId: PREFIX_ID },
      written: { nodePublicIp: true, nodePublicIpPrefixId: PREFIX_ID },
    },
    {
      name: "the ID in another case (ARM IDs are case-insensitive)",
      pool: { nodePublicIp: true, nodePublicIpPrefixId: PREFIX_ID.toLowerCase() },
      written: { nodePublicIp: true, nodePublicIpPrefixId: PREFIX_ID.toLowerCase() },
    },
    {
      name: "a prefix range without its ID cannot be written",
      pool: { nodePublicIp: true, nodePublicIpPrefix: "20.50.60.0/28" },
      problem: ["nodePools[0].nodePublicIpPrefix", /only by its resource ID; add nodePublicIpPrefixId/],
    },
    {
      name: "an ID without node public IPs",
      pool: { nodePublicIpPrefixId: PREFIX_ID },
      problem: ["nodePools[0].nodePublicIpPrefixId", /only with node public IPs; set nodePublicIp: true/],
    },
    {
      name: "a public IP's ID is no prefix's",
      pool: { nodePublicIp: true, nodePublicIpPrefixId: PREFIX_ID.replace("publicIPPrefixes", "publicIPAddresses") },
      problem: ["nodePools[0].nodePublicIpPrefixId", /not a public IP prefix's resource ID/],
    },
    {
      name: "a prefix name, not its ID",
      pool: { nodePublicIp: true, nodePublicIpPrefixId: "pip-edge" },
      problem: ["nodePools[0].nodePublicIpPrefixId", /not a public IP prefix's resource ID/],
    },
  ] as { name: string; pool: object; written?: object; problem?: [string, RegExp] }[])(
    "$name",
    ({ pool, written, problem }) => {
      const g = genOf(undefined, { nodePools: [{ name: "system", mode: "System", count: 3, ...pool }] });
      if (problem) {
        expect(g.ok).toBe(false);
        if (!g.ok)
          expect(g.problems).toEqual([
            expect.objectContaining({ path: problem[0], reason: expect.stringMatching(problem[1]) }),
          ]);
        return;
      }
      expect(g.ok).toBe(true);
      if (!g.ok) return;
      const p = g.plan.pools[0]!;
      expect({ nodePublicIp: p.nodePublicIp, nodePublicIpPrefixId: p.nodePublicIpPrefixId }).toEqual({
        nodePublicIp: undefined,
        nodePublicIpPrefixId: undefined,
        ...written,
      });
      expect(g.plan.assumptions.filter((a) => a.includes("nodePublicIp"))).toEqual([]);
    },
  );
});
