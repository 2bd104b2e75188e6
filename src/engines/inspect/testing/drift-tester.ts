/**
 * Case tables for drift rules: the clean validator test plan (overlay, pools `system` 3 nodes and `user`
 * 3–10 nodes at 110 max pods on 10.224.0.0/22) against a running cluster that matches it, each case
 * editing the plan or the cluster. A valid case reports nothing; an invalid one exactly the messages named.
 */
import { describe, expect, it } from "vitest";
import { mk, resolved, type Draft } from "../../validate/testing/plans.js";
import { runRule, type Rule } from "../../validate/index.js";
import type { DriftInputs } from "../rules/index.js";
import type { NodeUse } from "../node-use.js";

/** A running node of a pool: address 10.224.0.(4+i), pod range 10.244.i.0/24, 110 max pods. */
export function node(pool: string | undefined, i: number, change: Partial<NodeUse> = {}): NodeUse {
  return {
    name: `aks-${pool ?? "none"}-vmss${String(i).padStart(6, "0")}`,
    pool,
    mode: pool === "system" ? "system" : "user",
    internalIps: [`10.224.0.${4 + i}`],
    podCidrs: [`10.244.${i}.0/24`],
    podCidrsFrom: "NodeNetworkConfig",
    maxPods: 110,
    pods: 10,
    hostNetworkPods: 1,
    podAddresses: 9,
    freePodSlots: 100,
    ...change,
  };
}

/** The cluster that matches the clean plan: 3 system nodes, 3 user nodes, Overlay, azure dataplane, no policy. */
export function matchingCluster(): Omit<DriftInputs, "plan"> {
  return {
    verdict: { model: "azure-cni-overlay", dataplane: "azure", policy: "none" },
    nodes: [0, 1, 2].map((i) => node("system", i)).concat([3, 4, 5].map((i) => node("user", i))),
  };
}

export interface DriftCase {
  readonly name: string;
  readonly plan?: (d: Draft) => void;
  readonly cluster?: (c: Omit<DriftInputs, "plan">) => Omit<DriftInputs, "plan">;
  /** The message ids reported, in order (empty for a valid case). */
  readonly messages: readonly string[];
  /** A part of the first message, to show the values are filled in. */
  readonly says?: RegExp;
}

export function driftTester(rule: Rule<string, DriftInputs>, cases: readonly DriftCase[]): void {
  describe(rule.meta.id, () => {
    it.each(cases)("$name", ({ plan, cluster, messages, says }) => {
      const inputs = { plan: resolved(mk(plan)), ...(cluster ?? ((c) => c))(matchingCluster()) };
      const found = runRule(rule, inputs);
      expect(found.map((f) => f.messageId)).toEqual(messages);
      for (const f of found) {
        expect(f.message).not.toMatch(/\{\w+\}/);
        expect(f.fix).not.toMatch(/\{\w+\}/);
      }
      if (says) expect(found[0]?.message).toMatch(says);
    });
  });
}
