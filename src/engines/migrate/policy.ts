/**
 * Network policy across a migration. The move to Overlay needs the policy engine
 * uninstalled first; the move to Cilium uninstalls Azure NPM or Calico and enforces
 * Cilium network policy instead. A cluster that had network policy never ends the
 * plan without it: after an Overlay-only move a step installs an engine again.
 */
import { MIGRATION, MIGRATION_PAGES, formatDay, retirement } from "../../kb/index.js";
import { src, update, type Draft } from "./draft.js";

const longDate = formatDay;
const title = (policy: string) => (policy === "azure" ? "Azure Network Policy Manager" : "Calico");

/** Whether the cluster runs a policy engine the migration uninstalls (Azure NPM or Calico). */
export function hasReplaceablePolicy(d: Draft): boolean {
  return (MIGRATION.ciliumReplacesPolicyEngine.value as readonly string[]).includes(d.plan.policy);
}

/** Before the Overlay move: the prerequisite and the step that uninstalls the engine. */
export function addPolicyRemoval(d: Draft): void {
  if (!hasReplaceablePolicy(d)) return;
  const policy = d.plan.policy;
  const kubenetCalico = d.plan.model === "kubenet" && policy === "calico";
  d.blockers.push({
    id: "network-policy-enabled",
    kind: "prerequisite",
    message:
      `Network policy ${policy} is enabled; the move to Overlay needs it uninstalled ` +
      `first${kubenetCalico ? " (AKS refuses to move kubenet with Calico until then)" : ""}.`,
    fix:
      `Uninstall it with az aks update --network-policy none (step below); ` +
      (d.needsCilium
        ? "Cilium enforces network policy again once its update has reimaged every node."
        : "a later step installs a policy engine again."),
    source: kubenetCalico
      ? src(MIGRATION.overlayNeedsPolicyUninstalled, MIGRATION.kubenetCalicoBlocked)
      : src(MIGRATION.overlayNeedsPolicyUninstalled),
  });
  d.steps.push({
    title: `Uninstall network policy ${policy}`,
    command: update(d, "--network-policy", "none"),
    oneWay: false,
    note:
      `Pods are not isolated by network policy from here until ` +
      `${d.needsCilium ? "the Cilium update has reimaged every node" : "the restore step below"}.`,
    source: MIGRATION_PAGES.useNetworkPolicies,
  });
  d.policyAfter = "none";
}

/** When the cluster moves to Cilium: say that Cilium replaces the engine, and any gap without policy. */
export function addPolicyReplacedByCilium(d: Draft): void {
  if (!hasReplaceablePolicy(d)) return;
  const policy = d.plan.policy;
  const uninstalled = d.needsOverlay
    ? "it is uninstalled before the Overlay move and"
    : `the update uninstalls ${policy === "azure" ? "it" : "Calico"}, and`;
  const calicoOwn =
    policy === "calico" ? "; Calico's own policy resources (projectcalico.org) are not enforced by Cilium" : "";
  d.warnings.push({
    id: "policy-replaced",
    message:
      `Moving to Cilium replaces ${title(policy)}: ${uninstalled} ` +
      "Cilium enforces your Kubernetes NetworkPolicy objects instead, which may change how they behave" +
      `${calicoOwn}. ` +
      "Test the policies on a copy of the cluster first (see the NPM to Cilium guide).",
    source: `${src(MIGRATION.ciliumReplacesPolicyEngine)}; ${MIGRATION_PAGES.npmToCilium}`,
  });
  if (d.needsOverlay)
    d.warnings.push({
      id: "policy-gap",
      message:
        "No network policy is enforced from the uninstall step until the Cilium update has reimaged every node: run " +
        "the Cilium update right after the Overlay move.",
      source: src(MIGRATION.overlayNeedsPolicyUninstalled, MIGRATION.ciliumEnforcesAfterReimage),
    });
}

/** After an Overlay-only move: the step that installs a policy engine again, so policy is never simply lost. */
export function addPolicyRestore(d: Draft): void {
  // Only where the Overlay move uninstalled it; a Cilium update enforces Cilium policy itself.
  if (!hasReplaceablePolicy(d) || d.needsCilium || d.policyAfter !== "none") return;
  const npmWindows = retirement("npm-windows");
  const npmLinux = retirement("npm-linux");
  const windowsRetired = d.windowsPools.length > 0 && npmWindows !== undefined && npmWindows.date <= d.today;
  const engine = d.plan.policy === "azure" && windowsRetired ? "calico" : d.plan.policy;
  const notes: string[] = [];
  if (engine !== d.plan.policy && npmWindows)
    notes.push(
      `Azure NPM on Windows retired on ${longDate(npmWindows.date)}, so it cannot be installed again on this cluster ` +
        `with Windows pools: Calico takes its place.`,
    );
  if (engine === "azure" && npmLinux && npmLinux.date > d.today)
    notes.push(
      `Azure NPM on Linux retires on ${longDate(npmLinux.date)}: plan the move to Cilium (aksnet migrate --to cilium).`,
    );
  if (engine === "calico")
    notes.push(
      "On Azure CNI, Calico enforces policy only (it is no longer the CNI), which can briefly delay a new pod's " +
        "outbound traffic; AKS recommends Cilium (aksnet migrate --to cilium).",
    );
  notes.push("Installing the engine reimages every node pool again, as the move does.");
  d.reimages++;
  d.steps.push({
    title: `Install network policy ${engine} again`,
    command: update(d, "--network-policy", engine),
    oneWay: false,
    note: notes.join(" "),
    source: src(MIGRATION.policyInstallableLater),
  });
  d.policyAfter = engine;
  if (windowsRetired && engine === "calico")
    d.warnings.push({
      id: "npm-windows-retired",
      message:
        "Azure NPM on Windows is retired, so Calico replaces it after the move; AKS documents Calico on Windows " +
        "nodes for clusters created with it: check that your policies apply on the Windows nodes.",
      source: `${npmWindows?.source.map((s) => s.url).join("; ") ?? ""}; ${MIGRATION_PAGES.useNetworkPolicies}`,
    });
}
