/**
 * `apiServer.authorizedIpRanges` for generation: every entry an IPv4 CIDR or address the az CLI and azurerm accept,
 * written as a CIDR (a single address as its /32, a range with host bits as its network, both stated), listed once.
 * An entry no tool takes (not an address, IPv6, empty, a service tag) is a problem. Node public IPs are not
 * generated; a pool asking for them is stated. Facts: kb AUTHORIZED_IP_RANGES (the rules `check` reports).
 */
import { AUTHORIZED_RANGES_EXAMINED, parseAuthorizedRanges, type Plan } from "../../engines/plan/index.js";
import { AUTHORIZED_IP_RANGES as AUTH } from "../../kb/index.js";
import type { Checks } from "./checks.js";

export function checkAuthorizedRanges(plan: Plan, c: Checks): readonly string[] | undefined {
  notePublicIpPools(plan, c);
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

function notePublicIpPools(plan: Plan, c: Checks): void {
  plan.nodePools.forEach((p, i) => {
    if (p.nodePublicIp === true)
      c.assumptions.push(
        `nodePools[${i}].nodePublicIp is not written: aksnet does not generate node public IPs; add ` +
          "--enable-node-public-ip --node-public-ip-prefix-id (az), enableNodePublicIP and nodePublicIPPrefixID " +
          "(ARM) or node_public_ip_enabled and node_public_ip_prefix_id (azurerm) with your prefix's resource ID",
      );
  });
}
