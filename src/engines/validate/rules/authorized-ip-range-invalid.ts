import { parsePrefix, type Prefix } from "../../../ip/index.js";
import { AUTHORIZED_IP_RANGES as AUTH, sourceUrls } from "../../../kb/index.js";
import { AUTHORIZED_RANGES_EXAMINED, parseAuthorizedRanges, type AuthorizedRange } from "../../plan/index.js";
import { defineRule } from "../rule.js";

const NON_GLOBAL = AUTH.nonGlobalRanges.value.ranges.map((c) => parsePrefix(c));
const GLOBAL_EXCEPTIONS = AUTH.nonGlobalRanges.value.globalExceptions.map((c) => parsePrefix(c));

/** az's `ip_network(x).is_global` is false: the range lies wholly in a non-global range and is no exception. */
function notGlobal(p: Prefix): string | undefined {
  if (GLOBAL_EXCEPTIONS.some((e) => e.contains(p))) return undefined;
  return NON_GLOBAL.find((n) => n.contains(p))?.toString();
}

export default defineRule({
  meta: {
    id: "authorized-ip-range-invalid",
    family: "cidr-syntax",
    severity: "error",
    description:
      "Every API server authorized IP range must be a public IPv4 CIDR (or address) starting at its network " +
      'address, listed once; 0.0.0.0/32 and "" only alone.',
    messages: {
      unparsable: {
        message: 'apiServer.authorizedIpRanges entry "{text}" is not an IPv4 address or CIDR: {problem}.',
        fix: "Write a public IPv4 CIDR such as 73.140.245.0/24, or one address such as 73.140.245.10.",
      },
      hostBits: {
        message:
          "apiServer.authorizedIpRanges entry {text} has host bits set; AKS wants a range to start with its first " +
          "address ({canonical}), and the az CLI refuses it.",
        fix: "Write {canonical}.",
      },
      ipv6: {
        message:
          "apiServer.authorizedIpRanges entry {text} is IPv6; the az CLI refuses IPv6 ranges and azurerm accepts " +
          "IPv4 CIDRs only.",
        fix: "Use the IPv4 address of the network you administer the cluster from.",
      },
      notGlobal: {
        message:
          "apiServer.authorizedIpRanges entry {text} is not a public address (it is inside {range}); the az CLI " +
          "refuses ranges that are not global. ARM and azurerm send it, and AKS documents nothing about it.",
        fix: "Authorize the public address your traffic leaves from, not a private or reserved range.",
        severity: "warning",
      },
      duplicate: {
        message:
          "apiServer.authorizedIpRanges lists {canonical} twice ({text} and entry {first}); every entry counts " +
          "against the limit of ranges.",
        fix: "Remove the second one.",
        severity: "warning",
      },
      empty: {
        message:
          'apiServer.authorizedIpRanges has an empty entry; "" alone disables authorized ranges, and the az CLI ' +
          "refuses it beside ranges.",
        fix: "Remove the empty entry (an empty list, or no field, leaves the API server open to every address).",
      },
      outboundOnlyWithOthers: {
        message:
          "apiServer.authorizedIpRanges has 0.0.0.0/32 beside other ranges; 0.0.0.0/32 means only the load " +
          "balancer's outbound IP, and the az CLI refuses it with other ranges.",
        fix: "Use 0.0.0.0/32 alone, or remove it and list the ranges.",
      },
      serviceTag: {
        message:
          'apiServer.authorizedIpRanges entry "{text}" is a service tag; service tags as authorized ranges are a ' +
          "preview ({flag}) in {regions} only, and aksnet does not check their addresses.",
        fix: "Use IPv4 CIDRs, or register the preview and deploy in a region that has it.",
        severity: "warning",
      },
      serviceTagWithVnetIntegration: {
        message:
          'apiServer.authorizedIpRanges entry "{text}" is a service tag, and service tags do not work with API ' +
          "Server VNet Integration.",
        fix: "Use IPv4 CIDRs, or turn off apiServer.vnetIntegration.",
      },
      notExamined: {
        message:
          "apiServer.authorizedIpRanges has {count} entries; aksnet examined the first {examined} and not the {rest} " +
          "after them (their syntax and duplicates are not checked).",
        fix: "Shorten the list to what AKS allows (at most {most} ranges; aksnet cidr merge joins adjacent ones).",
        severity: "warning",
      },
    },
    sources: sourceUrls(
      AUTH.networkAddressOnly,
      AUTH.ipv4Only,
      AUTH.globalOnly,
      AUTH.nonGlobalRanges,
      AUTH.outboundIpOnly,
      AUTH.emptyDisables,
      AUTH.serviceTags,
    ),
    checked: "2026-12-07",
    assumes:
      "Only the az CLI states the rules on IPv6, non-global ranges, 0.0.0.0/32 and empty entries; the AKS page " +
      "states that a CIDR starts at its first address. A non-global range is a warning because only az refuses it. " +
      "aksnet does not check a range that overlaps the VNet, or 0.0.0.0/0: no primary source states a rule on them. " +
      `aksnet examines the first ${AUTHORIZED_RANGES_EXAMINED} entries (five times AKS's largest limit) and says ` +
      "when a list is longer.",
  },
  check({ plan, report }) {
    const a = plan.plan.apiServer;
    const texts = a?.authorizedIpRanges;
    if (!texts || texts.length === 0) return;
    const entries = parseAuthorizedRanges(texts);
    const seen = new Map<string, number>();
    entries.forEach((e, i) => {
      const path = ["apiServer", "authorizedIpRanges", i];
      checkEntry(e, i, a?.vnetIntegration === true, seen, (messageId, data) => report({ messageId, path, data }));
    });
    if (entries.length > 1 && entries.some((e) => e.kind === "range" && e.text === AUTH.outboundIpOnly.value))
      report({ messageId: "outboundOnlyWithOthers", path: ["apiServer", "authorizedIpRanges"] });
    if (texts.length > entries.length) {
      const { ranges, rangesWithVnetIntegration } = AUTH.limits.value;
      const data = { count: texts.length, examined: entries.length, rest: texts.length - entries.length };
      const most = Math.max(ranges, rangesWithVnetIntegration ?? 0);
      report({ messageId: "notExamined", path: ["apiServer", "authorizedIpRanges"], data: { ...data, most } });
    }
  },
});

type Say = (
  messageId:
    | "unparsable"
    | "hostBits"
    | "ipv6"
    | "notGlobal"
    | "duplicate"
    | "empty"
    | "serviceTag"
    | "serviceTagWithVnetIntegration",
  data: Record<string, string | number>,
) => void;

function checkEntry(e: AuthorizedRange, i: number, vnet: boolean, seen: Map<string, number>, say: Say): void {
  if (e.kind === "empty") return say("empty", {});
  if (e.kind === "invalid") return say("unparsable", { text: e.text, problem: e.problem.replace(/\.$/, "") });
  if (e.kind === "serviceTag") {
    const t = AUTH.serviceTags.value;
    if (vnet) return say("serviceTagWithVnetIntegration", { text: e.text });
    return say("serviceTag", { text: e.text, flag: t.featureFlag, regions: t.regions.join(", ") });
  }
  if (e.prefix.family === 6) return say("ipv6", { text: e.text });
  if (e.hostBits) say("hostBits", { text: e.text, canonical: e.canonical });
  const first = seen.get(e.canonical);
  if (first !== undefined) say("duplicate", { text: e.text, canonical: e.canonical, first });
  else seen.set(e.canonical, i);
  if (e.text === AUTH.outboundIpOnly.value) return;
  const range = notGlobal(e.prefix.masked());
  if (range !== undefined) say("notGlobal", { text: e.text, range });
}
