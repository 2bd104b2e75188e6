/** `--resource-group` and `--cluster` on a snapshot read from files (the live read filters in its query). */
import type { EstateSnapshot } from "../../../engines/scan/index.js";

export function onlyClusters(
  s: EstateSnapshot,
  resourceGroups: readonly string[] | undefined,
  names: readonly string[] | undefined,
): EstateSnapshot {
  const rgs = resourceGroups?.length ? new Set(resourceGroups.map((x) => x.toLowerCase())) : undefined;
  const ns = names?.length ? new Set(names.map((x) => x.toLowerCase())) : undefined;
  if (!rgs && !ns) return s;
  return {
    ...s,
    clusters: s.clusters.filter(
      (c) => (!rgs || rgs.has(c.resourceGroup.toLowerCase())) && (!ns || ns.has(c.name.toLowerCase())),
    ),
  };
}
