import { tryParseAddr } from "../../../ip/index.js";
import { defineRule } from "../rule.js";
import { serviceCidrs } from "../ranges.js";

export default defineRule({
  meta: {
    id: "dns-service-ip-reserved-address",
    family: "dns-service-ip",
    severity: "error",
    description:
      "The DNS service IP must not be the service range's network address, its first address (the kubernetes service) or its IPv4 broadcast address.",
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
  check({ plan, report }) {
    const dns = tryParseAddr(plan.dnsServiceIp.text);
    if (!dns.ok) return;
    const s = serviceCidrs(plan).find((x) => x.prefix.contains(dns.value));
    if (!s) return;
    const base = s.prefix.first();
    const data = { dns: dns.value.toString(), service: s.prefix.toString(), suggested: base.add(10)?.toString() ?? "" };
    if (dns.value.equals(base)) report({ messageId: "network", path: plan.dnsServiceIp.path, data });
    else if (base.next()?.equals(dns.value)) report({ messageId: "first", path: plan.dnsServiceIp.path, data });
    else if (dns.value.family === 4 && s.prefix.bits < 31 && dns.value.equals(s.prefix.last()))
      report({ messageId: "broadcast", path: plan.dnsServiceIp.path, data });
  },
});
