/**
 * Nodes of a pool hold no address in the subnet the configuration gives the pool: the configuration names
 * the wrong subnet, or the subnet's CIDR in the configuration is not the one in Azure. A pool's subnet is
 * fixed when the pool is created.
 */
import { tryParseAddr } from "../../../ip/index.js";
import { defineDriftRule, CHECKED, nodesByPool } from "./inputs.js";

export default defineDriftRule({
  meta: {
    id: "node-outside-pool-subnet",
    family: "drift",
    severity: "error",
    description: "Every node of a pool has its address in the subnet the configuration gives that pool.",
    messages: {
      outside: {
        message:
          "Nodes of pool {pool} with no address in its subnet {subnet} ({cidr}): {count}, e.g. {node} at {address}.",
        fix:
          "Correct the subnet of pool {pool} or that subnet's CIDR in the configuration (az network vnet subnet " +
          "show gives the real one); a pool's subnet cannot change after it is created.",
      },
    },
    sources: ["https://learn.microsoft.com/azure/aks/node-pool-unique-subnet"],
    checked: CHECKED,
    file: "src/engines/inspect/rules/node-outside-pool-subnet.ts",
  },
  check({ plan, nodes, report }) {
    const byPool = nodesByPool(nodes);
    for (const p of plan.pools) {
      const subnet = plan.subnets.find((s) => s.name === p.subnet);
      if (!subnet?.prefix) continue;
      const prefix = subnet.prefix.masked();
      const outside = (byPool.get(p.name) ?? []).filter(
        (n) =>
          !n.internalIps.some((ip) => {
            const a = tryParseAddr(ip);
            return a.ok && prefix.contains(a.value);
          }),
      );
      const first = outside[0];
      if (first)
        report({
          messageId: "outside",
          path: ["nodePools", p.index, "subnet"],
          data: {
            count: outside.length,
            pool: p.name,
            subnet: subnet.name,
            cidr: subnet.text,
            node: first.name,
            address: first.internalIps.join(", ") || "no address",
          },
        });
    }
  },
});
