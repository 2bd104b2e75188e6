import { tryParseAddr } from "../../../ip/index.js";
import type { CidrField, ResolvedPlan } from "../../plan/index.js";
import { defineRule } from "../rule.js";

function allCidrs(plan: ResolvedPlan): CidrField[] {
  return [
    ...plan.podCidrs,
    ...plan.serviceCidrs,
    ...plan.vnetAddressSpace,
    ...plan.subnets,
    ...plan.connectedNetworks.flatMap((c) => c.cidrs),
  ];
}

export default defineRule({
  meta: {
    id: "cidr-invalid",
    family: "cidr-syntax",
    severity: "error",
    description:
      "Every range must be CIDR notation, with no host bits set; the DNS service IP must be an IPv4 address.",
    messages: {
      unparsable: {
        message: "{text} is not a CIDR range: {problem}.",
        fix: "Write the range as address/length, e.g. 10.244.0.0/16.",
      },
      hostBits: {
        message: "{text} has host bits set; the network it names is {masked}.",
        fix: "Write {masked} (Azure and Kubernetes expect the network address).",
      },
      dnsNotAddress: {
        message: "DNS service IP {text} is not an IP address: {problem}.",
        fix: "Give one address inside the service CIDR, e.g. 10.0.0.10.",
      },
      dnsNotIPv4: {
        message:
          "DNS service IP {text} is an IPv6 address; AKS takes an IPv4 DNS service IP, also on dual-stack clusters.",
        fix: "Give the IPv4 address inside the IPv4 service CIDR, e.g. 10.0.0.10.",
      },
    },
    sources: [
      "Azure/azure-rest-api-specs:specification/containerservice/resource-manager/Microsoft.ContainerService/aks/" +
        "stable/2025-05-01/managedClusters.json " +
        "(dnsServiceIP: an IPv4 pattern)",
      "hashicorp/terraform-provider-azurerm:internal/services/containers/kubernetes_cluster_resource.go " +
        "(validate.CIDR, validate.IPv4Address)",
      "kubernetes/kubernetes:cmd/kubeadm/app/apis/kubeadm/validation/validation.go",
    ],
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    for (const f of allCidrs(plan)) {
      if (!f.prefix)
        report({
          messageId: "unparsable",
          path: f.path,
          data: { text: f.text, problem: (f.problem ?? "not address/length").replace(/\.$/, "") },
        });
      else if (!f.prefix.isMasked())
        report({ messageId: "hostBits", path: f.path, data: { text: f.text, masked: f.prefix.masked().toString() } });
    }
    const dns = tryParseAddr(plan.dnsServiceIp.text);
    if (dns.ok && dns.value.family === 6)
      report({ messageId: "dnsNotIPv4", path: plan.dnsServiceIp.path, data: { text: plan.dnsServiceIp.text } });
    if (!dns.ok)
      report({
        messageId: "dnsNotAddress",
        path: plan.dnsServiceIp.path,
        data: { text: plan.dnsServiceIp.text, problem: dns.error.reason.replace(/\.$/, "") },
      });
  },
});
