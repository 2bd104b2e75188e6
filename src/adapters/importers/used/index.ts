/**
 * Importers of used address space: the files platform teams keep (Azure Virtual
 * Network Manager IPAM pool usage, Azure IPAM, NetBox, a plain prefix list,
 * `aksnet scan -o json`) → `UsedSpace` for `fleet allocate` / `fleet check`.
 * Reference: docs/fleet.md ("Used space").
 */
export { readUsedSpace, detectUsedFormat, type ReadUsedOptions } from "./read.js";
export { USED_FORMATS, UsedSpaceError, type UsedFormat, type UsedPrefix, type UsedSpace } from "./types.js";
