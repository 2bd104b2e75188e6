/**
 * The move of the IPAM mode to Azure CNI Overlay: each function adds what one
 * documented condition means for the draft (a blocker, a check, a warning, a step).
 */
import { MIGRATION, MIGRATION_PAGES, MODELS } from "../../kb/index.js";
import { show, src, update, versionBelow, type Draft } from "./draft.js";

const UPDATE = MIGRATION_PAGES.updateAzureCni;

/** Why a model can never move to Overlay in place, for the models that cannot. */
export function overlaySourceProblem(d: Draft): string | undefined {
  if (!d.needsOverlay || MIGRATION.overlaySources.value.includes(d.plan.model)) return undefined;
  switch (d.plan.model) {
    case "azure-cni-pod-subnet-dynamic":
      return "Azure CNI Pod Subnet (dynamic IP allocation) cannot move to Overlay";
    case "azure-cni-pod-subnet-static":
      return "Azure CNI Pod Subnet (static block) cannot move to Overlay: only Node Subnet and kubenet can";
    case "byo-cni":
      return "a bring-your-own-CNI cluster cannot move to Overlay: only Node Subnet and kubenet can";
    default:
      return `${MODELS[d.plan.model].title} cannot move to Overlay: only Node Subnet and kubenet can`;
  }
}

/** Hard blockers of the source model: no in-place path to Overlay, or no Cilium for BYO CNI. */
export function addSourceBlockers(d: Draft): void {
  const hard = overlaySourceProblem(d);
  if (hard)
    d.blockers.push({
      id: "ipam-source-unsupported",
      kind: "hard",
      message: `${hard}.`,
      fix:
        d.to === "overlay" && d.plan.model.startsWith("azure-cni-pod-subnet")
          ? "Build a new Overlay cluster and move the workloads; the dataplane alone can still move to Cilium (--to " +
            "cilium)."
          : "Build a new cluster with the target network and move the workloads.",
      source: src(MIGRATION.overlaySources),
    });
  if (d.to === "cilium" && d.plan.model === "byo-cni")
    d.blockers.push({
      id: "ipam-source-unsupported",
      kind: "hard",
      message: "a bring-your-own-CNI cluster cannot move to the Cilium dataplane: only Azure CNI clusters can.",
      fix: "Build a new cluster with Azure CNI Powered by Cilium and move the workloads.",
      source: UPDATE,
    });
}

/** Kubernetes 1.27 or later: a blocker when the plan is older, a check when it does not say. */
export function addOverlayVersion(d: Draft): void {
  const min = MIGRATION.overlayMinKubernetes;
  const below = versionBelow(d.plan, min.value);
  if (below === true)
    d.blockers.push({
      id: "kubernetes-version",
      kind: "hard",
      message:
        `Kubernetes ${d.plan.kubernetesVersion?.text} is older than ${min.value}, the minimum for the move to ` +
        `Overlay.`,
      fix: `Upgrade the cluster to ${min.value} or later first (az aks upgrade).`,
      source: src(min),
    });
  else if (below === undefined)
    d.checks.push({
      id: "kubernetes-version",
      message: `The plan states no Kubernetes version; the move to Overlay needs ${min.value} or later.`,
      command: show(d, "kubernetesVersion"),
      source: src(min),
    });
}

/** kubenet → Overlay: a user-assigned identity to detach the route table; the route table goes. */
export function addKubenetPrerequisites(d: Draft): void {
  if (d.plan.model !== "kubenet") return;
  const identity = d.facts.identity;
  const fact = MIGRATION.kubenetNeedsUserAssignedIdentity;
  if (identity === undefined)
    d.checks.push({
      id: "user-assigned-identity",
      message:
        "kubenet → Overlay needs a user-assigned managed identity on the cluster (to detach the route table); " +
        "system-assigned is not supported.",
      command: show(d, "identity.type"),
      source: src(fact),
    });
  else if (identity !== "UserAssigned") {
    d.blockers.push({
      id: "user-assigned-identity",
      kind: "prerequisite",
      message:
        `The cluster uses a ${identity} identity; kubenet → Overlay needs a user-assigned managed identity to ` +
        `detach the route table.`,
      fix: "Create a user-assigned identity and assign it to the cluster (steps below).",
      source: src(fact),
    });
    d.steps.push(
      {
        title: "Create a user-assigned managed identity",
        command: ["az", "identity", "create", "--resource-group", d.rg, "--name", `${d.name}-identity`],
        oneWay: false,
        source: MIGRATION_PAGES.useManagedIdentity,
      },
      {
        title: "Assign it to the cluster",
        command: update(d, "--enable-managed-identity", "--assign-identity", "<identity-resource-id>"),
        oneWay: false,
        note: "Use the id printed by the previous command.",
        source: MIGRATION_PAGES.useManagedIdentity,
      },
    );
  }
  d.warnings.push({
    id: "route-table",
    message: "AKS deletes a managed route table, or removes the pod routes from your own route table, during the move.",
    source: UPDATE,
  });
}

/** Node Subnet → Overlay: a custom ip-masq-agent configuration blocks it; pod IPs leave the VNet. */
export function addNodeSubnetPrerequisites(d: Draft): void {
  if (d.plan.model !== "azure-cni-node-subnet") return;
  const fact = MIGRATION.customIpMasqAgentBlocks;
  if (d.facts.customIpMasqAgent === true)
    d.blockers.push({
      id: "custom-ip-masq-agent",
      kind: "hard",
      message:
        "The cluster has a custom azure-ip-masq-agent configuration; AKS blocks the move, and ranges it exempts from " +
        "SNAT become unreachable from Overlay pods.",
      fix:
        "Remove the custom configuration (kubectl delete configmap -n kube-system azure-ip-masq-agent-config) " +
        "once nothing depends on it.",
      source: src(fact),
    });
  else if (d.facts.customIpMasqAgent === undefined)
    d.checks.push({
      id: "custom-ip-masq-agent",
      message:
        "A custom azure-ip-masq-agent configuration blocks the move; a stale azure-ip-masq-agent-config ConfigMap " +
        "from an old version should be deleted (only azure-ip-masq-agent-config-reconciled should exist).",
      command: ["kubectl", "get", "configmap", "--namespace", "kube-system", "azure-ip-masq-agent-config"],
      source: src(fact),
    });
  d.warnings.push({
    id: "pods-leave-vnet",
    message:
      "Pod IPs move from the VNet to the overlay: hosts outside the cluster's nodes can no longer reach pods by IP " +
      "(use Services or ingress), and firewall rules on pod IPs stop matching.",
    source: MIGRATION_PAGES.overlayConcepts,
  });
}

/** Windows builds and dual-stack kubenet: known trouble during the move. */
export function addOverlayWarnings(d: Draft): void {
  if (d.windowsPools.length > 0)
    d.warnings.push({
      id: "windows-build",
      message:
        `Windows pools: use OS build ${MIGRATION.windowsOverlayMinBuild.value} or later, or Overlay pods SNAT ` +
        `host-network traffic wrongly.`,
      source: src(MIGRATION.windowsOverlayMinBuild),
    });
  if (d.dualStack && d.plan.model === "kubenet")
    d.warnings.push({
      id: "dual-stack",
      message:
        "Dual-stack kubenet clusters have lost IPv6 connectivity during the move to Overlay (Azure/AKS#5120); test " +
        "on a copy first.",
      source: "https://github.com/Azure/AKS/issues/5120",
    });
}

/** The pod CIDR must overlap nothing the input does not list: a check when the VNet or peerings are unknown. */
export function addUnknownRangesCheck(d: Draft): void {
  const unknown = [
    d.plan.vnetAddressSpace.length === 0 ? "the VNet address space" : "",
    d.plan.connectedNetworks.length === 0 ? "peered or on-premises networks" : "",
  ].filter(Boolean);
  if (!d.podCidr || unknown.length === 0) return;
  d.checks.push({
    id: "pod-cidr-overlaps-unknown",
    message:
      `The input lists no ${unknown.join(" and no ")}; the pod CIDR ${d.podCidr.cidr} must overlap none of ` +
      `them. Add them to the input (e.g. the az network vnet show JSON, or connectedNetworks in a plan) or compare ` +
      `by hand.`,
    command: [
      "az",
      "network",
      "vnet",
      "show",
      "--resource-group",
      d.plan.plan.vnet?.resourceGroup ?? "<vnet-resource-group>",
      "--name",
      d.plan.plan.vnet?.name ?? "<vnet-name>",
      "--query",
      "addressSpace.addressPrefixes",
      "--output",
      "tsv",
    ],
    source: UPDATE,
  });
}

/** The `az aks update` that moves the IPAM mode, and what it makes one-way. */
export function addOverlayMove(d: Draft): void {
  const p = d.podCidr;
  const flags = [
    "--network-plugin",
    "azure",
    "--network-plugin-mode",
    "overlay",
    ...(p && p.origin !== "kept" ? ["--pod-cidr", p.cidr] : []),
  ];
  d.steps.push({
    title: `Move ${MODELS[d.plan.model].title} to Azure CNI Overlay`,
    command: update(d, ...flags),
    oneWay: true,
    note:
      d.plan.model === "azure-cni-node-subnet"
        ? "The Node Subnet tab of the page omits --pod-cidr while its text says the pod CIDR is required when moving " +
          "from Node Subnet; aksnet passes it."
        : p?.origin === "kept"
          ? "Without --pod-cidr the pod CIDR stays as it is."
          : undefined,
    source:
      d.plan.model === "kubenet"
        ? src(MIGRATION.overlaySources, MIGRATION.kubenetPodCidrMayChange)
        : src(MIGRATION.overlaySources),
  });
  d.reimages++;
  d.oneWay.push("Moving to Azure CNI Overlay is irreversible: the cluster cannot go back to Node Subnet or kubenet.");
}
