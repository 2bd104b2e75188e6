import { PLATFORM_LIMITS, sourceUrls } from "../../../kb/index.js";
import {
  addressesPerNode,
  staticBlocksIn,
  staticPodSubnetPrefixLength,
  subnetPrefixLength,
  usableAddresses,
} from "../../capacity/index.js";
import { poolModel } from "../pools.js";
import { rangeEdit } from "../fix-space.js";
import { defineRule } from "../rule.js";
import { groupBy } from "../words.js";

/** How an existing pool gets a lower maxPods (kb PLATFORM_LIMITS.maxPodsChangeInPlace, which keeps both readings). */
const LOWER_MAX_PODS = PLATFORM_LIMITS.maxPodsChangeInPlace.value
  ? "lower maxPods"
  : "lower maxPods (an existing pool keeps its maxPods: add a pool with the lower value and move the workloads)";

export default defineRule({
  meta: {
    id: "pod-subnet-too-small",
    family: "subnet-sizing",
    severity: "error",
    description:
      "A pod subnet must hold its pools' pod addresses at the autoscaler maximum plus surge: dynamic allocation up " +
      "to maxPods + 1 addresses per node (the node's IP limit plus its primary IP), static block allocation " +
      "whole /28 blocks (ceil((maxPods + 1) / 16) per node); a static block pod subnet may be at most /12.",
    messages: {
      dynamic: {
        message:
          'Pod subnet "{subnet}" ({cidr}) has {usable:count} usable addresses, but its pools need ' +
          "{needed:count} when full " +
          "({nodes:count} nodes with surge, up to {perNode} addresses each: max pods + 1).",
        fix: `Use a /{bits} or larger pod subnet{suggestion}, or ${LOWER_MAX_PODS}.`,
      },
      static: {
        message:
          'Pod subnet "{subnet}" ({cidr}) holds {have:count} whole /28 blocks, but its pools need ' +
          "{needed:count} ({nodes:count} nodes " +
          "with surge, {perNode} blocks each).",
        fix: `Use a /{bits} or larger pod subnet{suggestion}, or ${LOWER_MAX_PODS}; 16 × blocks − 1 wastes nothing.`,
      },
      staticTooLarge: {
        message:
          'Pod subnet "{subnet}" ({cidr}) is larger than /{limit}, the largest pod subnet static block allocation ' +
          "supports.",
        fix: "Use a /{limit} or smaller pod subnet.",
      },
    },
    aksErrorCode: "SubnetIsFull",
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/configure-azure-cni-dynamic-ip-allocation.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/configure-azure-cni-static-block-allocation.md",
      ...sourceUrls(PLATFORM_LIMITS.staticBlockPodSubnetShortestBits, PLATFORM_LIMITS.maxPodsChangeInPlace),
    ],
    checked: "2026-12-07",
    assumes:
      "Dynamic allocation: a full node holds 16·ceil((maxPods + 8) / 16) addresses (a node asks for another batch of " +
      "16 when fewer than 8 are free); Microsoft's docs only state at least 16 per node, so this bound is " +
      "derived.",
  },
  check({ plan, fixes, report }) {
    const poolsOf = groupBy(plan.pools, (p) => p.podSubnet);
    for (const s of plan.subnets) {
      if (!s.prefix || s.prefix.family !== 4) continue;
      const field = { path: s.path, prefix: s.prefix };
      const pools = poolsOf.get(s.name) ?? [];
      if (pools.length === 0) continue;
      const isStatic = pools.some((p) => poolModel(plan, p) === "azure-cni-pod-subnet-static");
      let nodes = 0;
      let needed = 0;
      let perNode = 0;
      for (const p of pools) {
        const n = p.peakCount + Math.min(p.maxSurge.nodes, p.peakCount);
        const per = addressesPerNode(poolModel(plan, p), p.maxPods);
        perNode = Math.max(perNode, isStatic ? per.podSubnetBlocks : per.podSubnet);
        nodes += n;
        needed += n * (isStatic ? per.podSubnetBlocks : per.podSubnet);
      }
      const data = { subnet: s.name, cidr: s.text, nodes, needed, perNode };
      // Asked only when reported: the run's free-space search places only what a finding suggests.
      const fix = (bits: number) => {
        const free = fixes.replacement("subnet", field, bits);
        return free
          ? { suggestion: `, e.g. ${free.toString()}, free in the VNet`, edits: [rangeEdit(field, free)] }
          : { suggestion: "", edits: [] };
      };
      if (isStatic) {
        const limit = PLATFORM_LIMITS.staticBlockPodSubnetShortestBits.value;
        if (s.prefix.bits < limit)
          report({ messageId: "staticTooLarge", path: s.path, data: { subnet: s.name, cidr: s.text, limit } });
        const have = staticBlocksIn(s.prefix);
        const bits = staticPodSubnetPrefixLength(needed) ?? 0;
        if (have < needed) {
          const { suggestion, edits } = fix(bits);
          report({ messageId: "static", path: s.path, data: { ...data, have, bits, suggestion }, edits });
        }
      } else {
        const usable = usableAddresses(s.prefix);
        const bits = subnetPrefixLength(needed) ?? 0;
        if (usable < needed) {
          const { suggestion, edits } = fix(bits);
          report({ messageId: "dynamic", path: s.path, data: { ...data, usable, bits, suggestion }, edits });
        }
      }
    }
  },
});
