import { addrSetOf, tryParsePrefix } from "../../../ip/index.js";
import { AUTHORIZED_IP_RANGES as AUTH, sourceUrls } from "../../../kb/index.js";
import { AUTHORIZED_RANGES_EXAMINED, parseAuthorizedRanges, type ResolvedPlan } from "../../plan/index.js";
import { defineRule, type RuleContext } from "../rule.js";

/** Outbound types whose egress address is not the load balancer's (which AKS authorizes by itself). */
const OWN_EGRESS: Readonly<Record<string, string>> = {
  userAssignedNATGateway: "your NAT gateway's public IPs",
  managedNATGateway: "the managed NAT gateway's public IPs",
  managedNATGatewayV2: "the managed NAT gateway's public IPs",
  userDefinedRouting: "your firewall's (or appliance's) public IP",
};

export default defineRule({
  meta: {
    id: "authorized-ip-ranges-unsupported",
    family: "combinations",
    severity: "error",
    description:
      "API server authorized IP ranges need a public API server, at most 200 ranges (2,000 with API Server VNet " +
      "Integration), and the public IP prefixes of pools with node public IPs among them.",
    messages: {
      privateCluster: {
        message:
          "apiServer.authorizedIpRanges is set on a private cluster; AKS does not support authorized IP ranges there.",
        fix:
          "Remove apiServer.authorizedIpRanges (a private API server has no public endpoint), or set private: " +
          "false.",
      },
      tooMany: {
        message: "apiServer.authorizedIpRanges has {count} ranges; AKS allows at most {limit}{why}.",
        fix: "Merge adjacent ranges (aksnet cidr merge) or use fewer{vnetHint}.",
      },
      overOldLimit: {
        message:
          "apiServer.authorizedIpRanges has {count} ranges: the current AKS page allows up to {limit} with API " +
          "Server VNet Integration, but its 2024 revision named {old} whatever the network.",
        fix: "Nothing if the current page holds; to be safe with either, merge ranges (aksnet cidr merge).",
        severity: "warning",
      },
      prefixUnparsable: {
        message: 'Pool "{pool}" has nodePublicIpPrefix "{text}", which is not a CIDR: {problem}.',
        fix: "Write the public IP prefix's range, e.g. 20.50.60.0/28.",
      },
      nodePublicIpNoPrefix: {
        message:
          'Pool "{pool}" gives its nodes public IPs; with authorized IP ranges they must come from a public IP ' +
          "prefix that is one of the ranges, and the plan does not say the prefix, so aksnet cannot check it.",
        fix: "Set nodePublicIpPrefix on the pool to the prefix's CIDR and list it in apiServer.authorizedIpRanges.",
        severity: "warning",
      },
      nodePublicIpPrefixNotAuthorized: {
        message:
          'Pool "{pool}" takes node public IPs from {prefix}, which apiServer.authorizedIpRanges does not cover; ' +
          "its nodes cannot reach the API server.",
        fix: "Add {prefix} to apiServer.authorizedIpRanges.",
      },
      nodePublicIpPrefixUnexamined: {
        message:
          'Pool "{pool}" takes node public IPs from {prefix}, which the first {examined} entries of ' +
          "apiServer.authorizedIpRanges do not cover; aksnet did not examine the {rest} after them.",
        fix: "Shorten the list to what AKS allows, with {prefix} (or a range covering it) among the ranges.",
        severity: "warning",
      },
      egressNotChecked: {
        message:
          "Outbound type {outboundType}: the cluster's egress address is {egress}, which AKS does not authorize " +
          "by itself; aksnet cannot check it is among apiServer.authorizedIpRanges (the plan does not know it).",
        fix: "Add the egress public IP or prefix to apiServer.authorizedIpRanges.",
        severity: "info",
      },
    },
    sources: sourceUrls(
      AUTH.notWithPrivateCluster,
      AUTH.limits,
      AUTH.nodePublicIpPrefixesAuthorized,
      AUTH.egressShouldBeAuthorized,
      AUTH.standardLoadBalancerOnly,
    ),
    checked: "2026-12-07",
    assumes:
      "The limit is 200 ranges, 2,000 with API Server VNet Integration (the current page); the page's 2024 " +
      "revision named 200 whatever the network, and a finding over 200 with VNet integration says so. Entries are " +
      "counted as written (duplicates too). Node public IP prefixes are looked for among the first " +
      `${AUTHORIZED_RANGES_EXAMINED} entries ` +
      "(five times the largest limit); past them a finding says the rest was not examined. The feature needs the " +
      "Standard load balancer (clusters created after October 2019); Basic was retired on 2025-09-30 and a plan " +
      "has no load balancer SKU, so no finding is made for it.",
  },
  check(ctx) {
    const a = ctx.plan.plan.apiServer;
    const texts = a?.authorizedIpRanges;
    if (!texts || texts.length === 0) return;
    const path = ["apiServer", "authorizedIpRanges"];
    if (a?.private === true) ctx.report({ messageId: "privateCluster", path });
    checkCount(ctx, texts.length, a?.vnetIntegration === true || ctx.plan.plan.sku?.name === "Automatic");
    checkNodePublicIps(ctx, texts);
    const egress = OWN_EGRESS[ctx.plan.outboundType];
    if (egress !== undefined && a?.private !== true)
      ctx.report({
        messageId: "egressNotChecked",
        path: ["network", "outboundType"],
        data: { outboundType: ctx.plan.outboundType, egress },
      });
  },
});

type Ctx = RuleContext<
  | "privateCluster"
  | "tooMany"
  | "overOldLimit"
  | "prefixUnparsable"
  | "nodePublicIpNoPrefix"
  | "nodePublicIpPrefixNotAuthorized"
  | "nodePublicIpPrefixUnexamined"
  | "egressNotChecked",
  { readonly plan: ResolvedPlan }
>;

function checkCount(ctx: Ctx, count: number, vnetIntegration: boolean): void {
  const { ranges, rangesWithVnetIntegration } = AUTH.limits.value;
  const limit = vnetIntegration && rangesWithVnetIntegration !== null ? rangesWithVnetIntegration : ranges;
  const path = ["apiServer", "authorizedIpRanges"];
  if (count > limit)
    ctx.report({
      messageId: "tooMany",
      path,
      data: {
        count,
        limit,
        why: vnetIntegration ? " with API Server VNet Integration" : "",
        vnetHint: vnetIntegration
          ? ""
          : `, or turn on API Server VNet Integration (up to ${rangesWithVnetIntegration})`,
      },
    });
  else if (count > ranges && vnetIntegration)
    ctx.report({ messageId: "overOldLimit", path, data: { count, limit, old: ranges } });
}

function checkNodePublicIps(ctx: Ctx, texts: readonly string[]): void {
  const pools = ctx.plan.plan.nodePools;
  if (!pools.some((p) => p.nodePublicIp === true)) return;
  const entries = parseAuthorizedRanges(texts);
  const covered = addrSetOf(entries.flatMap((e) => (e.kind === "range" ? [e.prefix.masked()] : [])));
  const rest = texts.length - entries.length;
  pools.forEach((p, i) => {
    if (p.nodePublicIp !== true) return;
    const at = ["nodePools", i];
    if (p.nodePublicIpPrefix === undefined) {
      ctx.report({ messageId: "nodePublicIpNoPrefix", path: at, data: { pool: p.name } });
      return;
    }
    const r = tryParsePrefix(p.nodePublicIpPrefix);
    if (!r.ok) {
      const problem = r.error.reason.replace(/\.$/, "");
      ctx.report({
        messageId: "prefixUnparsable",
        path: [...at, "nodePublicIpPrefix"],
        data: { pool: p.name, text: p.nodePublicIpPrefix, problem },
      });
      return;
    }
    if (covered.contains(r.value.masked())) return;
    const data = { pool: p.name, prefix: r.value.masked().toString() };
    ctx.report(
      rest > 0
        ? {
            messageId: "nodePublicIpPrefixUnexamined",
            path: [...at, "nodePublicIpPrefix"],
            data: { ...data, examined: entries.length, rest },
          }
        : { messageId: "nodePublicIpPrefixNotAuthorized", path: [...at, "nodePublicIpPrefix"], data },
    );
  });
}
