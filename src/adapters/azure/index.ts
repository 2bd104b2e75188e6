/**
 * Azure, read-only: the estate snapshot the scan engine judges, from Resource
 * Graph and the VNet usage API with the official Azure SDK (`readAzureEstate`,
 * Node.js 22+, loaded on first use), or from saved az JSON (`readEstateFiles`,
 * any Node.js). Reference: docs/scan.md.
 * @module
 */
export { readAzureEstate, AzureReadError, type LiveScanOptions, type LiveScanResult } from "./live.js";
export { readEstateFiles, addFileText, EstateFileError, MAX_FILE_BYTES } from "./from-files.js";
export { EstateBuilder, MV_EXPAND_LIMIT, type BuiltEstate } from "./estate.js";
export {
  clustersQuery,
  vnetsQuery,
  subnetsQuery,
  kqlString,
  USAGE_PATH,
  type ClusterFilter,
  type VnetFilter,
} from "./queries.js";
export { staticTokenCredential, defaultCredential, nodeTooOld, MIN_NODE_MAJOR } from "./clients.js";
export { newStats, type RequestStats } from "./policies.js";
export { vnetIdOf, parseResourceId } from "./records.js";
