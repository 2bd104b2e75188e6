/**
 * Defaults AKS applies when a value is left out, by Kubernetes version. Where
 * Microsoft's sources disagree the newer documented behaviour is the value and
 * the other is an alternative; callers must show both.
 */
import { describeValue } from "../ip/index.js";
import { MODEL_IDS, type ModelId } from "./ids.js";
import { isAtLeast, type KubernetesVersion } from "./kubernetes-version.js";
import { modelFactsOf } from "./models/index.js";
import { aksDoc, aksRelease, page, repoFile, sourced, type Sourced } from "./source.js";

/** A max surge setting: a node count or a percentage of the pool's node count (rounded up). */
export type MaxSurge =
  { readonly kind: "count"; readonly count: number } | { readonly kind: "percent"; readonly percent: number };

/**
 * The network model AKS picks when no plugin is given: Azure CNI Overlay from
 * Kubernetes 1.30, kubenet before. Without a version, the current behaviour (Overlay).
 */
export function defaultModel(version?: KubernetesVersion): Sourced<ModelId> {
  const specPr = page(
    "https://github.com/Azure/azure-rest-api-specs/pull/30845",
    "the default is kubenet before Kubernetes 1.30 and Azure CNI Overlay from 1.30",
  );
  const stale = {
    source: [aksDoc("configure-kubenet"), aksDoc("virtual-nodes")],
    note: "older pages still say AKS creates kubenet clusters by default (stale text)",
  };
  if (version && !isAtLeast(version, 1, 30)) return sourced("kubenet", specPr, { checked: "2026-11-22" });
  return sourced<ModelId>(
    "azure-cni-overlay",
    [specPr, aksDoc("azure-cni-overlay", "omitting --network-plugin gives Overlay")],
    { checked: "2026-11-22", alternatives: [{ value: "kubenet", ...stale }] },
  );
}

/** The same as `defaultModel`: the plugin, mode and pod-subnet choice AKS makes, as a model id. */
export const defaultPlugin = defaultModel;

const ONE: MaxSurge = { kind: "count", count: 1 };
const TEN: MaxSurge = { kind: "percent", percent: 10 };
/** Pages that still say the default surge is one node. */
const SURGE_ONE = [
  aksDoc("upgrade-aks-node-pools-rolling", "AKS configures upgrades to surge with one extra node by default"),
  repoFile(
    "MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/connectivity/" +
      "insufficientsubnetsize-error-advanced-networking.md",
  ),
];
const ALL_POOLS_TEN = aksRelease(
  "2025-03-16",
  "default maxSurge 10% for all new and existing clusters with Kubernetes versions >= 1.32.0",
);
const NEW_CLUSTERS_TEN = aksRelease(
  "2023-10-01",
  "the default max surge changes from 1 to 10% for AKS 1.28+ on new clusters",
);
const ANNOUNCED_FOR_1_27 = aksRelease(
  "2023-02-05",
  "announcement: from Kubernetes 1.27 the default changes on newly created node pools from 1 node to 10%",
);

/**
 * Default max surge by Kubernetes version, from the AKS release notes:
 * - 1.32 and later: 10% for every pool, new and existing (release 2025-03-16);
 * - 1.28–1.31: 10% on new clusters (release 2023-10-01), 1 node on pools created before that change;
 * - before 1.28: 1 node (the 2023 announcements named 1.27 and new node pools; the release shipped it for 1.28).
 * The rolling-upgrade page and a troubleshooting article still say 1 node: an alternative for every version.
 * Without a version, the current behaviour (10%).
 */
export function defaultMaxSurge(version?: KubernetesVersion): Sourced<MaxSurge> {
  const checked = "2026-12-06";
  if (version && !isAtLeast(version, 1, 28))
    return sourced<MaxSurge>(ONE, [NEW_CLUSTERS_TEN, ...SURGE_ONE], {
      checked,
      derived: "10% applies to new clusters from Kubernetes 1.28 and to every pool from 1.32",
      ...(isAtLeast(version, 1, 27)
        ? {
            alternatives: [
              {
                value: TEN,
                source: [ANNOUNCED_FOR_1_27],
                note: "the 2023 announcements said 10% for node pools created on Kubernetes 1.27",
              },
            ],
          }
        : {}),
    });
  if (version && !isAtLeast(version, 1, 32))
    return sourced<MaxSurge>(TEN, [NEW_CLUSTERS_TEN, ALL_POOLS_TEN], {
      checked,
      derived: "10% on clusters created with Kubernetes 1.28-1.31; every pool gets 10% from 1.32",
      alternatives: [
        {
          value: ONE,
          source: [ALL_POOLS_TEN, ...SURGE_ONE],
          note: "a pool created before the 2023-10-01 release keeps 1 node until Kubernetes 1.32",
        },
      ],
    });
  return sourced<MaxSurge>(TEN, [ALL_POOLS_TEN, aksDoc("best-practices-performance-scale-large", "default 10%")], {
    checked,
    alternatives: [
      {
        value: ONE,
        source: SURGE_ONE,
        note: "the rolling-upgrade page and the InsufficientSubnetSize article still say the default is 1 node",
      },
    ],
  });
}

/** The recommended production max surge. */
export const RECOMMENDED_MAX_SURGE: Sourced<MaxSurge> = sourced(
  { kind: "percent", percent: 33 },
  aksDoc("upgrade-aks-node-pools-rolling"),
  { checked: "2026-11-22" },
);

/** The maxPods a model's pools get when none is given (value and documented alternatives). */
export function defaultMaxPods(model: ModelId): Sourced<number> {
  const facts = modelFactsOf(model);
  if (!facts)
    throw new RangeError(`defaultMaxPods takes a model id (${MODEL_IDS.join(", ")}), not ${describeValue(model)}`);
  return facts.defaultMaxPods;
}

/** Other values AKS fills in when a plan leaves them out. */
export interface PlanDefaults {
  /** The dataplane without `networkDataplane`: Azure (iptables, kube-proxy). */
  readonly dataplane: Sourced<"azure">;
  /** The network policy engine on new clusters without `networkPolicy` (API 2024-05-01 and later). */
  readonly networkPolicy: Sourced<"none">;
  /** The outbound type without `outboundType`. */
  readonly outboundType: Sourced<"loadBalancer">;
  /** IP families without `ipFamilies`: single-stack IPv4. */
  readonly ipFamilies: Sourced<readonly "IPv4"[]>;
  /** A pool's OS without `osType`/`osSku`. */
  readonly poolOs: Sourced<"Linux">;
  /** The mode of the first pool (the cluster's first pool must be a System pool); later pools default to User. */
  readonly firstPoolMode: Sourced<"System">;
  /** The pod IP allocation of a pool with a pod subnet and no `podIpAllocationMode`. */
  readonly podIpAllocation: Sourced<"DynamicIndividual">;
}

export const PLAN_DEFAULTS: PlanDefaults = {
  dataplane: sourced(
    "azure",
    aksDoc("azure-cni-powered-by-cilium", "Cilium only with --network-dataplane cilium; otherwise the Azure dataplane"),
    { checked: "2026-11-22" },
  ),
  networkPolicy: sourced(
    "none",
    aksRelease("2024-05-13", 'default network policy is "networkPolicy=none" on new clusters from API 2024-05-01'),
    { checked: "2026-12-06" },
  ),
  outboundType: sourced(
    "loadBalancer",
    aksDoc("egress-outboundtype", "by default, AKS uses a Standard Load Balancer for egress"),
    { checked: "2026-12-06" },
  ),
  ipFamilies: sourced(["IPv4"], aksDoc("configure-dual-stack", "--ip-families defaults to IPv4 (single-stack)"), {
    checked: "2026-11-22",
  }),
  poolOs: sourced("Linux", aksDoc("create-node-pools", "node pools are Linux unless --os-type Windows"), {
    checked: "2026-11-22",
  }),
  firstPoolMode: sourced("System", aksDoc("use-system-pools", "the first node pool is a System pool"), {
    checked: "2026-11-22",
  }),
  podIpAllocation: sourced(
    "DynamicIndividual",
    page(
      "https://learn.microsoft.com/dotnet/api/azure.resourcemanager.containerservice.models.podipallocationmode",
      "DynamicIndividual is the default",
    ),
    { checked: "2026-11-22" },
  ),
};
