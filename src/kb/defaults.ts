/**
 * Defaults AKS applies when a value is left out, by Kubernetes version. Where
 * Microsoft's sources disagree the newer documented behaviour is the value and
 * the other is an alternative; callers must show both.
 */
import type { ModelId } from "./ids.js";
import { isAtLeast, type KubernetesVersion } from "./kubernetes-version.js";
import { MODELS } from "./models/index.js";
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

/** The surge AKS documents as the default for a version; see `defaultMaxSurge`. */
const SURGE_ONE = [
  aksDoc("upgrade-aks-node-pools-rolling", "default max surge 1"),
  repoFile(
    "MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/connectivity/insufficientsubnetsize-error-advanced-networking.md",
  ),
];
const SURGE_TEN = [aksRelease("2025-03-16"), aksDoc("best-practices-performance-scale-large", "default max surge 10%")];

/**
 * Default max surge: 1 node before Kubernetes 1.32, 10% from 1.32 (release
 * 2025-03-16: "for all new and existing clusters with Kubernetes 1.32.0 or later").
 * The rolling-upgrade page and a troubleshooting article still say 1; that is the
 * alternative. Without a version, the current behaviour (10%).
 */
export function defaultMaxSurge(version?: KubernetesVersion): Sourced<MaxSurge> {
  const one: MaxSurge = { kind: "count", count: 1 };
  const ten: MaxSurge = { kind: "percent", percent: 10 };
  if (version && !isAtLeast(version, 1, 32))
    return sourced<MaxSurge>(one, SURGE_ONE, {
      checked: "2026-11-22",
      derived: "10% applies from Kubernetes 1.32 only",
    });
  return sourced<MaxSurge>(ten, SURGE_TEN, {
    checked: "2026-11-22",
    alternatives: [
      {
        value: one,
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
  return MODELS[model].defaultMaxPods;
}
