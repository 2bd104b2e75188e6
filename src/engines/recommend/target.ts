/**
 * The engine's guard: requirements as a library caller may pass them (any numbers,
 * any strings) checked once, each problem returned as data naming the requirement
 * and the fix; then the target every candidate is judged against.
 */
import { tryParsePrefix, type Prefix } from "../../ip/index.js";
import { RECOMMENDED_MAX_SURGE, tryParseKubernetesVersion, formatCount, type MaxSurge } from "../../kb/index.js";
import type { Requirements } from "../plan/index.js";
import { comparisonMaxPods, splitAssumption, splitPools, surgeText, type Target } from "./candidate.js";

/** A requirement the engine cannot work with. */
export interface InputProblem {
  /** The requirement, as a field of the plan's `requirements` section (or `kubernetesVersion`). */
  readonly input: string;
  /** What is wrong, quoting the value. */
  readonly message: string;
  /** What to give instead. */
  readonly fix: string;
}

/** Node counts past this are not a cluster AKS can run in any form; the engine refuses them as input. */
const MAX_NODES_INPUT = 1_000_000;
/** Address spaces past this many prefixes are not a VNet. */
const MAX_ADDRESS_SPACE = 1_000;

const COUNTS = ["nodes", "maxNodes", "podsPerNode", "maxPodsPerNode"] as const;

function countProblems(r: Requirements): InputProblem[] {
  const out: InputProblem[] = [];
  for (const k of COUNTS) {
    const v: unknown = r[k];
    if (v === undefined) continue;
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0 || v > MAX_NODES_INPUT)
      out.push({
        input: k,
        message: `${k} ${JSON.stringify(v)} must be a whole number from 0 to ${formatCount(MAX_NODES_INPUT)}`,
        fix: `give ${k} within that range`,
      });
  }
  if (out.length) return out;
  if (r.nodes === 0 || r.maxNodes === 0)
    out.push({
      input: r.nodes === 0 ? "nodes" : "maxNodes",
      message: "a cluster's System pool needs at least one node",
      fix: "give 1 node or more",
    });
  if (r.nodes !== undefined && r.maxNodes !== undefined && r.maxNodes < r.nodes)
    out.push({
      input: "maxNodes",
      message: `maxNodes ${r.maxNodes} is below nodes ${r.nodes}`,
      fix: "give maxNodes at least nodes",
    });
  if (r.podsPerNode !== undefined && r.maxPodsPerNode !== undefined && r.podsPerNode > r.maxPodsPerNode)
    out.push({
      input: "podsPerNode",
      message: `podsPerNode ${r.podsPerNode} is above maxPodsPerNode ${r.maxPodsPerNode}`,
      fix: "raise maxPodsPerNode or lower podsPerNode",
    });
  return out;
}

function addressSpaceProblems(r: Requirements): { problems: InputProblem[]; prefixes: Prefix[] } {
  const raw: unknown = r.addressSpace;
  if (raw === undefined) return { problems: [], prefixes: [] };
  if (!Array.isArray(raw) || raw.length > MAX_ADDRESS_SPACE)
    return {
      problems: [
        {
          input: "addressSpace",
          message: `addressSpace must be a list of at most ${MAX_ADDRESS_SPACE} CIDRs`,
          fix: "give CIDRs such as 10.10.0.0/16",
        },
      ],
      prefixes: [],
    };
  const problems: InputProblem[] = [];
  const prefixes: Prefix[] = [];
  for (const c of raw as unknown[]) {
    const parsed = typeof c === "string" ? tryParsePrefix(c) : undefined;
    if (!parsed || !parsed.ok)
      problems.push({
        input: "addressSpace",
        message:
          `addressSpace ${JSON.stringify(c)}: ` + `${parsed && !parsed.ok ? parsed.error.reason : "not a CIDR string"}`,
        fix: "give CIDRs such as 10.10.0.0/16",
      });
    else if (parsed.value.addr.family !== 4)
      problems.push({
        input: "addressSpace",
        message: `addressSpace ${c} is IPv6`,
        fix: "give the IPv4 space (dual-stack VNets get their IPv6 /64s per subnet)",
      });
    else prefixes.push(parsed.value);
  }
  return { problems, prefixes };
}

/** YYYY-MM-DD, or undefined when `s` is not a real date. */
function isDate(s: unknown): s is string {
  if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/**
 * The target for the requirements, or the problems that stop the engine from
 * deciding one. `today` (YYYY-MM-DD) is when retirements are judged; the clock's date when absent.
 */
export function targetOf(
  requirements: Requirements,
  kubernetesVersion?: string | number,
  today?: string,
  surge?: MaxSurge,
): { target: Target } | { problems: InputProblem[] } {
  const r = requirements ?? {};
  const problems = countProblems(r);
  const space = addressSpaceProblems(r);
  problems.push(...space.problems);
  const version = kubernetesVersion === undefined ? undefined : tryParseKubernetesVersion(kubernetesVersion);
  if (kubernetesVersion !== undefined && version === undefined)
    problems.push({
      input: "kubernetesVersion",
      message: `Kubernetes version ${JSON.stringify(kubernetesVersion)} is not like 1.33`,
      fix: "give a version such as 1.33",
    });
  if (today !== undefined && !isDate(today))
    problems.push({ input: "today", message: `today ${JSON.stringify(today)} is not a date`, fix: "give YYYY-MM-DD" });
  if (problems.length) return { problems };

  const assumptions: string[] = [];
  let nodes = r.nodes ?? r.maxNodes;
  if (nodes === undefined) {
    nodes = 3;
    assumptions.push("no node count given: 3 nodes");
  }
  const peakNodes = r.maxNodes ?? nodes;
  const given = r.maxPodsPerNode ?? r.podsPerNode;
  const maxPods = given ?? comparisonMaxPods();
  if (given === undefined)
    assumptions.push(
      `no pods per node given: every model compared at ${maxPods} max pods per node (the highest AKS default), ` +
        "so no model wins by a smaller default of its own",
    );
  if (version === undefined) assumptions.push("no Kubernetes version given: current AKS behaviour");
  const maxSurge = surge ?? RECOMMENDED_MAX_SURGE.value;
  if (!surge)
    assumptions.push(
      `max surge ${surgeText(maxSurge)}, Microsoft's recommendation for production, for sizing and in an emitted plan`,
    );
  const pools = splitPools(nodes, peakNodes, maxSurge);
  const split = splitAssumption(pools, maxSurge);
  if (split) assumptions.push(split);
  return {
    target: {
      requirements: r,
      peakNodes,
      nodes,
      pools,
      maxPods,
      maxPodsAssumed: given === undefined,
      maxSurge,
      ...(version ? { kubernetesVersion: version, kubernetesVersionText: String(kubernetesVersion) } : {}),
      addressSpace: space.prefixes,
      today: today ?? new Date().toISOString().slice(0, 10),
      assumptions,
    },
  };
}
