/**
 * The move of the dataplane to Cilium: each function adds what one documented
 * condition means for the draft.
 */
import { DATAPLANES, MIGRATION, MIGRATION_PAGES, type ModelId } from "../../kb/index.js";
import { show, src, update, versionBelow, type Draft } from "./draft.js";

const UPDATE = MIGRATION_PAGES.updateAzureCni;

/** Windows pools and dual-stack before 1.29 stop the update. */
export function addCiliumBlockers(d: Draft): void {
  const win = d.windowsPools;
  if (win.length > 0)
    d.blockers.push({
      id: "windows-pools",
      kind: "hard",
      message:
        `${win.length === 1 ? "Node pool" : "Node pools"} ${win.join(", ")} ` +
        `${win.length === 1 ? "runs" : "run"} Windows; the Cilium dataplane is Linux only and the update is not ` +
        `supported with Windows pools.`,
      fix: "Move the Windows workloads off and delete the Windows pools first, or stay on the Azure dataplane.",
      source: UPDATE,
    });
  const min = DATAPLANES.cilium.dualStackMinKubernetes;
  if (d.dualStack && min.value !== null && versionBelow(d.plan, min.value) === true)
    d.blockers.push({
      id: "kubernetes-version",
      kind: "hard",
      message:
        `Dual-stack with Cilium needs Kubernetes ${min.value} or later; the plan states ` +
        `${d.plan.kubernetesVersion?.text}.`,
      fix: `Upgrade the cluster to ${min.value} or later first (az aks upgrade).`,
      source: src(min),
    });
}

/** Node auto-provisioning must be off for the update: a prerequisite with its steps, or a check. */
export function addNodeAutoProvisioning(d: Draft): void {
  if (d.facts.nodeAutoProvisioning === true) {
    d.blockers.push({
      id: "node-auto-provisioning",
      kind: "prerequisite",
      message: "Node auto-provisioning is enabled; the dataplane update is not supported with it.",
      fix: "Disable it before the update and enable it again afterwards (steps below).",
      source: UPDATE,
    });
    d.steps.push({
      title: "Disable node auto-provisioning",
      command: update(d, "--node-provisioning-mode", "Manual"),
      oneWay: false,
      source: MIGRATION_PAGES.nodeAutoProvisioning,
    });
  } else if (d.facts.nodeAutoProvisioning === undefined)
    d.checks.push({
      id: "node-auto-provisioning",
      message: "Node auto-provisioning must be disabled for the dataplane update (and enabled again after).",
      command: show(d, "nodeProvisioningProfile.mode"),
      source: UPDATE,
    });
}

/** The az CLI version the update needs: the update page's, or the model's Cilium minimum when higher. */
export function cliFor(model: ModelId): string {
  const perModel = DATAPLANES.cilium.minCliVersion.value[model];
  const base = MIGRATION.ciliumUpdateMinCli.value;
  const num = (v: string) => v.split(".").map(Number);
  const newer = (a: string, b: string) => {
    const [x, y] = [num(a), num(b)];
    for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
    return false;
  };
  return perModel && newer(perModel, base) ? perModel : base;
}

/** The `az aks update` that moves the dataplane (after the IPAM move when both are needed). */
export function addCiliumMove(d: Draft): void {
  d.steps.push({
    title: "Move the dataplane to Cilium",
    command: update(d, "--network-dataplane", "cilium"),
    oneWay: true,
    note:
      `Needs az CLI ${cliFor(d.plan.model)} or later. ` +
      `${d.needsOverlay ? "A separate operation after the IPAM move: the two cannot be combined. " : ""}` +
      "Cilium enforces network policy only once every node is reimaged.",
    source: src(MIGRATION.ciliumUpdateMinCli, MIGRATION.ciliumEnforcesAfterReimage),
  });
  if (d.facts.nodeAutoProvisioning === true)
    d.steps.push({
      title: "Enable node auto-provisioning again",
      command: update(d, "--node-provisioning-mode", "Auto"),
      oneWay: false,
      source: MIGRATION_PAGES.nodeAutoProvisioning,
    });
  d.policyAfter = "cilium";
  d.reimages++;
  d.oneWay.push(
    "Moving to Cilium has no documented way back to the Azure dataplane (in Terraform, removing network_data_plane " +
      "forces a new cluster).",
  );
}
