import type { PlanInput } from "../../plan/index.js";
import { mk, type Draft } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./gateway-pool-invalid.js";

type Pool = Draft["nodePools"][number];

/** The clean plan with a third pool, "egress", in Gateway mode with a /30 prefix and 2 nodes, edited by `pool`. */
const gw = (pool: Partial<Pool> = {}, edit: (d: Draft) => void = () => {}): PlanInput =>
  mk((d) => {
    d.nodePools.push({
      name: "egress",
      mode: "Gateway",
      count: 2,
      gatewayPrefixSize: 30,
      subnet: "aks-nodes",
      ...pool,
    } as Pool);
    edit(d);
  });

ruleTester(rule, {
  valid: [
    { name: "no gateway pool", plan: mk() },
    { name: "2 nodes on a /30", plan: gw() },
    { name: "16 nodes on a /28", plan: gw({ count: 16, gatewayPrefixSize: 28 }) },
    {
      name: "private-IP mode on 1.34",
      plan: gw({ vmSetType: "VirtualMachines" }, (d) => (d.kubernetesVersion = "1.34")),
    },
  ],
  invalid: [
    {
      name: "no prefix size",
      plan: gw({ gatewayPrefixSize: undefined }),
      findings: [
        {
          messageId: "noPrefix",
          path: "nodePools[2]",
          message:
            'Gateway pool "egress" sets no gatewayPrefixSize; the pool\'s public IP prefix (/28 to /31) bounds how ' +
            "many nodes it may have.",
        },
      ],
    },
    {
      name: "a /27 prefix",
      plan: gw({ gatewayPrefixSize: 27 }),
      findings: [
        {
          messageId: "prefixRange",
          path: "nodePools[2].gatewayPrefixSize",
          message: 'Gateway pool "egress" has gatewayPrefixSize 27; AKS accepts 28 to 31.',
        },
      ],
    },
    {
      name: "5 nodes on a /30",
      plan: gw({ count: 5 }),
      findings: [
        {
          messageId: "tooManyNodes",
          path: "nodePools[2].count",
          message: 'Gateway pool "egress" has 5 nodes, but a /30 public IP prefix gives at most 4.',
          fixIncludes: "/29 allows 8",
        },
      ],
    },
    {
      name: "one node",
      plan: gw({ count: 1 }),
      findings: [
        {
          messageId: "noHa",
          path: "nodePools[2].count",
          severity: "warning",
          message: 'Gateway pool "egress" has 1 node(s); Microsoft asks for at least 2 for high availability.',
        },
      ],
    },
    {
      name: "the autoscaler",
      plan: gw({ minCount: 2, maxCount: 4 }),
      findings: [
        {
          messageId: "autoscaler",
          path: "nodePools[2]",
          message: 'Gateway pool "egress" sets autoscaler bounds; gateway pools do not support the cluster autoscaler.',
        },
      ],
    },
    {
      name: "a pod subnet cluster",
      plan: gw({}, (d) => {
        delete d.network.pluginMode;
        delete d.network.podCidrs;
        d.vnet.subnets.push({ name: "pods", cidr: "10.225.0.0/16" });
        d.nodePools[0]!.podSubnet = "pods";
      }),
      findings: [
        {
          messageId: "podSubnet",
          path: "nodePools[2]",
          message:
            'Gateway pool "egress" is in a cluster on azure-cni-pod-subnet-dynamic; static egress gateway isn\'t ' +
            "supported with Azure CNI Pod Subnet.",
        },
      ],
    },
    {
      name: "Windows",
      plan: gw({ os: "Windows2022", name: "egw" }),
      findings: [
        {
          messageId: "windows",
          path: "nodePools[2].os",
          message: 'Gateway pool "egw" runs Windows2022; Windows node pools can\'t be gateway pools.',
        },
      ],
    },
    {
      name: "dual-stack",
      plan: gw({}, (d) => {
        d.network.ipFamilies = ["IPv4", "IPv6"];
        d.network.podCidrs = ["10.244.0.0/16", "fd12:3456:789a::/64"];
        d.network.serviceCidrs = ["10.0.0.0/16", "fd12:3456:789a:1::/108"];
      }),
      findings: [
        {
          messageId: "dualStack",
          path: "network.ipFamilies",
          message:
            'Gateway pool "egress" is in a dual-stack cluster; static egress gateway supports IPv4-only clusters.',
        },
      ],
    },
    {
      name: "a prefix size on a user pool",
      plan: mk((d) => ((d.nodePools[1] as Pool).gatewayPrefixSize = 30)),
      findings: [
        {
          messageId: "notGateway",
          path: "nodePools[1].gatewayPrefixSize",
          message: 'Pool "user" sets gatewayPrefixSize but its mode is User; only gateway pools have one.',
        },
      ],
    },
    {
      name: "private-IP mode on 1.33",
      plan: gw({ vmSetType: "VirtualMachines" }),
      findings: [
        {
          messageId: "privateVersion",
          path: "nodePools[2].vmSetType",
          message:
            'Gateway pool "egress" uses VirtualMachines (private-IP mode, preview), which needs Kubernetes 1.34 or ' +
            "later (this plan: 1.33).",
        },
      ],
    },
  ],
});
