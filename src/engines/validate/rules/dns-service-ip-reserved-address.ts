import { tryParseAddr } from "../../../ip/index.js";
import { defineRule } from "../rule.js";
import { DNS_PATH } from "../fix-space.js";
import { serviceCidrs } from "../plan-ranges.js";

export default defineRule({
  meta: {
    id: "dns-service-ip-reserved-address",
    family: "dns-service-ip",
    severity: "error",
    description:
      "The DNS service IP must not be the service range's network address, its first address (the kubernetes " +
      "service) or its IPv4 broadcast address.",
    messages: {
      network: {
        message: "DNS service IP {dns} is the network address of {service}; Kubernetes never assigns it.",
        fix: "Use {suggested} (the .10 address by convention).",
      },
      first: {
        message:
          "DNS service IP {dns} is the first address of {service}, which belongs to the kubernetes.default service.",
        fix: "Use {suggested} (the .10 address by convention).",
      },
      broadcast: {
        message: "DNS service IP {dns} is the broadcast address of {service}; Kubernetes never assigns it.",
        fix: "Use {suggested} (the .10 address by convention).",
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/use-byo-cni.md",
      "kubernetes/kubernetes:pkg/registry/core/service/ipallocator (network and broadcast addresses are not allocated)",
    ],
    checked: "2026-11-22",
  },
  check({ plan, fixes, report }) {
    const dns = tryParseAddr(plan.dnsServiceIp.text);
    if (!dns.ok) return;
    const s = serviceCidrs(plan).find((x) => x.prefix.contains(dns.value));
    if (!s) return;
    const base = s.prefix.first();
    const messageId = dns.value.equals(base)
      ? "network"
      : base.next()?.equals(dns.value)
        ? "first"
        : dns.value.family === 4 && s.prefix.bits < 31 && dns.value.equals(s.prefix.last())
          ? "broadcast"
          : undefined;
    if (messageId === undefined) return;
    // The .10 address of the service CIDR the run's fixes leave in place (or of its replacement).
    const suggested = fixes.dnsServiceIp(dns.value.family) ?? base.add(10);
    const data = { dns: dns.value.toString(), service: s.prefix.toString(), suggested: suggested?.toString() ?? "" };
    const edits = suggested ? [{ path: DNS_PATH, value: suggested.toString() }] : [];
    report({ messageId, path: plan.dnsServiceIp.path, data, edits });
  },
});
