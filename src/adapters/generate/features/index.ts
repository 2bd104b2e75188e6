/** The feature modules every generator asks, in the order their pieces are written (see `feature.ts`). */
import type { GenFeature } from "./feature.js";
import { ROUTE_TABLES } from "./route-tables.js";

export const FEATURES: readonly GenFeature[] = [ROUTE_TABLES];

export type { AzPieces, BicepPieces, GenFeature, TerraformPieces } from "./feature.js";
