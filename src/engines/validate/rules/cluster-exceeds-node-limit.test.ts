import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./cluster-exceeds-node-limit.js";

ruleTester(rule, {
  valid: [
    { name: "small cluster", plan: mk() },
    {
      name: "1,100 nodes on the Standard tier",
      plan: mk((d) => {
        Object.assign(d, { sku: { tier: "Standard" } });
        d.nodePools[1]!.maxCount = 1100;
      }),
    },
    {
      name: "kubenet at exactly 400 with surge",
      plan: mk((d) => {
        d.network.plugin = "kubenet";
        delete d.network.pluginMode;
        d.nodePools = [{ name: "a", count: 399, maxSurge: 1, subnet: "aks-nodes" }];
      }),
    },
  ],
  invalid: [
    {
      name: "kubenet 400 nodes + 1 surge",
      plan: mk((d) => {
        d.network.plugin = "kubenet";
        delete d.network.pluginMode;
        d.nodePools = [{ name: "a", count: 400, maxSurge: 1, subnet: "aks-nodes" }];
      }),
      findings: [
        {
          messageId: "modelLimit",
          path: "nodePools",
          message:
            "The pools can reach 401 nodes with upgrade surge, above the 400-node limit of kubenet (one route per " +
            "node, 400 routes per route table).",
        },
      ],
    },
    {
      name: "overlay over 5,000 on the Standard tier",
      plan: mk((d) => {
        Object.assign(d, { sku: { tier: "Standard" } });
        d.nodePools = Array.from({ length: 6 }, (_, i) => ({
          name: `p${i}`,
          count: 900,
          maxSurge: "10%",
          subnet: "aks-nodes",
        }));
      }),
      findings: [
        {
          messageId: "modelLimit",
          path: "nodePools",
          message:
            "The pools can reach 5,940 nodes with upgrade surge, above the 5,000-node limit of azure-cni-overlay.",
        },
      ],
    },
    {
      name: "1,100 nodes on the Free tier AKS gives a plan without sku.tier (supported up to 1,000)",
      plan: mk((d) => {
        d.nodePools[1]!.maxCount = 1100;
      }),
      findings: [
        {
          messageId: "tier",
          path: "sku.tier",
          severity: "warning",
          message:
            "The pools can reach 1,105 nodes with upgrade surge, above the 1,000 nodes the Free tier supports (the " +
            "plan sets no sku.tier, and AKS creates a Free cluster).",
          fixIncludes: "up to 5,000 nodes",
        },
      ],
    },
    {
      name: "101 pools",
      plan: mk((d) => {
        d.nodePools = Array.from({ length: 101 }, (_, i) => ({
          name: `p${i}`,
          count: 1,
          maxSurge: 1,
          subnet: "aks-nodes",
        }));
      }),
      findings: [
        { messageId: "pools", path: "nodePools", message: "The plan has 101 node pools; AKS allows 100 per cluster." },
      ],
    },
    {
      name: "Azure NPM on 300 nodes",
      plan: mk((d) => {
        d.network.policy = "azure";
        d.nodePools[1]!.maxCount = 300;
      }),
      findings: [
        {
          messageId: "npm",
          path: "network.policy",
          severity: "warning",
          message: "The pools can reach 305 nodes, but Azure Network Policy Manager is supported only up to 250 nodes.",
        },
      ],
    },
  ],
});
