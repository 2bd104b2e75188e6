import { NAT_GATEWAY as NAT, sourceUrls } from "../../../kb/index.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "nat-gateway-invalid",
    family: "outbound",
    severity: "error",
    description:
      "A subnet's natGateway must name an entry of vnet.natGateways (at most 16 public IPs each); with outbound type " +
      "userAssignedNATGateway every node subnet needs its NAT gateway before the cluster is created.",
    messages: {
      unknown: {
        message: 'Subnet "{subnet}" names NAT gateway "{gateway}", which is not in vnet.natGateways.',
        fix: "Add it to vnet.natGateways or correct the name.",
      },
      tooManyIps: {
        message: 'NAT gateway "{gateway}" has {count} public IPs; a NAT gateway takes at most {max}.',
        fix: "Use at most {max} public IPs (each gives 64,512 flows), or a public IP prefix.",
      },
      missing: {
        message:
          'Outbound type userAssignedNATGateway needs a NAT gateway on node subnet "{subnet}" before the cluster is ' +
          "created, and the plan attaches none to it.",
        fix: "Add a NAT gateway to vnet.natGateways and set natGateway on the subnet.",
      },
    },
    sources: sourceUrls(NAT.userAssignedNeedsSubnetAssociation, NAT.maxPublicIps, NAT.managedNeedsManagedVnet),
    checked: "2026-12-06",
  },
  check({ plan, report }) {
    const v = plan.plan.vnet;
    if (!v) return;
    const gateways = new Map((v.natGateways ?? []).map((g) => [g.name, g]));
    (v.natGateways ?? []).forEach((g, i) => {
      if (g.publicIpCount !== undefined && g.publicIpCount > NAT.maxPublicIps.value)
        report({
          messageId: "tooManyIps",
          path: ["vnet", "natGateways", i, "publicIpCount"],
          data: { gateway: g.name, count: g.publicIpCount, max: NAT.maxPublicIps.value },
        });
    });
    v.subnets.forEach((s, i) => {
      if (s.natGateway !== undefined && !gateways.has(s.natGateway))
        report({
          messageId: "unknown",
          path: ["vnet", "subnets", i, "natGateway"],
          data: { subnet: s.name, gateway: s.natGateway },
        });
    });
    const nodeSubnets = new Set(plan.pools.flatMap((p) => (p.subnet ? [p.subnet] : [])));
    const outbound = plan.outboundType;
    v.subnets.forEach((s, i) => {
      if (!nodeSubnets.has(s.name)) return;
      if (outbound === "userAssignedNATGateway" && s.natGateway === undefined)
        report({ messageId: "missing", path: ["vnet", "subnets", i], data: { subnet: s.name } });
    });
  },
});
