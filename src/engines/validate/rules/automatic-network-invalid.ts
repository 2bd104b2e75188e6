import { AKS_AUTOMATIC as AUTO, sourceUrls } from "../../../kb/index.js";
import type { ResolvedPlan } from "../../plan/index.js";
import { defineRule, type Report } from "../rule.js";
import { listText } from "../words.js";
import { describesVnet, subnetNamed } from "../subnet-uses.js";

type Ids = "systemTooSmall" | "systemDelegated" | "systemIsNodeSubnet";

/** The managed system node subnet: at least /26, not delegated, not the user node subnet. */
function checkSystemSubnet(plan: ResolvedPlan, report: (r: Report<Ids>) => void): void {
  const h = plan.plan.hostedSystem;
  const s = h?.systemNodeSubnet ? subnetNamed(plan, h.systemNodeSubnet) : undefined;
  if (!h || !s) return;
  const at = ["vnet", "subnets", s.index];
  const bits = AUTO.systemNodeSubnetPrefixLength.value;
  if (s.prefix && s.prefix.family === 4 && s.prefix.bits > bits)
    report({ messageId: "systemTooSmall", path: [...at, "cidr"], data: { subnet: s.name, cidr: s.text, bits } });
  if (s.delegation)
    report({
      messageId: "systemDelegated",
      path: [...at, "delegation"],
      data: { subnet: s.name, delegation: s.delegation },
    });
  if (h.nodeSubnet === h.systemNodeSubnet)
    report({ messageId: "systemIsNodeSubnet", path: ["hostedSystem", "nodeSubnet"], data: { subnet: s.name } });
}

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
      systemTooSmall: {
        message:
          'AKS Automatic\'s system node subnet "{subnet}" is {cidr}; ' +
          "the managed system node pools need /{bits} or larger.",
        fix: "Use a /{bits} or larger subnet for hostedSystem.systemNodeSubnet (aksnet layout places one).",
      },
      systemDelegated: {
        message:
          'AKS Automatic\'s system node subnet "{subnet}" is delegated to {delegation}; it must not be delegated.',
        fix: "Remove the delegation, or give hostedSystem.systemNodeSubnet a subnet of its own.",
      },
      systemIsNodeSubnet: {
        message:
          'hostedSystem names "{subnet}" as both the system node subnet and the user node subnet; they must differ.',
        fix: "Give the managed system node pools a subnet of their own (/26 or larger).",
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
      AUTO.systemNodeSubnetPrefixLength,
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
    checkSystemSubnet(plan, report);
    const allowed = AUTO.outboundTypes.value.customVnet;
    if (n.outboundType !== undefined && !allowed.includes(n.outboundType))
      report({
        messageId: "outbound",
        path: ["network", "outboundType"],
        data: { outbound: n.outboundType, allowed: allowed.join(", ") },
      });
  },
});
