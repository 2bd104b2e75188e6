/** Scale limits of the network policy engines AKS manages. */
import { aksDoc, sourced, type Sourced } from "./source.js";

export interface PolicyEngineLimits {
  /** Azure Network Policy Manager on Linux: the most nodes and pods it supports. */
  readonly azureNpm: Sourced<{ readonly nodes: number; readonly pods: number }>;
}

export const POLICY_ENGINE_LIMITS: PolicyEngineLimits = {
  azureNpm: sourced(
    { nodes: 250, pods: 20_000 },
    aksDoc(
      "use-network-policies",
      "Azure NPM: scaling beyond 250 nodes and 20,000 pods isn't supported (out-of-memory errors)",
    ),
    { checked: "2026-12-06" },
  ),
};
