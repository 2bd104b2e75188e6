/**
 * How AKS upgrades a node pool, as far as addresses are concerned: surge nodes take addresses like any node;
 * `maxUnavailable` upgrades in place and takes none; when `maxUnavailable` is 0 (the default) `maxSurge` must
 * be above 0; from Kubernetes 1.35 a surge that fails for quota or capacity is retried with one surge node
 * (whether a subnet without room for the surge counts is not documented: see `surgeFallbackOnAddressShortage`).
 */
import { aksDoc, aksRelease, sourced, type Sourced } from "./source.js";

const ROLLING = (note: string) => aksDoc("upgrade-aks-node-pools-rolling", note);

export interface UpgradeFacts {
  /** `maxUnavailable` when a pool leaves it out. */
  readonly defaultMaxUnavailable: Sourced<number>;
  /** With `maxUnavailable` 0, AKS requires `maxSurge` above 0. */
  readonly surgeRequiredWithoutUnavailable: Sourced<boolean>;
  /** Whether `maxUnavailable` may be set on System pools. */
  readonly maxUnavailableOnSystemPools: Sourced<boolean>;
  /** `maxUnavailable` creates no surge nodes: it cordons and drains existing nodes, so it needs no addresses. */
  readonly maxUnavailableCreatesNoNodes: Sourced<boolean>;
  /** A percentage is of the pool's node count, rounded up; a value above the nodes left to upgrade is capped there. */
  readonly surgeRounding: Sourced<"percent-rounds-up, capped-at-nodes-to-upgrade">;
  /** The first Kubernetes minor where a surge that fails for quota or capacity is retried with one surge node. */
  readonly surgeFallbackToOneFrom: Sourced<string>;
  /**
   * Whether that retry also happens when the subnet (or pod range) has no room for the full surge. Microsoft
   * documents it for quota or capacity failures only, and gives a full subnet its own outcome (SubnetIsFull).
   */
  readonly surgeFallbackOnAddressShortage: Sourced<boolean>;
  /** Surge nodes count against the cluster's node limit: at 5,000 nodes an upgrade cannot surge. */
  readonly surgeCountsAgainstClusterLimit: Sourced<boolean>;
}

export const UPGRADE: UpgradeFacts = {
  defaultMaxUnavailable: sourced(0, ROLLING("the default value of maxUnavailable is 0"), { checked: "2026-12-06" }),
  surgeRequiredWithoutUnavailable: sourced(
    true,
    [
      ROLLING("when maxUnavailable is 0, AKS requires maxSurge to be greater than 0"),
      aksRelease("2023-11-05", "max_surge must be > 0"),
    ],
    { checked: "2026-12-06" },
  ),
  maxUnavailableOnSystemPools: sourced(false, ROLLING("you can't set max unavailable on system node pools"), {
    checked: "2026-12-06",
  }),
  maxUnavailableCreatesNoNodes: sourced(
    true,
    ROLLING("max unavailable doesn't create surge nodes; AKS cordons n nodes at a time and evicts their pods"),
    { checked: "2026-12-06" },
  ),
  surgeRounding: sourced(
    "percent-rounds-up, capped-at-nodes-to-upgrade",
    ROLLING(
      "a percent value is rounded up to the nearest node count; a value above the nodes to upgrade uses that number",
    ),
    { checked: "2026-12-06" },
  ),
  surgeFallbackToOneFrom: sourced(
    "1.35",
    [
      ROLLING(
        "if the max surge isn't possible due to quota or capacity, for Kubernetes >= 1.35 AKS attempts a surge of 1",
      ),
      aksRelease("2026-01-04", "from Kubernetes v1.35, a capacity failure with maxSurge>1 retries with a surge of 1"),
    ],
    { checked: "2026-12-07" },
  ),
  surgeFallbackOnAddressShortage: sourced(
    false,
    [
      ROLLING("the retry with a surge of 1 is for a max surge that isn't possible for quota or capacity limitations"),
      aksDoc(
        "upgrade-capacity-cost-planning",
        "Scenario 2, IP exhaustion in subnet: node provisioning fails with errors like SubnetIsFull; " +
          "fixes: a larger subnet, a lower maxSurge, fewer max pods (no automatic retry named)",
      ),
      aksRelease("2026-01-04", "from v1.35, an upgrade that fails due to capacity with maxSurge>1 is retried with 1"),
    ],
    {
      checked: "2026-12-07",
      derived:
        "no page says a subnet without room for the surge triggers the retry; the capacity guide lists subnet " +
        "exhaustion apart from quota and capacity, with SubnetIsFull as its outcome",
      alternatives: [
        {
          value: true,
          source: [ROLLING("quota or capacity limitations")],
          note:
            "if AKS counts a subnet without room for the surge as a capacity limit, the upgrade still completes " +
            "with one surge node per pool (aksnet's withFallbackSurge numbers)",
        },
      ],
    },
  ),
  surgeCountsAgainstClusterLimit: sourced(
    true,
    aksDoc(
      "best-practices-performance-scale-large",
      "at the 5,000-node limit cluster upgrades are blocked: no node capacity for the surge",
    ),
    { checked: "2026-12-06" },
  ),
};
