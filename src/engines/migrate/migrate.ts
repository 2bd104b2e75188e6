/**
 * Planning a migration to Azure CNI Overlay (IPAM) or to the Cilium dataplane:
 * what blocks it, what must be checked on the live cluster, the pod CIDR, and the
 * ordered steps with their `az aks update` commands. Pure: the plan and the facts
 * known about the live cluster in, a `Migration` out. A blocker is data, and so is
 * an option the engine cannot use (`problems`); nothing throws for input.
 */
import { tryParsePrefix, type Prefix } from "../../ip/index.js";
import { type ModelId } from "../../kb/index.js";
import { nodeSubnetAddressesNeeded } from "../capacity/index.js";
import type { ResolvedPlan } from "../plan/index.js";
import { addCiliumBlockers, addCiliumMove, addNodeAutoProvisioning } from "./cilium.js";
import { draftOf, reimageText, type Draft } from "./draft.js";
import {
  addKubenetPrerequisites,
  addNodeSubnetPrerequisites,
  addOverlayMove,
  addOverlayVersion,
  addOverlayWarnings,
  addSourceBlockers,
  addUnknownRangesCheck,
  overlaySourceProblem,
} from "./overlay.js";
import { choosePod } from "./pod-cidr-choice.js";
import { addPolicyRemoval, addPolicyReplacedByCilium, addPolicyRestore } from "./policy.js";
import type { MigrateOptions, MigrateProblem, Migration, MigrationRefusal, ModelState } from "./types.js";

export { planAvoid } from "./pod-cidr-choice.js";

/** The options checked as a library caller may pass them. */
function optionProblems(options: MigrateOptions): { problems: MigrateProblem[]; podCidr?: Prefix } {
  const problems: MigrateProblem[] = [];
  const to: unknown = options?.to;
  if (to !== "overlay" && to !== "cilium")
    problems.push({ input: "to", message: `to ${JSON.stringify(to)} is not a target`, fix: "give overlay or cilium" });
  const today: unknown = options?.today;
  if (today !== undefined && (typeof today !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(today)))
    problems.push({ input: "today", message: `today ${JSON.stringify(today)} is not a date`, fix: "give YYYY-MM-DD" });
  const raw: unknown = options?.podCidr;
  if (raw === undefined) return { problems };
  const r = typeof raw === "string" ? tryParsePrefix(raw) : undefined;
  if (!r || !r.ok)
    problems.push({
      input: "podCidr",
      message: `pod CIDR ${JSON.stringify(raw)}: ${r && !r.ok ? r.error.reason : "not a CIDR string"}`,
      fix: "give an IPv4 CIDR such as 100.64.0.0/16",
    });
  else if (r.value.addr.family !== 4)
    problems.push({
      input: "podCidr",
      message: `pod CIDR ${raw} is IPv6`,
      fix: "the Overlay migration takes an IPv4 pod CIDR such as 100.64.0.0/16",
    });
  else if (!r.value.isMasked())
    problems.push({
      input: "podCidr",
      message: `pod CIDR ${raw} is not a network address`,
      fix: `use ${r.value.masked().toString()}`,
    });
  else return { problems, podCidr: r.value };
  return { problems };
}

/** The Overlay part: prerequisites, the pod CIDR and the move. */
function planOverlay(d: Draft): void {
  addOverlayVersion(d);
  addPolicyRemoval(d);
  addKubenetPrerequisites(d);
  addNodeSubnetPrerequisites(d);
  addOverlayWarnings(d);
  const pod = choosePod(d);
  if (pod) d.podCidr = pod;
  addUnknownRangesCheck(d);
  addOverlayMove(d);
}

/** The Cilium part: blockers, the policy it replaces, node auto-provisioning and the move. */
function planCilium(d: Draft): void {
  addCiliumBlockers(d);
  addPolicyReplacedByCilium(d);
  addNodeAutoProvisioning(d);
  addCiliumMove(d);
}

/** Node-subnet addresses before and after, when Node Subnet moves to Overlay. */
function nodeSubnetChange(d: Draft): Migration["nodeSubnetAddresses"] {
  if (!d.needsOverlay || d.plan.model !== "azure-cni-node-subnet" || overlaySourceProblem(d)) return undefined;
  const pools = d.plan.pools.map((p) => ({
    name: p.name,
    nodes: p.peakCount,
    maxPods: p.maxPods,
    maxSurge: { kind: "count" as const, count: p.maxSurge.nodes },
  }));
  return {
    before: nodeSubnetAddressesNeeded(d.plan.model, pools),
    after: nodeSubnetAddressesNeeded("azure-cni-overlay", pools),
  };
}

function result(d: Draft, from: ModelState): Migration {
  const toModel: ModelId = d.needsOverlay ? "azure-cni-overlay" : d.plan.model;
  const subnet = nodeSubnetChange(d);
  return {
    target: d.to,
    from,
    to: { model: toModel, dataplane: d.needsCilium ? "cilium" : d.plan.dataplane, policy: d.policyAfter },
    status: d.blockers.some((b) => b.kind === "hard") ? "blocked" : "ready",
    blockers: d.blockers,
    checks: d.checks,
    warnings: d.warnings,
    ...(d.podCidr ? { podCidr: d.podCidr } : {}),
    ...(subnet ? { nodeSubnetAddresses: subnet } : {}),
    steps: d.steps,
    oneWay: d.oneWay,
    reimage: reimageText(d),
  };
}

/** Plans the migration of `plan` to `options.to`, or says which option it cannot use. */
export function planMigration(plan: ResolvedPlan, options: MigrateOptions): Migration | MigrationRefusal {
  const checked = optionProblems(options);
  if (checked.problems.length) return { problems: checked.problems };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const d = draftOf(plan, options.to, options.facts ?? {}, today, checked.podCidr);
  const from: ModelState = { model: plan.model, dataplane: plan.dataplane, policy: plan.policy };
  if (!d.needsOverlay && !d.needsCilium)
    return {
      ...result(d, from),
      status: "nothing-to-do",
      reimage: "Nothing is reimaged: the cluster already runs the target.",
    };
  addSourceBlockers(d);
  if (d.needsOverlay && !overlaySourceProblem(d)) planOverlay(d);
  if (d.needsCilium && plan.model !== "byo-cni") planCilium(d);
  addPolicyRestore(d);
  return result(d, from);
}
