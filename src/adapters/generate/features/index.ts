/** The feature modules every generator asks, in the order their pieces are written (see `feature.ts`). */
import { ADDONS } from "./addons.js";
import { API_SERVER } from "./api-server.js";
import type { GenFeature } from "./feature.js";
import { GATEWAY_POOLS } from "./gateway-pools.js";
import { NAT_GATEWAYS } from "./nat-gateways.js";
import { NODE_PROVISIONING } from "./node-provisioning.js";
import { NODE_PUBLIC_IPS } from "./node-public-ips.js";
import { ROUTE_TABLES } from "./route-tables.js";
import { SPOT_POOLS } from "./spot-pools.js";

export const FEATURES: readonly GenFeature[] = [
  ROUTE_TABLES,
  NAT_GATEWAYS,
  API_SERVER,
  NODE_PROVISIONING,
  GATEWAY_POOLS,
  SPOT_POOLS,
  NODE_PUBLIC_IPS,
  ADDONS,
];

export type {
  AzPieces,
  AzRefs,
  BicepPieces,
  BicepRefs,
  GenFeature,
  TerraformPieces,
  TerraformRefs,
} from "./feature.js";
