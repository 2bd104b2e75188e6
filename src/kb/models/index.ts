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
