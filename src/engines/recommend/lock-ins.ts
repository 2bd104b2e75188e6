/**
 * What choosing a candidate locks in for the life of the cluster, and the
 * retirements that apply to it. Each line names its source.
 */
import { DEFAULT_CIDRS, MODELS, PLATFORM_LIMITS, RETIREMENTS, type Retirement } from "../../kb/index.js";
import type { Candidate, Target } from "./candidate.js";

export interface LockIn {
  readonly text: string;
  readonly source: string;
}

export interface RetirementNote {
  readonly id: string;
  readonly title: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly source: string;
}

const AKS = (page: string) => `MicrosoftDocs/azure-aks-docs:articles/aks/${page}.md`;

/** The lock-ins of a candidate for the target. */
export function lockInsOf(c: Candidate, t: Target): LockIn[] {
  const maxPods = t.maxPods;
  const out: LockIn[] = [
    {
      text: PLATFORM_LIMITS.maxPodsChangeInPlace.value
        ? `max pods per node (${maxPods} here) can be changed per pool with az aks nodepool update --max-pods`
        : `max pods per node is set per pool at creation (${maxPods} here); to change it, add a pool and move the ` +
          `workloads (Microsoft's upgrade capacity guide shows az aks nodepool update --max-pods; the az CLI and ` +
          `azurerm sources read do not change it in place)`,
      source: `${AKS("concepts-network-ip-address-planning")}; ${AKS("upgrade-capacity-cost-planning")}`,
    },
    {
      text:
        `the service CIDR (default ${DEFAULT_CIDRS.serviceCidr.value}) cannot change after creation; from ` +
        `Kubernetes 1.33 it can only be extended in-cluster`,
      source: AKS("concepts-network-ip-address-planning"),
    },
  ];
  out.push(...addressingLockIns(c, t), ...modelLockIns(c));
  return out;
}

/** What the way pods get addresses locks in. */
function addressingLockIns(c: Candidate, t: Target): LockIn[] {
  const maxPods = t.maxPods;
  const out: LockIn[] = [];
  const kind = MODELS[c.model].podAddressing.value.kind;
  if (kind === "pod-cidr-block") {
    const grow =
      c.model === "azure-cni-overlay" && !t.requirements.dualStack && !t.requirements.windows
        ? "can only grow (to a superset), never shrink or move"
        : "cannot change: growing it needs an Overlay cluster that is IPv4-only and Linux-only";
    out.push({
      text: `every node takes a whole /24 of the pod CIDR whatever its max pods; the pod CIDR ${grow}`,
      source: `${AKS("concepts-network-azure-cni-overlay")}; ${AKS("azure-cni-overlay-pod-expand")}`,
    });
  }
  if (kind === "node-subnet")
    out.push({
      text:
        `every node reserves ${maxPods + 1} addresses of its subnet when it is created; a pool's subnet cannot ` +
        `change`,
      source: AKS("concepts-network-legacy-cni"),
    });
  return out;
}

/** What the network model and dataplane lock in. */
function modelLockIns(c: Candidate): LockIn[] {
  const out: LockIn[] = [];
  if (c.model === "azure-cni-pod-subnet-dynamic" || c.model === "azure-cni-pod-subnet-static")
    out.push({ text: "a pod-subnet cluster can never move to Overlay", source: AKS("update-azure-cni") });
  if (c.model === "azure-cni-pod-subnet-static")
    out.push({
      text:
        "a subnet serves one allocation mode; moving pools between dynamic and static needs new pools on a new " +
        "subnet",
      source: AKS("configure-azure-cni-static-block-allocation"),
    });
  if (c.model === "kubenet")
    out.push({
      text:
        "a route table with one route per node (at most 400 nodes); the cluster must move to Overlay before " +
        "kubenet retires",
      source: AKS("configure-kubenet"),
    });
  if (c.dataplane === "cilium" && c.model !== "byo-cni")
    out.push({
      text:
        "Cilium is Linux only: no Windows pools can be added later, and there is no documented way back to the " +
        "Azure dataplane",
      source: `${AKS("azure-cni-powered-by-cilium")}; ${AKS("update-azure-cni")}`,
    });
  if (c.model === "byo-cni")
    out.push({ text: "you install, upgrade and support the CNI yourself", source: AKS("use-byo-cni") });
  return out;
}

/**
 * The retirements of the components a candidate would use: kubenet for kubenet;
 * Azure NPM when it is the policy engine asked for (on the Azure dataplane), its
 * Windows retirement only when Windows pools are asked for too.
 */
export function componentRetirements(c: Candidate, t: Target): Retirement[] {
  const npm = t.requirements.networkPolicy === "azure" && c.dataplane === "azure" && c.model !== "byo-cni";
  const ids = [
    ...(c.model === "kubenet" ? ["kubenet"] : []),
    ...(npm && t.requirements.windows ? ["npm-windows"] : []),
    ...(npm ? ["npm-linux"] : []),
  ];
  return RETIREMENTS.filter((r) => ids.includes(r.id));
}

/** The retirements still ahead on `t.today` (those already past rule the candidate out: filter `retired`). */
export function retirementsOf(c: Candidate, t: Target): RetirementNote[] {
  return componentRetirements(c, t)
    .filter((r) => r.date > t.today)
    .map((r) => ({ id: r.id, title: r.title, date: r.date, source: r.source.map((s) => s.url).join("; ") }));
}
