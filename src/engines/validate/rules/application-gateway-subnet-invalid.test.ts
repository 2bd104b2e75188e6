import type { PlanInput } from "../../plan/index.js";
import { mk, type Draft } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./application-gateway-subnet-invalid.js";

type AppGw = NonNullable<NonNullable<PlanInput["addons"]>["applicationGateway"]>;

/** The clean Overlay plan with AGIC's gateway on subnet "appgw" (`cidr`). */
const appgw = (cidr = "10.224.5.0/24", g: Partial<AppGw> = {}, edit: (d: Draft) => void = () => {}): PlanInput => ({
  ...mk((d) => {
    d.vnet.subnets.push({ name: "appgw", cidr });
    edit(d);
  }),
  addons: { applicationGateway: { subnet: "appgw", ...g } },
});

ruleTester(rule, {
  valid: [
    { name: "no AGIC", plan: mk() },
    { name: "a /24", plan: appgw() },
    {
      name: "a /27 for 10 instances and a private frontend",
      plan: appgw("10.224.5.0/27", { maxInstances: 10, privateFrontend: true }),
    },
  ],
  invalid: [
    {
      name: "a subnet not in the VNet",
      plan: { ...mk(), addons: { applicationGateway: { subnet: "nope" } } },
      findings: [
        {
          messageId: "unknownSubnet",
          path: "addons.applicationGateway.subnet",
          message: 'addons.applicationGateway.subnet names "nope", which is not in vnet.subnets.',
        },
      ],
    },
    {
      name: "BYO CNI",
      plan: appgw("10.224.5.0/24", {}, (d) => {
        d.network.plugin = "none";
        delete d.network.pluginMode;
      }),
      findings: [
        {
          messageId: "model",
          path: "addons.applicationGateway.subnet",
          message: "The Application Gateway Ingress Controller is not supported with Bring your own CNI.",
        },
      ],
    },
    {
      name: "delegated",
      plan: appgw("10.224.5.0/24", {}, (d) => (d.vnet.subnets[2]!.delegation = "Microsoft.Web/serverFarms")),
      findings: [
        {
          messageId: "delegated",
          path: "vnet.subnets[2].delegation",
          message:
            'Application Gateway subnet "appgw" is delegated to Microsoft.Web/serverFarms; an Application Gateway ' +
            "needs a subnet without delegation.",
        },
      ],
    },
    {
      name: "shared with a pool",
      plan: appgw("10.224.5.0/24", {}, (d) => (d.nodePools[1]!.subnet = "appgw")),
      findings: [
        {
          messageId: "shared",
          path: "nodePools[1].subnet",
          message:
            'Application Gateway subnet "appgw" is also named at nodePools[1].subnet; only application gateways may ' +
            "use it.",
        },
      ],
    },
    {
      name: "too small for its instances",
      plan: appgw("10.224.5.0/28", { maxInstances: 20, privateFrontend: true }),
      findings: [
        {
          messageId: "tooSmall",
          path: "vnet.subnets[2].cidr",
          message:
            'Application Gateway subnet "appgw" (10.224.5.0/28) has 11 usable addresses, but 20 instances and a ' +
            "private frontend need 21.",
          fixIncludes: "/27",
        },
      ],
    },
    {
      name: "below the recommended /24 with no instance count",
      plan: appgw("10.224.5.0/26"),
      findings: [
        {
          messageId: "belowRecommended",
          path: "vnet.subnets[2].cidr",
          severity: "warning",
          message:
            'Application Gateway subnet "appgw" is 10.224.5.0/26; Microsoft recommends a /24 so a v2 gateway can ' +
            "scale to its 125 instances.",
        },
      ],
    },
    {
      name: "Overlay with a /23",
      plan: appgw("10.224.6.0/23"),
      findings: [
        {
          messageId: "overlayTooLarge",
          path: "vnet.subnets[2].cidr",
          message:
            'Application Gateway subnet "appgw" is 10.224.6.0/23; with Azure CNI Overlay AGIC registers it with the ' +
            "overlay, which takes /24 or smaller subnets only.",
        },
      ],
    },
  ],
});
