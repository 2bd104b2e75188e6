/**
 * The Overlay pod CIDR of a migration: the one given (checked), the kubenet one
 * kept when it fits and overlaps nothing, or the first free range.
 */
import { parsePrefix, type Prefix } from "../../ip/index.js";
import { DEFAULT_CIDRS, DEFAULT_POD_CIDR_BITS, MIGRATION_PAGES } from "../../kb/index.js";
import { podCidrBlocks, podCidrBlocksNeeded, podCidrPrefixLength, type PoolTarget } from "../capacity/index.js";
import type { ResolvedPlan } from "../plan/index.js";
import type { Draft } from "./draft.js";
import { choosePodCidr, firstOverlap, reservedAvoid, type Avoid } from "./pod-cidr.js";
import type { PodCidrChoice } from "./types.js";

/** The ranges a new pod CIDR must avoid, from the plan. */
export function planAvoid(plan: ResolvedPlan): Avoid[] {
  const out: Avoid[] = [];
  for (const c of plan.vnetAddressSpace)
    if (c.prefix) out.push({ prefix: c.prefix, what: `vnet address space ${c.text}` });
  for (const s of plan.subnets) if (s.prefix) out.push({ prefix: s.prefix, what: `subnet ${s.name}` });
  for (const c of plan.serviceCidrs) if (c.prefix) out.push({ prefix: c.prefix, what: `service CIDR ${c.text}` });
  for (const n of plan.connectedNetworks)
    for (const c of n.cidrs)
      if (c.prefix) out.push({ prefix: c.prefix, what: `connected network ${n.name} (${c.text})` });
  return [...out, ...reservedAvoid()];
}

function podTargets(plan: ResolvedPlan): PoolTarget[] {
  return plan.pools.map((p) => ({
    name: p.name,
    nodes: p.peakCount,
    maxSurge: { kind: "count", count: p.maxSurge.nodes },
  }));
}

/** The given pod CIDR, with a hard blocker when it overlaps or is too small. */
function givenPodCidr(d: Draft, p: Prefix, blocks: number, neededBits: number, avoid: Avoid[]): PodCidrChoice {
  const hit = firstOverlap(p, avoid);
  if (hit)
    d.blockers.push({
      id: "pod-cidr-overlaps",
      kind: "hard",
      message: `The pod CIDR ${p.toString()} overlaps ${hit.what}.`,
      fix: "Give a pod CIDR that overlaps nothing the cluster reaches, or leave --pod-cidr out to have one chosen.",
      source: MIGRATION_PAGES.updateAzureCni,
    });
  else if (podCidrBlocks(p) < blocks)
    d.blockers.push({
      id: "pod-cidr-too-small",
      kind: "hard",
      message:
        `The pod CIDR ${p.toString()} holds ${podCidrBlocks(p)} nodes (one /24 each) but the pools need ` +
        `${blocks} with surge.`,
      fix: `Give a /${neededBits} or larger.`,
      source: MIGRATION_PAGES.overlayConcepts,
    });
  return {
    cidr: p.toString(),
    origin: "given",
    blocksNeeded: blocks,
    nodesSupported: podCidrBlocks(p),
    reason: "given with --pod-cidr",
  };
}

/** The pod CIDR for the Overlay move; undefined (with a hard blocker) when none is free. */
export function choosePod(d: Draft): PodCidrChoice | undefined {
  const plan = d.plan;
  const blocks = podCidrBlocksNeeded(podTargets(plan));
  const neededBits = podCidrPrefixLength(blocks) ?? 8;
  const bits = Math.min(neededBits, DEFAULT_POD_CIDR_BITS);
  const avoid = planAvoid(plan);
  if (d.givenPodCidr) return givenPodCidr(d, d.givenPodCidr, blocks, neededBits, avoid);
  const describe = (p: Prefix, origin: PodCidrChoice["origin"], reason: string): PodCidrChoice => ({
    cidr: p.toString(),
    origin,
    blocksNeeded: blocks,
    nodesSupported: podCidrBlocks(p),
    reason,
  });
  let notKept = "";
  if (plan.model === "kubenet") {
    const current = plan.podCidrs.find((c) => c.prefix?.addr.family === 4)?.prefix;
    if (current) {
      const hit = firstOverlap(current, avoid);
      if (!hit && podCidrBlocks(current) >= blocks)
        return describe(
          current,
          "kept",
          `the kubenet pod CIDR holds ${podCidrBlocks(current)} nodes (${blocks} needed with surge) and overlaps ` +
            `nothing in the plan, so it stays`,
        );
      notKept = hit
        ? `the kubenet pod CIDR ${current.toString()} overlaps ${hit.what}, so it changes; `
        : `the kubenet pod CIDR ${current.toString()} holds only ${podCidrBlocks(current)} nodes, so it changes; `;
    }
  }
  const chosen = choosePodCidr(bits, avoid);
  if (!chosen) {
    d.blockers.push({
      id: "no-free-pod-cidr",
      kind: "hard",
      message:
        `No free /${bits} (${blocks} nodes with surge) is left in the address space AKS supports for Overlay ` +
        `pod CIDRs.`,
      fix: "Free some space (connected networks in the plan count as used) or give one with --pod-cidr.",
      source: MIGRATION_PAGES.overlayConcepts,
    });
    return undefined;
  }
  const why = chosen.overlaps(parsePrefix(DEFAULT_CIDRS.podCidr.value))
    ? "the AKS default range, free in this plan"
    : "the first free range (search order: 10.244.0.0, 100.64.0.0/10, 172.16.0.0/12, 192.168.0.0/16, 10.0.0.0/8)";
  return describe(
    chosen,
    "chosen",
    `${notKept}a /${bits} holds ${podCidrBlocks(chosen)} nodes (${blocks} needed with surge; never smaller than the ` +
      `default /${DEFAULT_POD_CIDR_BITS}, as growing it later is Linux-only); ${why}`,
  );
}
