/**
 * The checks over one range: each pool's next upgrade, scale-out and upgrade at
 * maxCount against the range's free addresses, and every pool on the range at
 * maxCount together. Addresses Azure counts as used already hold the nodes that
 * run now, so a pool needs room only for the nodes it adds; a dynamic-allocation
 * pod subnet is the exception, its nodes' shares grow with their pods.
 */
import {
  CHECKS,
  failureFix,
  failureMessage,
  okMessage,
  sharedMessage,
  unknownMessage,
  type CheckId,
  type RangeName,
  type RangeRole,
  type Verdict,
} from "./checks.js";
import type { Demand } from "./demands.js";

/** A range's figures: a subnet from Azure, or a pod CIDR from the cluster's record. */
export interface RangeState extends RangeName {
  readonly key: string;
  /** The subnet ID as Azure writes it, or the pod CIDR. */
  readonly id: string;
  readonly usable: number | null;
  readonly used: number | null;
  readonly free: number | null;
  /** Why free is unknown, when it is. */
  readonly unknownWhy?: string;
}

/** One check's result: a public contract (docs/scan.md, JSON output). */
export interface CheckResult {
  readonly check: CheckId;
  readonly range: RangeRole;
  /** The subnet ID, or the pod CIDR. */
  readonly rangeId: string;
  /** Addresses (pod CIDR: /24 blocks) needed beyond those in use now. */
  readonly needed: number;
  readonly free: number | null;
  readonly verdict: Verdict;
  /** The AKS error the failure meets; null when the check passes or is unknown. */
  readonly aksErrorCode: string | null;
  readonly message: string;
  readonly fix: string | null;
}

const added = (d: Demand) => Math.max(0, d.peak - d.nodes);

function result(
  id: CheckId,
  range: RangeState,
  needed: number,
  fail: () => { message: string; fix: string },
  pool?: string,
): CheckResult {
  const base = { check: id, range: range.role, rangeId: range.id, needed, free: range.free };
  if (range.free === null)
    return {
      ...base,
      verdict: "unknown",
      aksErrorCode: null,
      message: unknownMessage(id, range, range.unknownWhy ?? "its free addresses are not known", pool),
      fix: null,
    };
  if (needed <= range.free)
    return {
      ...base,
      verdict: "ok",
      aksErrorCode: null,
      message: okMessage(id, range, needed, range.free, pool),
      fix: null,
    };
  const f = fail();
  return { ...base, verdict: CHECKS[id].failure, aksErrorCode: CHECKS[id].aksErrorCode, ...f };
}

/**
 * The pool's own checks on one range: the next upgrade, and the scale-out and
 * an upgrade at maxCount when maxCount is above the count.
 */
export function poolChecks(d: Demand, range: RangeState): CheckResult[] {
  const data = {
    pool: d.pool,
    range,
    perNode: d.perNode,
    nodes: d.nodes,
    peak: d.peak,
    surge: d.surge,
    free: range.free ?? 0,
  };
  const check = (id: "next-upgrade" | "scale-out" | "upgrade-at-max", needed: number) =>
    result(id, range, needed, () => ({ message: failureMessage(id, data), fix: failureFix(id, data) }), d.pool);
  const out = [check("next-upgrade", d.surge * d.perNode)];
  if (added(d) > 0) {
    out.push(check("scale-out", added(d) * d.perNode));
    out.push(check("upgrade-at-max", (added(d) + d.surge) * d.perNode));
  }
  return out;
}

/**
 * Addresses every pool on the range needs beyond those in use when all reach
 * maxCount with their surge. For a dynamic pod subnet the used addresses are
 * taken to be these pools' nodes' current shares (up to a full share each).
 */
export function neededAtMax(demands: readonly Demand[], used: number | null): number | null {
  const fixed = demands.filter((d) => d.allocation === "fixed");
  const grows = demands.filter((d) => d.allocation === "grows");
  let need = fixed.reduce((a, d) => a + (added(d) + d.surge) * d.perNode, 0);
  if (grows.length) {
    if (used === null) return null;
    const full = grows.reduce((a, d) => a + (d.peak + d.surge) * d.perNode, 0);
    const held = grows.reduce((a, d) => a + d.nodes * d.perNode, 0);
    need += Math.max(0, full - Math.min(used, held));
  }
  return need;
}

/**
 * Every pool on the range at maxCount with its surge. Reported on the range
 * always; on the clusters only when it says more than the pools' own checks
 * (several pools, or a dynamic pod subnet whose nodes' shares grow).
 */
export function sharedCheck(range: RangeState, demands: readonly Demand[]): CheckResult {
  const needed = neededAtMax(demands, range.used);
  if (needed === null)
    return {
      check: "shared-subnet-at-max",
      range: range.role,
      rangeId: range.id,
      needed: 0,
      free: range.free,
      verdict: "unknown",
      aksErrorCode: null,
      message: unknownMessage("shared-subnet-at-max", range, range.unknownWhy ?? "its used addresses are not known"),
      fix: null,
    };
  return result("shared-subnet-at-max", range, needed, () => ({
    message: sharedMessage({
      range,
      pools: demands.map((d) => `${d.clusterName}/${d.pool}`),
      needed,
      free: range.free ?? 0,
    }),
    fix:
      range.role === "pod-cidr"
        ? "Expand the pod CIDR, or lower the pools' maxCount."
        : "Lower the pools' maxCount, move some pools to another subnet, or free addresses in the subnet.",
  }));
}

/** Whether the range-wide check adds anything to the pools' own checks. */
export function sharedMatters(demands: readonly Demand[]): boolean {
  return demands.length > 1 || demands.some((d) => d.allocation === "grows");
}

const RANK: Record<Verdict, number> = { fails: 3, "at-risk": 2, unknown: 1, ok: 0 };

/** The worst of some verdicts (fails > at-risk > unknown > ok); ok for none. */
export function worst(vs: Iterable<Verdict>): Verdict {
  let w: Verdict = "ok";
  for (const v of vs) if (RANK[v] > RANK[w]) w = v;
  return w;
}
