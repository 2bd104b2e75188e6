/**
 * `apiServer.authorizedIpRanges` for generation: every entry an IPv4 CIDR or address the az CLI and azurerm accept,
 * written as a CIDR (a single address as its /32, a range with host bits as its network, both stated), listed once.
 * An entry no tool takes (not an address, IPv6, empty, a service tag) is a problem. A pool's node public IPs and
 * their prefix: nodePublicIpOf (written by features/node-public-ips.ts). Facts: kb AUTHORIZED_IP_RANGES (the rules
 * `check` reports).
 */
import { AUTHORIZED_RANGES_EXAMINED, parseAuthorizedRanges, type Plan } from "../../engines/plan/index.js";
import { AUTHORIZED_IP_RANGES as AUTH } from "../../kb/index.js";
import type { Checks } from "./checks.js";

export function checkAuthorizedRanges(plan: Plan, c: Checks): readonly string[] | undefined {
  const texts = plan.apiServer?.authorizedIpRanges;
  if (texts === undefined || texts.length === 0) return undefined;
  if (texts.length > AUTHORIZED_RANGES_EXAMINED) {
    const { ranges, rangesWithVnetIntegration } = AUTH.limits.value;
    c.problems.push({
      path: "apiServer.authorizedIpRanges",
      value: `${texts.length} entries`,
      reason:
        `it has ${texts.length} entries; aksnet reads the first ${AUTHORIZED_RANGES_EXAMINED} and AKS allows at ` +
        `most ${Math.max(ranges, rangesWithVnetIntegration ?? 0)}, so none are written`,
    });
    return undefined;
  }
  const out: string[] = [];
  const seen = new Set<string>();
  parseAuthorizedRanges(texts).forEach((e, i) => {
    const path = `apiServer.authorizedIpRanges[${i}]`;
    if (e.kind !== "range" || e.prefix.family === 6) {
      c.problems.push({ path, value: e.text, reason: reasonOf(e.kind, e.kind === "invalid" ? e.problem : "") });
      return;
    }
    if (e.hostBits) c.assumptions.push(`${path} ${e.text} is written as its network ${e.canonical}`);
    if (seen.has(e.canonical)) {
      c.assumptions.push(`${path} ${e.text} is written once (${e.canonical} is listed before it)`);
      return;
    }
    seen.add(e.canonical);
    out.push(e.canonical);
  });
  if (out.length > 1 && out.includes(AUTH.outboundIpOnly.value))
    c.problems.push({
      path: "apiServer.authorizedIpRanges",
      value: AUTH.outboundIpOnly.value,
      reason: `${AUTH.outboundIpOnly.value} (only the load balancer's outbound IP) must be the only range`,
    });
  return out.length > 0 ? out : undefined;
}

function reasonOf(kind: string, problem: string): string {
  if (kind === "empty")
    return "an empty entry disables authorized ranges and the az CLI refuses it beside ranges; remove it";
  if (kind === "serviceTag")
    return "service tags as authorized ranges are a preview the generated az, Bicep and Terraform do not write";
  if (kind === "range") return "the az CLI and azurerm take IPv4 ranges only";
  return `it is not an IPv4 address or CIDR (${problem.replace(/\.$/, "")})`;
}

const PREFIX_ID = new RegExp(AUTH.nodePublicIpPrefixId.value.idPattern, "i");

/**
 * A pool's node public IPs as written: on, from its public IP prefix when the plan gives the prefix's resource ID.
 * A prefix ID without node public IPs, an ID that is no public IP prefix's, and a prefix range (nodePublicIpPrefix)
 * without its ID (the output could not take the nodes' addresses from it) are problems.
 */
export function nodePublicIpOf(
  p: Plan["nodePools"][number],
  i: number,
  c: Checks,
): { nodePublicIp?: true; nodePublicIpPrefixId?: string } {
  const path = `nodePools[${i}]`;
  const id = p.nodePublicIpPrefixId;
  if (p.nodePublicIp !== true) {
    if (id !== undefined)
      c.problems.push({
        path: `${path}.nodePublicIpPrefixId`,
        value: id,
        reason: "a public IP prefix is used only with node public IPs; set nodePublicIp: true on the pool",
      });
    return {};
  }
  if (id === undefined) {
    if (p.nodePublicIpPrefix !== undefined)
      c.problems.push({
        path: `${path}.nodePublicIpPrefix`,
        value: p.nodePublicIpPrefix,
        reason:
          "the output can take the nodes' public IPs from this prefix only by its resource ID; add " +
          "nodePublicIpPrefixId (…/providers/Microsoft.Network/publicIPPrefixes/NAME), or remove nodePublicIpPrefix " +
          "to let AKS give each node a public IP of its own",
      });
    return { nodePublicIp: true };
  }
  if (!PREFIX_ID.test(id)) {
    c.problems.push({
      path: `${path}.nodePublicIpPrefixId`,
      value: id,
      reason:
        "it is not a public IP prefix's resource ID; give /subscriptions/SUB/resourceGroups/RG/providers/" +
        "Microsoft.Network/publicIPPrefixes/NAME",
    });
    return { nodePublicIp: true };
  }
  return { nodePublicIp: true, nodePublicIpPrefixId: id };
}
