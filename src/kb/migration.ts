/**
 * What AKS documents about moving an existing cluster to Azure CNI Overlay (the
 * IPAM mode) or to the Cilium dataplane, and about removing and restoring a
 * network policy engine around those moves. The migrate engine reads only these.
 */
import type { ModelId } from "./ids.js";
import type { NetworkPolicyId } from "./model.js";
import { aksDoc, aksRelease, sourced, type Sourced } from "./source.js";

const UPDATE = (note?: string) => aksDoc("update-azure-cni", note);
const POLICIES = (note?: string) => aksDoc("use-network-policies", note);

/** The pages a migration step cites (live URLs). */
export const MIGRATION_PAGES = {
  updateAzureCni: UPDATE().url,
  useNetworkPolicies: POLICIES().url,
  npmToCilium: aksDoc("migrate-from-npm-to-cilium-network-policy").url,
  useManagedIdentity: aksDoc("use-managed-identity").url,
  nodeAutoProvisioning: aksDoc("use-node-auto-provisioning").url,
  overlayConcepts: aksDoc("concepts-network-azure-cni-overlay").url,
  ciliumConcepts: aksDoc("azure-cni-powered-by-cilium").url,
} as const;

export interface MigrationFacts {
  /** The only IPAM modes that can move to Overlay (forward only, irreversible). */
  readonly overlaySources: Sourced<readonly ModelId[]>;
  /** The oldest Kubernetes minor that can move to Overlay. */
  readonly overlayMinKubernetes: Sourced<string>;
  /** The move to Overlay needs the network policy engine uninstalled first. */
  readonly overlayNeedsPolicyUninstalled: Sourced<boolean>;
  /** kubenet with Calico cannot move to Overlay until Calico is uninstalled. */
  readonly kubenetCalicoBlocked: Sourced<boolean>;
  /** kubenet → Overlay may give a new pod CIDR with `--pod-cidr`; without it the pod CIDR stays. */
  readonly kubenetPodCidrMayChange: Sourced<boolean>;
  /** kubenet → Overlay detaches the route table, which needs a user-assigned managed identity. */
  readonly kubenetNeedsUserAssignedIdentity: Sourced<boolean>;
  /** A custom azure-ip-masq-agent configuration blocks the move to Overlay. */
  readonly customIpMasqAgentBlocks: Sourced<boolean>;
  /** Windows overlay pods SNAT host-network traffic wrongly before this OS build. */
  readonly windowsOverlayMinBuild: Sourced<string>;
  /** The az CLI version `az aks update --network-dataplane cilium` needs. */
  readonly ciliumUpdateMinCli: Sourced<string>;
  /** Enabling Cilium uninstalls Azure NPM or Calico and enforces Cilium network policy instead. */
  readonly ciliumReplacesPolicyEngine: Sourced<readonly NetworkPolicyId[]>;
  /** Cilium enforces network policy only once every node is reimaged. */
  readonly ciliumEnforcesAfterReimage: Sourced<boolean>;
  /** Engines that `az aks update --network-policy` installs on an existing cluster. */
  readonly policyInstallableLater: Sourced<readonly NetworkPolicyId[]>;
  /** What either update does to the nodes. */
  readonly reimage: Sourced<string>;
}

export const MIGRATION: MigrationFacts = {
  overlaySources: sourced(["azure-cni-node-subnet", "kubenet"], UPDATE("Supported migration paths"), {
    checked: "2026-12-06",
  }),
  overlayMinKubernetes: sourced("1.27", UPDATE("Update the IPAM mode to Azure CNI Overlay"), { checked: "2026-12-06" }),
  overlayNeedsPolicyUninstalled: sourced(
    true,
    [UPDATE("Doesn't have network policies enabled"), POLICIES("Uninstall Azure Network Policy Manager or Calico")],
    { checked: "2026-12-06" },
  ),
  kubenetCalicoBlocked: sourced(true, aksRelease("2023-11-28", "kubenet with Calico can't migrate"), {
    checked: "2026-11-22",
  }),
  kubenetPodCidrMayChange: sourced(
    true,
    [
      UPDATE("Kubenet tab: the pod CIDR remains the same if you don't use --pod-cidr"),
      aksRelease("2025-08-29", "the pod CIDR can change during kubenet → Overlay"),
    ],
    { checked: "2026-11-22" },
  ),
  kubenetNeedsUserAssignedIdentity: sourced(true, UPDATE("Kubenet tab: system-assigned identities aren't supported"), {
    checked: "2026-12-06",
  }),
  customIpMasqAgentBlocks: sourced(
    true,
    [
      UPDATE("warning on custom azure-ip-masq-agent configurations"),
      aksRelease("2025-01-30", "migration blocked while a custom ip-masq-agent config exists"),
    ],
    { checked: "2026-11-22" },
  ),
  windowsOverlayMinBuild: sourced("20348.1668", UPDATE(), { checked: "2026-12-06" }),
  ciliumUpdateMinCli: sourced("2.52.0", UPDATE("Update the data plane to Azure CNI Powered by Cilium"), {
    checked: "2026-12-06",
  }),
  ciliumReplacesPolicyEngine: sourced(
    ["azure", "calico"],
    UPDATE("the existing engine is uninstalled and replaced by Cilium; this may impact network policy behavior"),
    { checked: "2026-12-06" },
  ),
  ciliumEnforcesAfterReimage: sourced(true, UPDATE("Cilium begins enforcing network policies after all nodes"), {
    checked: "2026-12-06",
  }),
  policyInstallableLater: sourced(
    ["azure", "calico"],
    POLICIES("Install Azure Network Policy Manager or Calico in an existing cluster"),
    { checked: "2026-12-06" },
  ),
  reimage: sourced(
    "The update reimages every node of every node pool at the same time (updating pools one by one is not " +
      "supported); the disruption is like a node image upgrade or a Kubernetes version upgrade: every pod is " +
      "evicted and restarted on a reimaged node.",
    UPDATE(),
    { checked: "2026-12-06" },
  ),
};
