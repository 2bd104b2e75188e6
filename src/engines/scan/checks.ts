/**
 * The scan's checks: what each one asks, the AKS error a failure meets, its
 * verdict when it fails, and where the rule comes from. Messages are in the words
 * of the AKS errors, with the numbers that decide them.
 *
 * AKS's own checks (InsufficientSubnetSize, MicrosoftDocs/SupportArticles-docs:
 * support/azure/azure-kubernetes/connectivity/insufficientsubnetsize-error-advanced-networking.md):
 * a scale, upgrade or create fails when the subnet's free addresses are fewer than
 * the new nodes (kubenet, Overlay), or the new nodes times maxPods (Azure CNI node
 * subnet); upgrades count the surge ("buffer") nodes, autoscaler pools count from
 * --max-count. When the addresses run out during the operation, the Network
 * resource provider answers SubnetIsFull ("Subnet <name> with address prefix
 * <prefix> does not have enough capacity for <n> IP addresses",
 * …/create-upgrade-delete/error-code-subnetisfull.md and error-code-subnetisfull-upgrade.md).
 */

export type Verdict = "fails" | "at-risk" | "ok" | "unknown";

export type CheckId = "next-upgrade" | "scale-out" | "upgrade-at-max" | "shared-subnet-at-max";

export type RangeRole = "node-subnet" | "pod-subnet" | "pod-cidr";

export interface CheckMeta {
  readonly id: CheckId;
  /** What the check asks, in one line (docs/scan.md). */
  readonly description: string;
  /** The verdict when the check fails. */
  readonly failure: Exclude<Verdict, "ok" | "unknown">;
  /** The AKS error a failure meets. */
  readonly aksErrorCode: "InsufficientSubnetSize" | "SubnetIsFull";
  readonly sources: readonly string[];
  readonly checked: string;
}

const TSG = "MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes";
const INSUFFICIENT = `${TSG}/connectivity/insufficientsubnetsize-error-advanced-networking.md`;
const FULL_SCALE = `${TSG}/create-upgrade-delete/error-code-subnetisfull.md`;
const FULL_UPGRADE = `${TSG}/create-upgrade-delete/error-code-subnetisfull-upgrade.md`;
const PLANNING = "https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning";

export const CHECKS: Readonly<Record<CheckId, CheckMeta>> = {
  "next-upgrade": {
    id: "next-upgrade",
    description:
      "the pool's next upgrade: its surge nodes (counted at maxCount for autoscaler pools) fit in the free addresses",
    failure: "fails",
    aksErrorCode: "InsufficientSubnetSize",
    sources: [INSUFFICIENT, FULL_UPGRADE, "https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling"],
    checked: "2026-12-06",
  },
  "scale-out": {
    id: "scale-out",
    description: "the autoscaler's scale-out from the current count to maxCount fits in the free addresses",
    failure: "fails",
    aksErrorCode: "SubnetIsFull",
    sources: [FULL_SCALE, INSUFFICIENT, PLANNING],
    checked: "2026-12-06",
  },
  "upgrade-at-max": {
    id: "upgrade-at-max",
    description: "an upgrade of the pool once it runs at maxCount: the scale-out and the surge together fit",
    failure: "at-risk",
    aksErrorCode: "InsufficientSubnetSize",
    sources: [INSUFFICIENT, PLANNING],
    checked: "2026-12-06",
  },
  "shared-subnet-at-max": {
    id: "shared-subnet-at-max",
    description:
      "every pool on the range (of every scanned cluster) at maxCount with its surge fits in the free addresses",
    failure: "at-risk",
    aksErrorCode: "SubnetIsFull",
    sources: [FULL_SCALE, PLANNING],
    checked: "2026-12-06",
  },
};

/** 12,345: thousands separators as the AKS docs print counts (toLocaleString is slow for thousands of messages). */
const n = (x: number): string => {
  const s = String(x);
  return Math.abs(x) < 1000 || !Number.isInteger(x) ? s : s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
};
const plural = (k: number, one: string, many = `${one}s`) => `${n(k)} ${k === 1 ? one : many}`;

/** How a range is named in messages: `subnet aks-nodes (10.0.0.0/24)` or `pod CIDR 10.244.0.0/16`. */
export interface RangeName {
  readonly role: RangeRole;
  readonly name: string;
  readonly prefix: string;
}

export function rangeText(r: RangeName): string {
  if (r.role === "pod-cidr") return `pod CIDR ${r.prefix}`;
  return `${r.role === "pod-subnet" ? "pod subnet" : "subnet"} ${r.name}${r.prefix ? ` (${r.prefix})` : ""}`;
}

/** `12 more addresses`, `3 more /24 blocks`. */
const moreUnits = (r: RangeRole, k: number): string =>
  `${n(k)} more ${r === "pod-cidr" ? (k === 1 ? "/24 block" : "/24 blocks") : k === 1 ? "address" : "addresses"}`;

/** The unit a range is counted in. */
export const unitOf = (r: RangeRole, k: number): string =>
  r === "pod-cidr" ? plural(k, "/24 block") : plural(k, "address", "addresses");

export interface PoolCheckData {
  readonly pool: string;
  readonly range: RangeName;
  /** Addresses (or /24 blocks) one node takes on the range. */
  readonly perNode: number;
  readonly nodes: number;
  readonly peak: number;
  readonly surge: number;
  readonly free: number;
}

/** The sentence for a failing pool check. */
export function failureMessage(id: Exclude<CheckId, "shared-subnet-at-max">, d: PoolCheckData): string {
  const where = rangeText(d.range);
  const code = CHECKS[id].aksErrorCode;
  const free = `${unitOf(d.range.role, d.free)} free`;
  if (id === "next-upgrade")
    return (
      `${code}: the next upgrade of pool ${d.pool} adds ${plural(d.surge, "surge node")} needing ` +
      `${unitOf(d.range.role, d.surge * d.perNode)} in ${where}; ${free}.`
    );
  if (id === "scale-out") {
    const room = d.perNode > 0 ? Math.floor(d.free / d.perNode) : 0;
    return (
      `${code}: the autoscaler can add ${n(room)} of the ${n(d.peak - d.nodes)} nodes pool ${d.pool} may grow by ` +
      `(from ${n(d.nodes)} to maxCount ${n(d.peak)}): ${where} has ${free}, ` +
      `${unitOf(d.range.role, (d.peak - d.nodes) * d.perNode)} needed.`
    );
  }
  return (
    `${code} at maxCount: pool ${d.pool} at ${n(d.peak)} nodes with ${plural(d.surge, "surge node")} needs ` +
    `${moreUnits(d.range.role, (d.peak - d.nodes + d.surge) * d.perNode)} in ${where}; ${free}.`
  );
}

/** The fix for a failing pool check: the largest maxCount that fits, and the other ways out. */
export function failureFix(id: Exclude<CheckId, "shared-subnet-at-max">, d: PoolCheckData): string {
  const move =
    d.range.role === "pod-cidr"
      ? "expand the pod CIDR (an Overlay pod CIDR can grow to a larger prefix that contains it)"
      : "add a node pool on a larger subnet and move the workloads there (a pool's subnet cannot change)";
  if (id === "next-upgrade")
    return (
      "Set the pool's maxUnavailable above 0 (nodes upgrade in place, no surge nodes) or lower maxSurge, " +
      `or ${move}.`
    );
  const room = d.free - (id === "scale-out" ? 0 : d.surge * d.perNode);
  const fitting = d.perNode > 0 && room > 0 ? d.nodes + Math.floor(room / d.perNode) : d.nodes;
  if (fitting <= d.nodes) return `No node fits beyond the ${n(d.nodes)} running: ${move}.`;
  return `Lower maxCount to ${n(fitting)} (the most that fit), or ${move}.`;
}

/** The check's subject in a sentence: `next upgrade of pool np1`. */
export function checkLabel(id: CheckId, pool?: string): string {
  if (id === "next-upgrade") return `next upgrade of pool ${pool ?? "?"}`;
  if (id === "scale-out") return `scale-out of pool ${pool ?? "?"} to maxCount`;
  if (id === "upgrade-at-max") return `upgrade of pool ${pool ?? "?"} at maxCount`;
  return "every pool at maxCount with its surge";
}

/** The sentence for a check that passes: what it needs and what is free. */
export function okMessage(id: CheckId, range: RangeName, needed: number, free: number, pool?: string): string {
  const free_ = unitOf(range.role, free);
  return `${checkLabel(id, pool)}: needs ${unitOf(range.role, needed)} in ${rangeText(range)}; ${free_} free.`;
}

/** The sentence for a check that cannot be decided. */
export function unknownMessage(id: CheckId, range: RangeName, why: string, pool?: string): string {
  return `${checkLabel(id, pool)} on ${rangeText(range)}: unknown, ${why}.`;
}

export interface SharedData {
  readonly range: RangeName;
  readonly pools: readonly string[];
  readonly needed: number;
  readonly free: number;
}

export function sharedMessage(d: SharedData): string {
  const list =
    d.pools.length > 6 ? `${d.pools.slice(0, 6).join(", ")} and ${n(d.pools.length - 6)} more` : d.pools.join(", ");
  return (
    `${CHECKS["shared-subnet-at-max"].aksErrorCode} when ` +
    `${d.pools.length === 2 ? "both pools" : `all ${plural(d.pools.length, "pool")}`} on ` +
    `${rangeText(d.range)} reach maxCount with their surge (${list}): they need ` +
    `${moreUnits(d.range.role, d.needed)}; ` +
    `${unitOf(d.range.role, d.free)} free.`
  );
}
