import { tryParseAddr } from "../../../ip/index.js";
import { defineRule } from "../rule.js";
import { DNS_PATH } from "../fix-space.js";
import { serviceCidrs } from "../plan-ranges.js";

export default defineRule({
  meta: {
    id: "dns-service-ip-outside-service-cidr",
    family: "dns-service-ip",
    severity: "error",
    description: "The DNS service IP must lie inside the service CIDR.",
    messages: {
      outside: {
        message: "DNS service IP {dns} is outside the service CIDR {service}.",
        fix: "Use an address inside {target}, conventionally its .10 address: {suggested}.",
      },
    },
    aksErrorCode: "DnsServiceIpOutOfServiceCidr",
    sources: [
      "MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/create-upgrade-delete/" +
        "error-code-dnsserviceIpoutofservicecidr.md",
      "Azure/azure-rest-api-specs:specification/containerservice/resource-manager/Microsoft.ContainerService/aks/" +
        "stable/2025-05-01/managedClusters.json",
    ],
    checked: "2026-11-22",
  },
  check({ plan, fixes, report }) {
    const dns = tryParseAddr(plan.dnsServiceIp.text);
    if (!dns.ok) return; // cidr-invalid reports it
    const sameFamily = serviceCidrs(plan).filter((s) => s.prefix.family === dns.value.family);
    if (sameFamily.length === 0 || sameFamily.some((s) => s.prefix.contains(dns.value))) return;
    const service = sameFamily[0]!.prefix;
    // Where the DNS service IP must go once the run's fixes are applied: the service CIDR or its suggested replacement.
    const target = fixes.serviceCidr(dns.value.family);
    const suggested = fixes.dnsServiceIp(dns.value.family);
    report({
      messageId: "outside",
      path: plan.dnsServiceIp.path,
      data: {
        dns: plan.dnsServiceIp.text,
        service: service.toString(),
        target:
          target?.replaced === true
            ? `${target.final.toString()} (the service CIDR another finding suggests)`
            : service.masked().toString(),
        suggested: suggested?.toString() ?? "",
      },
      ...(suggested ? { edits: [{ path: DNS_PATH, value: suggested.toString() }] } : {}),
    });
  },
});
