/**
 * The page's view of `aksnet scan -o json` in the editor (kind: ScanReport): the
 * used space the importers read from it (`readUsedSpace`, the same reader as
 * `aksnet fleet --used` and `layout`), each VNet, peered space and pod CIDR with
 * what holds it, and a plan to start from that treats them as connected networks,
 * so its check flags overlaps with the estate and its layout avoids them. Pure.
 */
import { readUsedSpace, UsedSpaceError } from "../importers/index.js";
import { applyEditsToText } from "../../engines/layout/index.js";
import { tryParsePrefix, type Prefix } from "../../ip/index.js";
import { planFromScannedCluster, scannedClusters, type ScannedCluster } from "./scan-plan.js";
import { EXAMPLE_PLAN } from "./state.js";

export interface ScanUsedGroup {
  /** What holds the prefixes: `VNet x`, `peered with VNet x (p)`, `pod CIDR of cluster y`, `subnet z`. */
  readonly name: string;
  readonly cidrs: readonly string[];
}

export interface ScanView {
  /** Used prefixes as the scan reader gives them. */
  readonly count: number;
  /** The prefixes no other one contains, grouped by what holds them: the networks a new plan must avoid. */
  readonly groups: readonly ScanUsedGroup[];
  readonly notes: readonly string[];
  /** The example plan with these groups as its connected networks. */
  readonly planText: string;
  /** The scanned clusters: each can start a plan of its own configuration (`planFor`). */
  readonly clusters: readonly ScannedCluster[];
  /** The plan of a scanned cluster as it runs, the rest of the estate as connected networks (./scan-plan.ts). */
  planFor(cluster: string): string | undefined;
}

/** The scan report in `text`, or undefined when the text is not one; a report that cannot be read gives a problem. */
export function scanViewOf(text: string): ScanView | { readonly problem: string } | undefined {
  if (!text.trimStart().startsWith("{") || !/"(ScanReport|clusters)"/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const o = value as Record<string, unknown> | null;
  if (!o || typeof o !== "object" || !(o["kind"] === "ScanReport" || (Array.isArray(o["clusters"]) && o["summary"])))
    return undefined;
  let used;
  try {
    used = readUsedSpace(text, "the scan", { format: "aksnet-scan" });
  } catch (e) {
    if (e instanceof UsedSpaceError) return { problem: e.message };
    throw e;
  }
  const parsed = used.prefixes.flatMap((u) => {
    const r = tryParsePrefix(u.cidr);
    return r.ok ? [{ ...u, prefix: r.value.masked() }] : [];
  });
  const outer = parsed.filter(
    (a, i) =>
      !parsed.some((b, j) => j !== i && b.prefix.contains(a.prefix) && (b.prefix.bits < a.prefix.bits || j < i)),
  );
  const groups = new Map<string, Prefix[]>();
  for (const u of outer) {
    const name = u.name ?? u.source;
    groups.set(name, [...(groups.get(name) ?? []), u.prefix]);
  }
  const list = [...groups].map(([name, prefixes]) => ({ name, cidrs: prefixes.map((p) => p.toString()) }));
  const planText = applyEditsToText(EXAMPLE_PLAN, [
    { op: "set", path: ["connectedNetworks"], value: list.map((g) => ({ name: g.name, cidrs: g.cidrs })) },
  ]);
  return {
    count: used.prefixes.length,
    groups: list,
    notes: used.notes,
    planText,
    clusters: scannedClusters(value),
    planFor: (cluster) => planFromScannedCluster(value, cluster, list),
  };
}
