import { APPLICATION_GATEWAY_SUBNET as APPGW, MODELS, sourceUrls } from "../../../kb/index.js";
import { formatPath } from "../../plan/index.js";
import { defineRule } from "../rule.js";
import { describesVnet, otherUses, subnetNamed, usableOf } from "../subnet-uses.js";

export default defineRule({
  meta: {
    id: "application-gateway-subnet-invalid",
    family: "vnet-layout",
    severity: "error",
    description:
      "The Application Gateway of the ingress controller (AGIC) needs a dedicated subnet with an address per " +
      "instance at its maximum, one per private frontend and Azure's five; with Azure CNI Overlay the subnet " +
      "must be /24 or smaller.",
    messages: {
      model: {
        message: "The Application Gateway Ingress Controller is not supported with {model}.",
        fix: "Use Azure CNI Overlay or another Azure CNI model.",
      },
      unknownSubnet: {
        message: 'addons.applicationGateway.subnet names "{subnet}", which is not in vnet.subnets.',
        fix: "Add the subnet to vnet.subnets (aksnet layout places it) or correct the name.",
      },
      delegated: {
        message:
          'Application Gateway subnet "{subnet}" is delegated to {delegation}; an Application Gateway needs a subnet ' +
          "without delegation.",
        fix: "Remove the delegation, or use another subnet.",
      },
      shared: {
        message:
          'Application Gateway subnet "{subnet}" is also named at {other}; only application gateways may use it.',
        fix: "Give {other} its own subnet.",
      },
      tooSmall: {
        message:
          'Application Gateway subnet "{subnet}" ({cidr}) has {usable:count} usable addresses, but {instances} ' +
          "instances{frontend} need {needed:count}.",
        fix: "Use a /{bits} or larger subnet (Microsoft recommends /24 for v2), or lower maxInstances.",
      },
      belowRecommended: {
        message:
          'Application Gateway subnet "{subnet}" is {cidr}; Microsoft recommends a /24 so a v2 gateway can scale to ' +
          "its 125 instances.",
        fix: "Use a /24, or set addons.applicationGateway.maxInstances so aksnet can check the size.",
        severity: "warning",
      },
      overlayTooLarge: {
        message:
          'Application Gateway subnet "{subnet}" is {cidr}; with Azure CNI Overlay AGIC registers it with the ' +
          "overlay, which takes /24 or smaller subnets only.",
        fix: "Use a /24 or smaller subnet for the Application Gateway.",
      },
    },
    sources: sourceUrls(APPGW.dedicated, APPGW.recommendedPrefixLength, APPGW.maxInstancesV2, APPGW.overlayMaxSubnet),
    checked: "2026-12-06",
    assumes:
      "The /24 limit with Overlay is derived: AGIC hands the gateway subnet to the overlay extension config, whose " +
      "/24 limit the ALB controller reports; no AGIC page states it.",
  },
  check({ plan, report }) {
    const g = plan.plan.addons?.applicationGateway;
    if (!g) return;
    const path = ["addons", "applicationGateway", "subnet"];
    if (!MODELS[plan.model].agic.value) report({ messageId: "model", path, data: { model: MODELS[plan.model].title } });
    if (!describesVnet(plan)) return;
    const s = subnetNamed(plan, g.subnet);
    if (!s) {
      report({ messageId: "unknownSubnet", path, data: { subnet: g.subnet } });
      return;
    }
    const at = ["vnet", "subnets", s.index];
    if (s.delegation)
      report({
        messageId: "delegated",
        path: [...at, "delegation"],
        data: { subnet: s.name, delegation: s.delegation },
      });
    for (const u of otherUses(plan, s.name, "applicationGateway"))
      report({ messageId: "shared", path: u.path, data: { subnet: s.name, other: formatPath(u.path) } });
    const usable = usableOf(s);
    if (!s.prefix || usable === null) return;
    if (plan.model === "azure-cni-overlay" && s.prefix.bits < APPGW.overlayMaxSubnet.value) {
      report({ messageId: "overlayTooLarge", path: [...at, "cidr"], data: { subnet: s.name, cidr: s.text } });
      return;
    }
    if (g.maxInstances !== undefined) {
      const needed = g.maxInstances + (g.privateFrontend ? APPGW.privateFrontendAddresses.value : 0);
      if (usable < needed) {
        const bits = Math.min(29, 32 - Math.ceil(Math.log2(needed + 5)));
        report({
          messageId: "tooSmall",
          path: [...at, "cidr"],
          data: {
            subnet: s.name,
            cidr: s.text,
            usable,
            instances: g.maxInstances,
            frontend: g.privateFrontend ? " and a private frontend" : "",
            needed,
            bits,
          },
        });
      }
    } else if (s.prefix.bits > APPGW.recommendedPrefixLength.value)
      report({ messageId: "belowRecommended", path: [...at, "cidr"], data: { subnet: s.name, cidr: s.text } });
  },
});
