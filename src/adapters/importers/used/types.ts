/**
 * Used space: prefixes already taken, each with a label saying where it was
 * found. The shape `fleet allocate` / `fleet check` read (the FleetPlan's
 * `UsedSpace`); the importers here produce it from the files users keep.
 */

/** One prefix already in use. `cidr` is the masked network in canonical text. */
export interface UsedPrefix {
  readonly cidr: string;
  /** Where it was found: "avnm:<pool>", "azure-ipam", "netbox", "prefix-list", "scan", "scan:pod-cidr" … */
  readonly source: string;
  /** What holds it, when the source says (a VNet, a subnet, a reservation). */
  readonly name?: string | undefined;
}

export interface UsedSpace {
  readonly prefixes: readonly UsedPrefix[];
  /** What the reader noticed but did not take (containers, pools, pages, assumptions), in plain sentences. */
  readonly notes: readonly string[];
}

/** The formats a used-space file may have; `auto` tells them apart by their content. */
export const USED_FORMATS = [
  "auto",
  "avnm-pool-usage",
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
