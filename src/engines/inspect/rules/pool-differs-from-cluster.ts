/**
 * A node pool of the configuration and the nodes the cluster runs disagree: a configured pool without
 * nodes, a running pool the configuration does not name, a node count outside the configured count or
 * autoscaler range, or nodes whose max pods differ (max pods is fixed when a pool is created).
 */
import { defineDriftRule, CHECKED, nodesByPool } from "./inputs.js";

export default defineDriftRule({
  meta: {
    id: "pool-differs-from-cluster",
    family: "drift",
    severity: "error",
    description:
      "Every configured node pool runs, every running pool is configured, with the configured node count and max pods.",
    messages: {
      notRunning: {
        message: "Pool {pool} is configured but no node of it runs.",
        fix: "Remove pool {pool} from the configuration, or create it (az aks nodepool add --name {pool}).",
      },
      notConfigured: {
        message: "Pool {pool} is not in the configuration; nodes running in it: {nodes}.",
        fix:
          "Add pool {pool} to the configuration's nodePools (az aks nodepool show --name {pool} gives its " +
          "settings).",
      },
      outsideAutoscaler: {
        message: "Pool {pool} runs outside its autoscaler range {minCount}–{maxCount}: nodes running in it: {nodes}.",
        fix:
          "Check the autoscaler (kubectl -n kube-system describe configmap cluster-autoscaler-status), or correct " +
          "minCount/maxCount of pool {pool}.",
      },
      count: {
        message: "Pool {pool} is configured with count {count}; nodes running in it: {nodes}.",
        fix:
          "Set count of pool {pool} to {nodes}, or scale the pool (az aks nodepool scale --name {pool} " +
          "--node-count {count}).",
      },
      maxPods: {
        message: "Pool {pool} is configured for max pods {maxPods}; its nodes allow {running}.",
        fix:
          "Set maxPods of pool {pool} to {running}: max pods is fixed when a pool is created, so a different " +
          "value needs a new pool.",
      },
    },
    sources: [
      "https://learn.microsoft.com/azure/aks/create-node-pools",
      "https://learn.microsoft.com/azure/aks/cluster-autoscaler",
      "https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning",
    ],
    checked: CHECKED,
    file: "src/engines/inspect/rules/pool-differs-from-cluster.ts",
  },
  check({ plan, nodes, report }) {
    const byPool = nodesByPool(nodes);
    for (const p of plan.pools) {
      const running = byPool.get(p.name) ?? [];
      const path = ["nodePools", p.index];
      if (running.length === 0) {
        report({ messageId: "notRunning", path, data: { pool: p.name } });
        continue;
      }
      const n = running.length;
      if (p.autoscale && (n > (p.maxCount ?? Infinity) || n < (p.minCount ?? 0)))
        report({
          messageId: "outsideAutoscaler",
          path: [...path, "maxCount"],
          data: { pool: p.name, nodes: n, minCount: p.minCount ?? 0, maxCount: p.maxCount ?? p.count },
        });
      else if (!p.autoscale && n !== p.count)
        report({ messageId: "count", path: [...path, "count"], data: { pool: p.name, count: p.count, nodes: n } });
      const other = [
        ...new Set(running.flatMap((x) => (x.maxPods !== undefined && x.maxPods !== p.maxPods ? [x.maxPods] : []))),
      ];
      if (other.length)
        report({
          messageId: "maxPods",
          path: [...path, "maxPods"],
          data: { pool: p.name, maxPods: p.maxPods, running: other.join(", ") },
        });
    }
    for (const [name, running] of byPool)
      if (name && !plan.pools.some((p) => p.name === name))
        report({ messageId: "notConfigured", path: ["nodePools"], data: { pool: name, nodes: running.length } });
  },
});
