import { DNS_PATH } from "../fix-space.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "dns-and-service-cidr-set-separately",
    family: "dns-service-ip",
    severity: "warning",
    description: "The service CIDR and the DNS service IP should be given together.",
    messages: {
      serviceOnly: {
        message:
          "The service CIDR is set but the DNS service IP is not, so AKS would use its default 10.0.0.10; Terraform " +
          "refuses this pair.",
        fix: "Set network.dnsServiceIp to an address inside the service CIDR, e.g. {suggested}.",
      },
      dnsOnly: {
        message:
          "The DNS service IP {dns} is set but the service CIDR is not, so it must fall inside the default " +
          "10.0.0.0/16; Terraform refuses this pair.",
        fix: "Set network.serviceCidrs as well.",
      },
    },
    sources: ["hashicorp/terraform-provider-azurerm:internal/services/containers/kubernetes_cluster_validate.go"],
    checked: "2026-11-22",
  },
  check({ plan, fixes, report }) {
    const net = plan.plan.network;
    if (net.serviceCidrs !== undefined && net.dnsServiceIp === undefined) {
      const family = plan.serviceCidrs[0]?.prefix?.family ?? 4;
      const suggested = fixes.dnsServiceIp(family);
      report({
        messageId: "serviceOnly",
        path: ["network", "serviceCidrs"],
        data: { suggested: suggested?.toString() ?? "the .10 address" },
        ...(suggested ? { edits: [{ path: DNS_PATH, value: suggested.toString() }] } : {}),
      });
    }
    if (net.serviceCidrs === undefined && net.dnsServiceIp !== undefined)
      report({ messageId: "dnsOnly", path: ["network", "dnsServiceIp"], data: { dns: net.dnsServiceIp } });
  },
});
