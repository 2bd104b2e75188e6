/**
 * Planning a migration to Azure CNI Overlay (IPAM) or to the Cilium dataplane:
 * what blocks it, what must be checked on the live cluster, the pod CIDR, and the
 * ordered steps with their `az aks update` commands. Pure: the plan and the facts
 * known about the live cluster in, a `Migration` out. A blocker is data, not an error.
 */
import { parsePrefix, tryParsePrefix, type Prefix } from "../../ip/index.js";
import {
  DATAPLANES,
  MIGRATION,
  MIGRATION_PAGES,
  MODELS,
  type DataplaneId,
  type ModelId,
  type Sourced,
} from "../../kb/index.js";
import {
  nodeSubnetAddressesNeeded,
  podCidrBlocksNeeded,
  podCidrPrefixLength,
  podCidrBlocks,
  type PoolTarget,
} from "../capacity/index.js";
import type { ResolvedPlan } from "../plan/index.js";
import { choosePodCidr, firstOverlap, reservedAvoid, type Avoid } from "./pod-cidr.js";

/** The sources of facts, joined. */
const src = (...facts: readonly Sourced<unknown>[]) =>
  [...new Set(facts.flatMap((f) => f.source.map((s) => s.url)))].join("; ");
const UPDATE_AZURE_CNI = MIGRATION_PAGES.updateAzureCni;
const USE_NETWORK_POLICIES = MIGRATION_PAGES.useNetworkPolicies;
const NPM_TO_CILIUM = MIGRATION_PAGES.npmToCilium;
const USE_MANAGED_IDENTITY = MIGRATION_PAGES.useManagedIdentity;
const NODE_AUTO_PROVISIONING = MIGRATION_PAGES.nodeAutoProvisioning;
const OVERLAY_CONCEPT = MIGRATION_PAGES.overlayConcepts;

export type MigrationTarget = "overlay" | "cilium";

/** What is known about the live cluster beyond the plan (from `az aks show`, or flags). Undefined: unknown. */
export interface ClusterFacts {
  readonly identity?: "SystemAssigned" | "UserAssigned" | "ServicePrincipal";
  readonly customIpMasqAgent?: boolean;
  readonly nodeAutoProvisioning?: boolean;
}

export interface MigrateOptions {
  readonly to: MigrationTarget;
  /** The pod CIDR to use; chosen with the free-space search when absent (and not kept from kubenet). */
  readonly podCidr?: string;
  readonly facts?: ClusterFacts;
}

export interface Blocker {
  readonly id: string;
  /** `hard`: the migration cannot happen; `prerequisite`: a step below removes it. */
  readonly kind: "hard" | "prerequisite";
  readonly message: string;
  readonly fix: string;
  readonly source: string;
}

/** Something the plan cannot tell; run the command on the cluster. */
export interface Check {
  readonly id: string;
  readonly message: string;
  readonly command: readonly string[];
  readonly source: string;
}

export interface Warning {
  readonly id: string;
  readonly message: string;
  readonly source: string;
}

export interface Step {
  readonly title: string;
  /** The command as argv; absent for a step that is not one command. */
  readonly command?: readonly string[];
  /** Whether the step cannot be undone. */
  readonly oneWay: boolean;
  readonly note?: string;
  readonly source: string;
}

export interface PodCidrChoice {
  readonly cidr: string;
  /** `given` by the caller, `kept` from kubenet, `chosen` by the free-space search. */
  readonly origin: "given" | "kept" | "chosen";
  /** /24 blocks needed: one per node at peak count plus surge nodes. */
  readonly blocksNeeded: number;
  /** Nodes (incl. surge) the CIDR holds: one /24 each. */
  readonly nodesSupported: number;
  readonly reason: string;
}

export interface ModelState {
  readonly model: ModelId;
  readonly dataplane: DataplaneId;
  readonly policy: string;
}

export interface Migration {
  readonly target: MigrationTarget;
  readonly from: ModelState;
  readonly to: ModelState;
  /** `ready`: no hard blocker; `blocked`: at least one; `nothing-to-do`: already there. */
  readonly status: "ready" | "blocked" | "nothing-to-do";
  readonly blockers: readonly Blocker[];
  readonly checks: readonly Check[];
  readonly warnings: readonly Warning[];
  readonly podCidr?: PodCidrChoice;
  /** Node-subnet addresses the pools reserve (peak nodes and surge) before and after, when the move changes it. */
  readonly nodeSubnetAddresses?: { readonly before: number; readonly after: number };
  readonly steps: readonly Step[];
  readonly oneWay: readonly string[];
  readonly reimage: string;
}

const FORBIDDEN_IPAM_SOURCES: Partial<Record<ModelId, string>> = {
  "azure-cni-pod-subnet-dynamic": "Azure CNI Pod Subnet (dynamic IP allocation) cannot move to Overlay",
  "azure-cni-pod-subnet-static":
    "Azure CNI Pod Subnet (static block) cannot move to Overlay: only Node Subnet and kubenet can",
  "byo-cni": "a bring-your-own-CNI cluster cannot move to Overlay: only Node Subnet and kubenet can",
};

/** "1.27" as numbers. */
function minorOf(v: string): { major: number; minor: number } {
  const [major = 1, minor = 0] = v.split(".").map(Number);
  return { major, minor };
}

function versionBelow(plan: ResolvedPlan, min: { major: number; minor: number }): boolean | undefined {
  const v = plan.kubernetesVersion;
  if (!v) return undefined;
  return v.major < min.major || (v.major === min.major && v.minor < min.minor);
}

/** The ranges a new pod CIDR must avoid, from the plan. */
export function planAvoid(plan: ResolvedPlan): Avoid[] {
  const out: Avoid[] = [];
  for (const c of plan.vnetAddressSpace)
    if (c.prefix) out.push({ prefix: c.prefix, what: `vnet address space ${c.text}` });
  for (const s of plan.subnets) if (s.prefix) out.push({ prefix: s.prefix, what: `subnet ${s.name}` });
  for (const c of plan.serviceCidrs) if (c.prefix) out.push({ prefix: c.prefix, what: `service CIDR ${c.text}` });
  for (const n of plan.connectedNetworks)
    for (const c of n.cidrs)
      if (c.prefix) out.push({ prefix: c.prefix, what: `connected network ${n.name} (${c.text})` });
  return [...out, ...reservedAvoid()];
}

function podTargets(plan: ResolvedPlan): PoolTarget[] {
  return plan.pools.map((p) => ({
    name: p.name,
    nodes: p.peakCount,
    maxSurge: { kind: "count", count: p.maxSurge.nodes },
  }));
}

/** Plans the migration of `plan` to `options.to`. */
export function planMigration(plan: ResolvedPlan, options: MigrateOptions): Migration {
  const facts = options.facts ?? {};
  const name = plan.plan.name ?? "<cluster-name>";
  const rg = plan.plan.resourceGroup ?? "<resource-group>";
  const update = (...flags: string[]) => ["az", "aks", "update", "--resource-group", rg, "--name", name, ...flags];
  const blockers: Blocker[] = [];
  const checks: Check[] = [];
  const warnings: Warning[] = [];
  const steps: Step[] = [];
  const oneWay: string[] = [];
  const from: ModelState = { model: plan.model, dataplane: plan.dataplane, policy: plan.policy };
  const needsOverlay = plan.model !== "azure-cni-overlay" && (options.to === "overlay" || plan.model === "kubenet");
  const needsCilium = options.to === "cilium" && plan.dataplane !== "cilium";
  const hasWindows = plan.pools.some((p) => p.os.startsWith("Windows"));
  const dualStack = plan.ipFamilies.includes("IPv6");
  let podCidr: PodCidrChoice | undefined;
  let policyRemoved = false;

  if (!needsOverlay && !needsCilium) {
    return {
      target: options.to,
      from,
      to: from,
      status: "nothing-to-do",
      blockers,
      checks,
      warnings,
      steps,
      oneWay,
      reimage: "Nothing is reimaged: the cluster already runs the target.",
    };
  }

  const hardIpam = needsOverlay ? FORBIDDEN_IPAM_SOURCES[plan.model] : undefined;
  if (hardIpam) {
    blockers.push({
      id: "ipam-source-unsupported",
      kind: "hard",
      message: `${hardIpam}.`,
      fix:
        options.to === "overlay" && plan.model.startsWith("azure-cni-pod-subnet")
          ? "Build a new Overlay cluster and move the workloads; the dataplane alone can still move to Cilium (--to cilium)."
          : "Build a new cluster with the target network and move the workloads.",
      source: UPDATE_AZURE_CNI,
    });
  }
  if (options.to === "cilium" && plan.model === "byo-cni") {
    blockers.push({
      id: "ipam-source-unsupported",
      kind: "hard",
      message: "a bring-your-own-CNI cluster cannot move to the Cilium dataplane: only Azure CNI clusters can.",
      fix: "Build a new cluster with Azure CNI Powered by Cilium and move the workloads.",
      source: UPDATE_AZURE_CNI,
    });
  }

  if (needsOverlay && !hardIpam) {
    const below = versionBelow(plan, minorOf(MIGRATION.overlayMinKubernetes.value));
    if (below === true) {
      blockers.push({
        id: "kubernetes-version",
        kind: "hard",
        message: `Kubernetes ${plan.kubernetesVersion?.text} is older than 1.27, the minimum for the move to Overlay.`,
        fix: "Upgrade the cluster to 1.27 or later first (az aks upgrade).",
        source: src(MIGRATION.overlayMinKubernetes),
      });
    } else if (below === undefined) {
      checks.push({
        id: "kubernetes-version",
        message: "The plan states no Kubernetes version; the move to Overlay needs 1.27 or later.",
        command: [
          "az",
          "aks",
          "show",
          "--resource-group",
          rg,
          "--name",
          name,
          "--query",
          "kubernetesVersion",
          "--output",
          "tsv",
        ],
        source: src(MIGRATION.overlayMinKubernetes),
      });
    }
    if (plan.policy === "azure" || plan.policy === "calico") {
      blockers.push({
        id: "network-policy-enabled",
        kind: "prerequisite",
        message: `Network policy ${plan.policy} is enabled; the move to Overlay needs it uninstalled first${plan.model === "kubenet" && plan.policy === "calico" ? " (AKS refuses to move kubenet with Calico until then)" : ""}.`,
        fix: "Uninstall it with az aks update --network-policy none (step below); the cluster runs without network policy until a policy engine is enabled again.",
        source:
          plan.model === "kubenet" && plan.policy === "calico"
            ? src(MIGRATION.overlayNeedsPolicyUninstalled, MIGRATION.kubenetCalicoBlocked)
            : USE_NETWORK_POLICIES,
      });
      policyRemoved = true;
      steps.push({
        title: `Uninstall network policy ${plan.policy}`,
        command: update("--network-policy", "none"),
        oneWay: false,
        note: "Pods are not isolated by network policy from here until a policy engine is enabled again.",
        source: USE_NETWORK_POLICIES,
      });
    }
    if (plan.model === "kubenet") {
      if (facts.identity === "UserAssigned") {
        /* nothing to do */
      } else if (facts.identity === undefined) {
        checks.push({
          id: "user-assigned-identity",
          message:
            "kubenet → Overlay needs a user-assigned managed identity on the cluster (to detach the route table); system-assigned is not supported.",
          command: [
            "az",
            "aks",
            "show",
            "--resource-group",
            rg,
            "--name",
            name,
            "--query",
            "identity.type",
            "--output",
            "tsv",
          ],
          source: UPDATE_AZURE_CNI,
        });
      } else {
        blockers.push({
          id: "user-assigned-identity",
          kind: "prerequisite",
          message: `The cluster uses a ${facts.identity} identity; kubenet → Overlay needs a user-assigned managed identity to detach the route table.`,
          fix: "Create a user-assigned identity and assign it to the cluster (steps below).",
          source: UPDATE_AZURE_CNI,
        });
        steps.push({
          title: "Create a user-assigned managed identity",
          command: ["az", "identity", "create", "--resource-group", rg, "--name", `${name}-identity`],
          oneWay: false,
          source: USE_MANAGED_IDENTITY,
        });
        steps.push({
          title: "Assign it to the cluster",
          command: update("--enable-managed-identity", "--assign-identity", "<identity-resource-id>"),
          oneWay: false,
          note: "Use the id printed by the previous command.",
          source: USE_MANAGED_IDENTITY,
        });
      }
      warnings.push({
        id: "route-table",
        message:
          "AKS deletes a managed route table, or removes the pod routes from your own route table, during the move.",
        source: UPDATE_AZURE_CNI,
      });
    }
    if (plan.model === "azure-cni-node-subnet") {
      if (facts.customIpMasqAgent === true) {
        blockers.push({
          id: "custom-ip-masq-agent",
          kind: "hard",
          message:
            "The cluster has a custom azure-ip-masq-agent configuration; AKS blocks the move, and ranges it exempts from SNAT become unreachable from Overlay pods.",
          fix: "Remove the custom configuration (kubectl delete configmap -n kube-system azure-ip-masq-agent-config) once nothing depends on it.",
          source: src(MIGRATION.customIpMasqAgentBlocks),
        });
      } else if (facts.customIpMasqAgent === undefined) {
        checks.push({
          id: "custom-ip-masq-agent",
          message:
            "A custom azure-ip-masq-agent configuration blocks the move; a stale azure-ip-masq-agent-config ConfigMap from an old version should be deleted (only azure-ip-masq-agent-config-reconciled should exist).",
          command: ["kubectl", "get", "configmap", "--namespace", "kube-system", "azure-ip-masq-agent-config"],
          source: src(MIGRATION.customIpMasqAgentBlocks),
        });
      }
      warnings.push({
        id: "pods-leave-vnet",
        message:
          "Pod IPs move from the VNet to the overlay: hosts outside the cluster's nodes can no longer reach pods by IP (use Services or ingress), and firewall rules on pod IPs stop matching.",
        source: OVERLAY_CONCEPT,
      });
    }
    if (hasWindows)
      warnings.push({
        id: "windows-build",
        message: `Windows pools: use OS build ${MIGRATION.windowsOverlayMinBuild.value} or later, or Overlay pods SNAT host-network traffic wrongly.`,
        source: src(MIGRATION.windowsOverlayMinBuild),
      });
    if (dualStack && plan.model === "kubenet")
      warnings.push({
        id: "dual-stack",
        message:
          "Dual-stack kubenet clusters have lost IPv6 connectivity during the move to Overlay (Azure/AKS#5120); test on a copy first.",
        source: "https://github.com/Azure/AKS/issues/5120",
      });

    podCidr = choosePod(plan, options, blockers);
    const unknown = [
      plan.vnetAddressSpace.length === 0 ? "the VNet address space" : "",
      plan.connectedNetworks.length === 0 ? "peered or on-premises networks" : "",
    ].filter(Boolean);
    if (podCidr && unknown.length > 0) {
      checks.push({
        id: "pod-cidr-overlaps-unknown",
        message: `The input lists no ${unknown.join(" and no ")}; the pod CIDR ${podCidr.cidr} must overlap none of them. Add them to the input (e.g. the az network vnet show JSON, or connectedNetworks in a plan) or compare by hand.`,
        command: [
          "az",
          "network",
          "vnet",
          "show",
          "--resource-group",
          plan.plan.vnet?.resourceGroup ?? "<vnet-resource-group>",
          "--name",
          plan.plan.vnet?.name ?? "<vnet-name>",
          "--query",
          "addressSpace.addressPrefixes",
          "--output",
          "tsv",
        ],
        source: UPDATE_AZURE_CNI,
      });
    }
    const flags = [
      "--network-plugin",
      "azure",
      "--network-plugin-mode",
      "overlay",
      ...(podCidr && podCidr.origin !== "kept" ? ["--pod-cidr", podCidr.cidr] : []),
    ];
    steps.push({
      title: `Move ${MODELS[plan.model].title} to Azure CNI Overlay`,
      command: update(...flags),
      oneWay: true,
      note:
        plan.model === "azure-cni-node-subnet"
          ? "The Node Subnet tab of the page omits --pod-cidr while its text says the pod CIDR is required when moving from Node Subnet; aksnet passes it."
          : podCidr?.origin === "kept"
            ? "Without --pod-cidr the pod CIDR stays as it is."
            : undefined,
      source:
        plan.model === "kubenet" ? src(MIGRATION.overlaySources, MIGRATION.kubenetPodCidrMayChange) : UPDATE_AZURE_CNI,
    });
    oneWay.push("Moving to Azure CNI Overlay is irreversible: the cluster cannot go back to Node Subnet or kubenet.");
  }

  if (needsCilium && plan.model !== "byo-cni") {
    const win = plan.pools.filter((p) => p.os.startsWith("Windows")).map((p) => p.name);
    if (hasWindows)
      blockers.push({
        id: "windows-pools",
        kind: "hard",
        message: `${win.length === 1 ? "Node pool" : "Node pools"} ${win.join(", ")} ${win.length === 1 ? "runs" : "run"} Windows; the Cilium dataplane is Linux only and the update is not supported with Windows pools.`,
        fix: "Move the Windows workloads off and delete the Windows pools first, or stay on the Azure dataplane.",
        source: UPDATE_AZURE_CNI,
      });
    if (dualStack && versionBelow(plan, minorOf(DATAPLANES.cilium.dualStackMinKubernetes.value ?? "1.0")) === true)
      blockers.push({
        id: "kubernetes-version",
        kind: "hard",
        message: `Dual-stack with Cilium needs Kubernetes 1.29 or later; the plan states ${plan.kubernetesVersion?.text}.`,
        fix: "Upgrade the cluster to 1.29 or later first (az aks upgrade).",
        source: src(DATAPLANES.cilium.dualStackMinKubernetes),
      });
    if (plan.policy === "azure" || plan.policy === "calico") {
      if (!needsOverlay)
        warnings.push({
          id: "policy-replaced",
          message: `Network policy ${plan.policy} is uninstalled and replaced by Cilium; policy behaviour may change (see the NPM to Cilium guide).`,
          source: `${UPDATE_AZURE_CNI}; ${NPM_TO_CILIUM}`,
        });
    }
    if (facts.nodeAutoProvisioning === true) {
      blockers.push({
        id: "node-auto-provisioning",
        kind: "prerequisite",
        message: "Node auto-provisioning is enabled; the dataplane update is not supported with it.",
        fix: "Disable it before the update and enable it again afterwards (steps below).",
        source: UPDATE_AZURE_CNI,
      });
      steps.push({
        title: "Disable node auto-provisioning",
        command: update("--node-provisioning-mode", "Manual"),
        oneWay: false,
        source: NODE_AUTO_PROVISIONING,
      });
    } else if (facts.nodeAutoProvisioning === undefined) {
      checks.push({
        id: "node-auto-provisioning",
        message: "Node auto-provisioning must be disabled for the dataplane update (and enabled again after).",
        command: [
          "az",
          "aks",
          "show",
          "--resource-group",
          rg,
          "--name",
          name,
          "--query",
          "nodeProvisioningProfile.mode",
          "--output",
          "tsv",
        ],
        source: UPDATE_AZURE_CNI,
      });
    }
    steps.push({
      title: "Move the dataplane to Cilium",
      command: update("--network-dataplane", "cilium"),
      oneWay: true,
      note: `Needs az CLI ${cliFor(plan.model)} or later. ${needsOverlay ? "A separate operation after the IPAM move: the two cannot be combined. " : ""}Cilium enforces network policy only once every node is reimaged.`,
      source: UPDATE_AZURE_CNI,
    });
    if (facts.nodeAutoProvisioning === true)
      steps.push({
        title: "Enable node auto-provisioning again",
        command: update("--node-provisioning-mode", "Auto"),
        oneWay: false,
        source: NODE_AUTO_PROVISIONING,
      });
    oneWay.push(
      "Moving to Cilium has no documented way back to the Azure dataplane (in Terraform, removing network_data_plane forces a new cluster).",
    );
  }

  const toModel: ModelId = needsOverlay ? "azure-cni-overlay" : plan.model;
  const poolsForSubnet = plan.pools.map((p) => ({
    name: p.name,
    nodes: p.peakCount,
    maxPods: p.maxPods,
    maxSurge: { kind: "count" as const, count: p.maxSurge.nodes },
  }));
  const nodeSubnetAddresses =
    needsOverlay && plan.model === "azure-cni-node-subnet" && !hardIpam
      ? {
          before: nodeSubnetAddressesNeeded(plan.model, poolsForSubnet),
          after: nodeSubnetAddressesNeeded("azure-cni-overlay", poolsForSubnet),
        }
      : undefined;
  const to: ModelState = {
    model: toModel,
    dataplane: needsCilium ? "cilium" : plan.dataplane,
    policy: needsCilium ? "cilium" : policyRemoved ? "none" : plan.policy,
  };
  return {
    target: options.to,
    from,
    to,
    status: blockers.some((b) => b.kind === "hard") ? "blocked" : "ready",
    blockers,
    checks,
    warnings,
    ...(podCidr ? { podCidr } : {}),
    ...(nodeSubnetAddresses ? { nodeSubnetAddresses } : {}),
    steps,
    oneWay,
    reimage: `${MIGRATION.reimage.value}${needsOverlay && needsCilium ? " It happens twice: once for each update." : ""}`,
  };
}

const DEFAULT_POD_CIDR_BITS = 16;

/** The az CLI version the dataplane update needs: 2.52.0 (update page), or the model's Cilium minimum when higher (Node Subnet 2.69.0, static block 2.75.0). */
function cliFor(model: ModelId): string {
  const perModel = DATAPLANES.cilium.minCliVersion.value[model];
  const num = (v: string) => v.split(".").map(Number);
  const newer = (a: string, b: string) => {
    const [x, y] = [num(a), num(b)];
    for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
    return false;
  };
  return perModel && newer(perModel, MIGRATION.ciliumUpdateMinCli.value)
    ? perModel
    : MIGRATION.ciliumUpdateMinCli.value;
}

function choosePod(plan: ResolvedPlan, options: MigrateOptions, blockers: Blocker[]): PodCidrChoice | undefined {
  const blocks = podCidrBlocksNeeded(podTargets(plan));
  const neededBits = podCidrPrefixLength(blocks) ?? 8;
  // At least the default /16: room to grow, since expanding later is Linux-only (articles/aks/azure-cni-overlay-pod-expand.md).
  const bits = Math.min(neededBits, DEFAULT_POD_CIDR_BITS);
  const avoid = planAvoid(plan);
  const describe = (p: Prefix, origin: PodCidrChoice["origin"], reason: string): PodCidrChoice => ({
    cidr: p.toString(),
    origin,
    blocksNeeded: blocks,
    nodesSupported: podCidrBlocks(p),
    reason,
  });
  if (options.podCidr !== undefined) {
    const r = tryParsePrefix(options.podCidr);
    if (!r.ok) throw new RangeError(`pod CIDR ${JSON.stringify(options.podCidr)}: ${r.error.reason}`);
    const p = r.value;
    const hit = firstOverlap(p, avoid);
    if (hit)
      blockers.push({
        id: "pod-cidr-overlaps",
        kind: "hard",
        message: `The pod CIDR ${p.toString()} overlaps ${hit.what}.`,
        fix: "Give a pod CIDR that overlaps nothing the cluster reaches, or leave --pod-cidr out to have one chosen.",
        source: UPDATE_AZURE_CNI,
      });
    else if (podCidrBlocks(p) < blocks)
      blockers.push({
        id: "pod-cidr-too-small",
        kind: "hard",
        message: `The pod CIDR ${p.toString()} holds ${podCidrBlocks(p)} nodes (one /24 each) but the pools need ${blocks} with surge.`,
        fix: `Give a /${neededBits} or larger.`,
        source: OVERLAY_CONCEPT,
      });
    return describe(p, "given", "given with --pod-cidr");
  }
  let notKept = "";
  if (plan.model === "kubenet") {
    const current = plan.podCidrs.find((c) => c.prefix?.addr.family === 4)?.prefix;
    if (current) {
      const hit = firstOverlap(current, avoid);
      if (!hit && podCidrBlocks(current) >= blocks)
        return describe(
          current,
          "kept",
          `the kubenet pod CIDR holds ${podCidrBlocks(current)} nodes (${blocks} needed with surge) and overlaps nothing in the plan, so it stays`,
        );
      notKept = hit
        ? `the kubenet pod CIDR ${current.toString()} overlaps ${hit.what}, so it changes; `
        : `the kubenet pod CIDR ${current.toString()} holds only ${podCidrBlocks(current)} nodes, so it changes; `;
    }
  }
  const chosen = choosePodCidr(bits, avoid);
  if (!chosen) {
    blockers.push({
      id: "no-free-pod-cidr",
      kind: "hard",
      message: `No free /${bits} (${blocks} nodes with surge) is left in the address space AKS supports for Overlay pod CIDRs.`,
      fix: "Free some space (connected networks in the plan count as used) or give one with --pod-cidr.",
      source: OVERLAY_CONCEPT,
    });
    return undefined;
  }
  const def = parsePrefix("10.244.0.0/16");
  const why = chosen.overlaps(def)
    ? "the AKS default range, free in this plan"
    : "the first free range (search order: 10.244.0.0, 100.64.0.0/10, 172.16.0.0/12, 192.168.0.0/16, 10.0.0.0/8)";
  return describe(
    chosen,
    "chosen",
    `${notKept}a /${bits} holds ${2 ** (24 - bits)} nodes (${blocks} needed with surge; never smaller than the default /16, as growing it later is Linux-only); ${why}`,
  );
}
