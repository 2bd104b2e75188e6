/**
 * Used space: prefixes already taken, each with a label saying where it was
 * found (`UsedSpace`, defined with the fleet file in engines/plan). The
 * importers here produce it from the files users keep, each `cidr` already
 * validated and masked.
 */

import type { UsedPrefix, UsedSpace } from "../../../engines/plan/index.js";

export type { UsedPrefix, UsedSpace };

/** The formats a used-space file may have; `auto` tells them apart by their content. */
export const USED_FORMATS = [
  "auto",
  "avnm-pool-usage",
  "avnm-associated-resources",
  "azure-ipam",
  "netbox-available-prefixes",
  "netbox-prefixes",
  "prefix-list",
  "aksnet-scan",
] as const;
export type UsedFormat = (typeof USED_FORMATS)[number];

/** A used-space file that cannot be read; `message` is one sentence naming the file and the fix. */
export class UsedSpaceError extends Error {
  override readonly name = "UsedSpaceError";
}
