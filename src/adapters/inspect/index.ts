/**
 * Inspect's reading side: a live cluster (`readLive`, the Kubernetes client)
 * or `kubectl get … -o json` dumps (`readDumps`) → a `ClusterSnapshot` for the
 * inspect engine (`engines/inspect`). Nothing here judges what it read.
 * @module
 */
export { SnapshotBuilder } from "./snapshot-builder.js";
export { listItems, DumpSyntaxError } from "./json-items.js";
export { readDumps, DumpError } from "./dump.js";
export {
  readLive,
  KubeconfigError,
  LiveOptionsError,
  MAX_TIMEOUT_MS,
  type LiveOptions,
  type LiveResult,
} from "./live.js";
