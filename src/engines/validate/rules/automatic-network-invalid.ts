import { AKS_AUTOMATIC as AUTO, sourceUrls } from "../../../kb/index.js";
import { defineRule } from "../rule.js";
import { listText } from "../words.js";
import { describesVnet } from "../subnet-uses.js";

export default defineRule({
  meta: {
    id: "automatic-network-invalid",
    family: "combinations",
    severity: "error",
    description:
      "AKS Automatic fixes the network (Azure CNI Overlay with Cilium, node auto-provisioning, no Windows nodes); in " +
      "your own VNet it needs an API server subnet, a system node subnet and a user node subnet, and egress by " +
      "load balancer, a user-assigned NAT gateway or UDR.",
    messages: {
      network: {
        message: "AKS Automatic always uses Azure CNI Overlay with Cilium, but the plan sets {field} {value}.",
        fix: "Remove network.{key}, or set it to {fixed}.",
      },
      windows: {
        message: 'AKS Automatic does not support Windows nodes, but pool "{pool}" runs {os}.',
        fix: "Run Windows workloads in an AKS Standard cluster.",
      },
      subnets: {
        message: "AKS Automatic in your own VNet needs {missing}, which the plan does not name.",
        fix:
          "Name them in apiServer.subnet and hostedSystem (systemNodeSubnet, nodeSubnet); aksnet layout adds and " +
          "places them.",
      },
      outbound: {
        message: "AKS Automatic in your own VNet takes outbound type {allowed}, not {outbound}.",
        fix: "Use outboundType loadBalancer, userAssignedNATGateway or userDefinedRouting.",
      },
      manualProvisioning: {
        message: "AKS Automatic manages its nodes with node auto-provisioning, but nodeProvisioning.mode is Manual.",
        fix: "Remove nodeProvisioning.mode, or set it to Auto.",
      },
    },
    sources: sourceUrls(
      AUTO.network,
      AUTO.windows,
      AUTO.customVnetSubnets,
      AUTO.outboundTypes,
      AUTO.nodeAutoProvisioning,
    ),
    checked: "2026-12-06",
  },
  check({ plan, report }) {
    if (plan.plan.sku?.name !== "Automatic") return;
    const fixed = AUTO.network.value;
    const n = plan.plan.network;
    for (const key of ["plugin", "pluginMode", "dataplane", "policy"] as const) {
      const v = n[key];
      if (v !== undefined && v !== fixed[key])
        report({
          messageId: "network",
          path: ["network", key],
          data: { field: `network.${key}`, value: v, key, fixed: fixed[key] },
        });
    }
    for (const p of plan.pools)
      if (p.os !== "Linux")
        report({ messageId: "windows", path: ["nodePools", p.index, "os"], data: { pool: p.name, os: p.os } });
    if (plan.plan.nodeProvisioning?.mode === "Manual")
      report({ messageId: "manualProvisioning", path: ["nodeProvisioning", "mode"] });
    if (!describesVnet(plan)) return;
    const missing = [
      plan.plan.apiServer?.subnet ? undefined : "an API server subnet",
      plan.plan.hostedSystem?.systemNodeSubnet ? undefined : "a system node subnet",
      plan.plan.hostedSystem?.nodeSubnet ? undefined : "a user node subnet",
    ].filter((x): x is string => x !== undefined);
    if (missing.length) report({ messageId: "subnets", path: ["vnet"], data: { missing: listText(missing) } });
    const allowed = AUTO.outboundTypes.value.customVnet;
    if (n.outboundType !== undefined && !allowed.includes(n.outboundType))
      report({
        messageId: "outbound",
        path: ["network", "outboundType"],
        data: { outbound: n.outboundType, allowed: allowed.join(", ") },
      });
  },
});
