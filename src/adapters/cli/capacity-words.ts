/** Words the capacity tables use for engine values. */
import type { CompareRow, Resource } from "../../engines/capacity/index.js";
import { FALLBACK_ON_ADDRESS_SHORTAGE, type CapacityAssumption } from "../../engines/capacity/index.js";
import { formatCount } from "../../kb/index.js";

export const RESOURCE_WORDS: Readonly<Record<Resource, string>> = {
  "node-subnet": "node subnet",
  "pod-cidr": "pod CIDR",
  "pod-subnet": "pod subnet",
  "route-table": "route table (400)",
  "vnet-ip-limit": "VNet IP limit",
  "cluster-node-limit": "5,000 nodes/cluster",
  "tier-node-limit": "tier's node limit",
};

/** 27,610: a whole number with thousands separators (fractions cut off). */
export function formatNumber(n: number): string {
  return formatCount(Math.trunc(n));
}

/**
 * What one node takes: node-subnet address(es) + its pod range share,
 * e.g. "1 + a /24", "31 (1 + 30)", "1 + 16×/28", "1 + ≤272".
 */
export function perNodeText(row: Pick<CompareRow, "addressesPerNode" | "podRange" | "maxPodsPerNode">): string {
  const a = row.addressesPerNode;
  switch (row.podRange) {
    case "node-subnet":
      return `${formatNumber(a.nodeSubnet)} (1 + ${row.maxPodsPerNode})`;
    case "pod-cidr":
      return "1 + a /24";
    case "pod-subnet":
      return a.podSubnetBlocks > 0 ? `1 + ${a.podSubnetBlocks}×/28` : `1 + ≤${formatNumber(a.podSubnet)}`;
    case "cni-defined":
      return "1 + CNI's";
  }
}

export function yesNo(b: boolean): string {
  return b ? "yes" : "no";
}

/** "10% (default)" or "1 (given)". */
export function assumptionValue(a: CapacityAssumption): string {
  return a.value === null ? "" : `${typeof a.value === "number" ? formatNumber(a.value) : a.value} (${a.origin})`;
}

/** Assumption lines: "name: value (origin): note. Other documented value: … Sources: …". */
export function assumptionLines(assumptions: Readonly<Record<string, CapacityAssumption>>): string[] {
  return Object.entries(assumptions).map(([name, a]) => {
    const value = assumptionValue(a);
    const alts = (a.alternatives ?? [])
      .map(
        (x) =>
          ` Also documented: ` +
          `${x.value === null ? "no limit" : typeof x.value === "number" ? formatNumber(x.value) : x.value} ` +
          `(${x.note}).`,
      )
      .join("");
    const src = a.sources.length ? ` [${a.sources.join(", ")}]` : "";
    return `${name}: ${value ? value + " — " : ""}${a.note}.${alts}${src}`;
  });
}

/**
 * The words an output puts before the fallback's numbers. `when` says from which version ("from Kubernetes 1.35");
 * `scope` is "" or " per pool". Unless the knowledge base says the retry covers a subnet without room for the
 * surge, the words say the numbers are that reading, not a documented behaviour.
 */
export function fallbackLead(when: string, scope: string): string {
  if (FALLBACK_ON_ADDRESS_SHORTAGE)
    return `When the full surge does not fit, AKS retries the upgrade with 1 surge node${scope} ${when}`;
  return (
    `If AKS also retries with 1 surge node${scope} when the subnet has no room for the full surge (documented ` +
    `${when} for a surge that fails for quota or capacity; for a full subnet Microsoft's upgrade capacity guide ` +
    `gives SubnetIsFull, not a retry)`
  );
}
