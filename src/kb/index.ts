/**
 * The knowledge base: AKS network models, limits, defaults, reserved ranges and
 * retirement dates, every value with its source and the date it was checked.
 * @module
 */
export { MODEL_IDS, DATAPLANE_IDS, isModelId, type ModelId, type DataplaneId } from "./ids.js";
