/** Every IPAM model's facts, by id. */
import type { ModelId } from "../ids.js";
import type { ModelFacts } from "../model.js";
import { azureCniNodeSubnet } from "./azure-cni-node-subnet.js";
import { azureCniOverlay } from "./azure-cni-overlay.js";
import { azureCniPodSubnetDynamic } from "./azure-cni-pod-subnet-dynamic.js";
import { azureCniPodSubnetStatic } from "./azure-cni-pod-subnet-static.js";

export { STATIC_BLOCK_MIN_KUBERNETES } from "./azure-cni-pod-subnet-static.js";
import { byoCni } from "./byo-cni.js";
import { kubenet } from "./kubenet.js";

export const MODELS: Readonly<Record<ModelId, ModelFacts>> = {
  kubenet,
  "azure-cni-node-subnet": azureCniNodeSubnet,
  "azure-cni-pod-subnet-dynamic": azureCniPodSubnetDynamic,
  "azure-cni-pod-subnet-static": azureCniPodSubnetStatic,
  "azure-cni-overlay": azureCniOverlay,
  "byo-cni": byoCni,
};

/**
 * The facts of `model`, or undefined when it is not a model id. Any value from JavaScript: `MODELS[value]` would
 * turn an array into its text first (10,000 items: ~120 KB per lookup) and find `constructor` on the prototype.
 */
export function modelFactsOf(model: unknown): ModelFacts | undefined {
  return typeof model === "string" && Object.hasOwn(MODELS, model) ? MODELS[model as ModelId] : undefined;
}
