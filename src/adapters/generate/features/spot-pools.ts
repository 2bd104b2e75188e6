/**
 * Spot pools (`priority: Spot`): evictable VMs, written with priority Spot, eviction policy Delete and max
 * price -1 (up to the on-demand price) in every format (kb SPOT_POOL.create). Terraform also states the label
 * and taint AKS puts on every Spot node, as azurerm asks (kb SPOT_POOL.terraform), so the next plan shows no
 * change. A Spot pool is never the first System pool (`check`: a System pool must be Regular), so only
 * `az aks nodepool add`, a Bicep agent pool profile after the first and `azurerm_kubernetes_cluster_node_pool`
 * carry it.
 *
 * Source (checked 2026-12-07): https://learn.microsoft.com/azure/aks/spot-node-pool.
 */
import { SPOT_POOL } from "../../../kb/index.js";
import type { Arg } from "../az-words.js";
import type { BicepValue } from "../bicep-writer.js";
import { hclObject, type HclItem } from "../hcl.js";
import type { GenPlan, GenPool } from "../model.js";
import type { GenFeature } from "./feature.js";

const SPOT = SPOT_POOL.create.value;
const { label, taint } = SPOT_POOL.labelAndTaint.value;
const hasSpot = (plan: GenPlan) => plan.pools.some((p) => p.priority === "Spot");

function az(plan: GenPlan) {
  if (!hasSpot(plan)) return {};
  return {
    poolArgs: (p: GenPool): readonly Arg[] =>
      p.priority === "Spot"
        ? [
            ["--priority", SPOT.priority],
            ["--eviction-policy", SPOT.evictionPolicy],
            ["--spot-max-price", String(SPOT.spotMaxPrice)],
          ]
        : [],
  };
}

function bicep(plan: GenPlan) {
  if (!hasSpot(plan)) return {};
  return {
    poolProperties: (p: GenPool): Readonly<Record<string, BicepValue>> =>
      p.priority === "Spot"
        ? {
            scaleSetPriority: SPOT.priority,
            scaleSetEvictionPolicy: SPOT.evictionPolicy,
            spotMaxPrice: SPOT.spotMaxPrice,
          }
        : {},
  };
}

function terraform(plan: GenPlan) {
  if (!hasSpot(plan)) return {};
  const [key = "", value = ""] = label.split("=");
  return {
    poolItems: (p: GenPool): readonly HclItem[] =>
      p.priority === "Spot"
        ? [
            { attr: "priority", value: SPOT.priority },
            { attr: "eviction_policy", value: SPOT.evictionPolicy },
            { attr: "spot_max_price", value: SPOT.spotMaxPrice },
            { comment: "AKS puts this label and taint on every Spot node; stated so that a plan shows no change." },
            { attr: "node_labels", value: hclObject([[key, value]]) },
            { attr: "node_taints", value: [taint] },
          ]
        : [],
  };
}

export const SPOT_POOLS: GenFeature = { az, bicep, terraform };
