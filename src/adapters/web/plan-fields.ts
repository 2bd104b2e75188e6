/**
 * The planner's form as data: which plan field each input shows (`read`), and how an edit of it is written into
 * the plan's YAML document (`write`, and what it may change: `scalarPath`, `sections`). The page builds its inputs
 * from `PLAN_FIELDS` and `REQUIREMENT_FIELDS`; ./plan-edit.ts writes an edit back into the plan text. Pure.
 */
import { isMap, isSeq, type Document } from "yaml";
import { DATAPLANES, MODELS, supportsDataplane, type DataplaneId, type ModelId } from "../../kb/index.js";
import { podRangeKind } from "../../engines/capacity/index.js";
import type { Plan, ResolvedPlan } from "../../engines/plan/index.js";
import { ensurePodSubnet } from "./pod-subnet.js";

export type FieldKind = "text" | "number" | "select" | "checkbox";

export interface FieldDef {
  readonly id: string;
  readonly label: string;
  readonly kind: FieldKind;
  /** For selects: value and label of each option. */
  readonly options?: readonly (readonly [string, string])[];
  readonly hint?: string;
  /** The most characters a text field takes (200 when not given). */
  readonly maxLength?: number;
  /** The value to show for a plan ("" when the plan does not set it). */
  read(plan: Plan, resolved: ResolvedPlan | undefined): string;
  /** Writes the value ("" clears it) into the document. */
  write(doc: Document, value: string): void;
  /** Why the field does not apply to this plan (then the page disables it), or undefined when it does. */
  inapplicable?(plan: Plan, resolved: ResolvedPlan | undefined): string | undefined;
  /**
   * The path of the one scalar `write` sets, when that is all it does: such an edit is spliced into the text as
   * written.
   */
  scalarPath?(doc: Document): readonly (string | number)[] | undefined;
  /** The top-level sections `write` may change: only those are written again (./yaml-splice.ts). */
  readonly sections?: readonly string[];
  /** Sections `write` changes only sometimes: written again only when their value changed. */
  readonly maybeSections?: readonly string[];
}

const MODEL_LABELS: readonly (readonly [ModelId, string])[] = [
  ["azure-cni-overlay", "Azure CNI Overlay"],
  ["azure-cni-pod-subnet-dynamic", "Azure CNI Pod Subnet (dynamic)"],
  ["azure-cni-pod-subnet-static", "Azure CNI Pod Subnet (static block)"],
  ["azure-cni-node-subnet", "Azure CNI Node Subnet (legacy)"],
  ["kubenet", "kubenet (retires 31 March 2028)"],
  ["byo-cni", "Bring your own CNI (plugin none)"],
];

function setOrDelete(doc: Document, path: readonly (string | number)[], value: unknown): void {
  // Clearing a field that is not there is nothing to do (deleteIn throws when a parent is missing).
  if (value === undefined || value === "") {
    if (doc.hasIn(path)) doc.deleteIn(path);
  } else doc.setIn(path, value);
}

/** A whole number as a number; anything else stays text so the schema names the problem. */
function numberOrText(v: string): number | string | undefined {
  const t = v.trim();
  if (t === "") return undefined;
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

function list(v: string): string[] | undefined {
  const items = v.split(/[\s,]+/).filter((s) => s !== "");
  return items.length ? items : undefined;
}

function poolCount(doc: Document): number {
  const pools = doc.getIn(["nodePools"]);
  return isSeq(pools) ? pools.items.length : 0;
}

/** Makes sure nodePools[0] exists (a System pool named "system"). */
function firstPool(doc: Document): void {
  if (poolCount(doc) === 0) doc.setIn(["nodePools"], doc.createNode([{ name: "system", mode: "System" }]));
}

/** Writes a field of every node pool (model choices apply to all of them). */
function setInPools(doc: Document, key: string, value: unknown): void {
  firstPool(doc);
  for (let i = 0; i < poolCount(doc); i++) setOrDelete(doc, ["nodePools", i, key], value);
}

function poolField(id: string, label: string, key: "count" | "maxCount" | "maxPods", hint?: string): FieldDef {
  return {
    id,
    label,
    kind: "number",
    ...(hint ? { hint } : {}),
    read: (plan) => String(plan.nodePools[0]?.[key] ?? ""),
    write: (doc, v) => {
      firstPool(doc);
      setOrDelete(doc, ["nodePools", 0, key], numberOrText(v));
    },
    scalarPath: () => ["nodePools", 0, key],
    sections: ["nodePools"],
  };
}

/** Index of the subnet nodePools[0] names, creating `aks-nodes` (and the VNet) when there is none. */
function nodeSubnetIndex(doc: Document, create: boolean): number | undefined {
  const wanted = doc.getIn(["nodePools", 0, "subnet"]);
  const subnets = doc.getIn(["vnet", "subnets"]);
  if (isSeq(subnets)) {
    const i = subnets.items.findIndex((s) => isMap(s) && s.get("name") === (wanted ?? "aks-nodes"));
    if (i >= 0) return i;
  }
  if (!create) return undefined;
  firstPool(doc);
  if (wanted === undefined) doc.setIn(["nodePools", 0, "subnet"], "aks-nodes");
  const name = String(wanted ?? "aks-nodes");
  if (!isMap(doc.getIn(["vnet"])))
    doc.setIn(["vnet"], doc.createNode({ name: "vnet-aks", addressSpace: [], subnets: [] }));
  if (!isSeq(doc.getIn(["vnet", "subnets"]))) doc.setIn(["vnet", "subnets"], doc.createNode([]));
  const seq = doc.getIn(["vnet", "subnets"]);
  if (!isSeq(seq)) return undefined;
  seq.add(doc.createNode({ name, cidr: "" }));
  return seq.items.length - 1;
}

const isModel = (v: string): v is ModelId => Object.prototype.hasOwnProperty.call(MODELS, v);

/** The model the document's network section and first pool describe, as the resolver names it. */
function modelOf(doc: Document): ModelId | undefined {
  const plugin = doc.getIn(["network", "plugin"]);
  if (plugin === "kubenet") return "kubenet";
  if (plugin === "none") return "byo-cni";
  if (plugin !== "azure") return undefined;
  if (doc.getIn(["network", "pluginMode"]) === "overlay") return "azure-cni-overlay";
  const allocation = doc.getIn(["nodePools", 0, "podIpAllocation"]);
  if (allocation === "DynamicIndividual") return "azure-cni-pod-subnet-dynamic";
  if (allocation === "StaticBlock") return "azure-cni-pod-subnet-static";
  return doc.getIn(["nodePools", 0, "podSubnet"]) === undefined
    ? "azure-cni-node-subnet"
    : "azure-cni-pod-subnet-dynamic";
}

/**
 * After a model or dataplane change, removes what no longer applies, so the switch itself never
 * makes the plan inconsistent: a pod CIDR where pods take VNet addresses, pools' pod subnets where
 * pods take a pod CIDR, a dataplane the model does not run on, a network policy the model and
 * dataplane do not support (the page's status line says what was removed).
 */
function cohere(doc: Document, model: ModelId): void {
  const kind = podRangeKind(model);
  if (model !== "byo-cni" && kind !== "pod-cidr") doc.deleteIn(["network", "podCidrs"]);
  if (kind !== "pod-subnet") for (let i = 0; i < poolCount(doc); i++) doc.deleteIn(["nodePools", i, "podSubnet"]);
  else ensurePodSubnet(doc);
  const dataplane = doc.getIn(["network", "dataplane"]);
  if ((dataplane === "azure" || dataplane === "cilium") && !supportsDataplane(model, dataplane))
    doc.deleteIn(["network", "dataplane"]);
  const policy = doc.getIn(["network", "policy"]);
  if (typeof policy === "string" && policy !== "none") {
    const dp = doc.getIn(["network", "dataplane"]);
    const dpId: DataplaneId = dp === "cilium" ? "cilium" : "azure";
    const modelPolicies: readonly string[] = MODELS[model].networkPolicies.value;
    const dpPolicies: readonly string[] = model === "byo-cni" ? modelPolicies : DATAPLANES[dpId].networkPolicies.value;
    if (!modelPolicies.includes(policy) || !dpPolicies.includes(policy)) {
      // Cilium enforces policy with its own engine: keep the cluster's policy on, as Cilium.
      if (dpId === "cilium" && modelPolicies.includes("cilium") && dpPolicies.includes("cilium"))
        doc.setIn(["network", "policy"], "cilium");
      else doc.deleteIn(["network", "policy"]);
    }
  }
}

/** A pool's node public IP settings: nodePublicIp and the prefix its nodes' addresses come from. */
const PUBLIC_IP_KEYS = ["nodePublicIp", "nodePublicIpPrefixId", "nodePublicIpPrefix"] as const;

/**
 * A resource ID runs past the 200 characters of the other text fields (a resource group name alone may take 90):
 * the input only bounds what is typed; generate judges the ID.
 */
const PREFIX_ID_MAX_LENGTH = 1000;

export const PLAN_FIELDS: readonly FieldDef[] = [
  {
    id: "model",
    label: "Network model",
    kind: "select",
    options: MODEL_LABELS,
    read: (_plan, resolved) => resolved?.model ?? "",
    write: (doc, v) => {
      const plugin = v === "kubenet" ? "kubenet" : v === "byo-cni" ? "none" : "azure";
      doc.setIn(["network", "plugin"], plugin);
      setOrDelete(doc, ["network", "pluginMode"], v === "azure-cni-overlay" ? "overlay" : undefined);
      const allocation =
        v === "azure-cni-pod-subnet-dynamic"
          ? "DynamicIndividual"
          : v === "azure-cni-pod-subnet-static"
            ? "StaticBlock"
            : undefined;
      if (allocation || poolCount(doc) > 0) setInPools(doc, "podIpAllocation", allocation);
      if (isModel(v)) cohere(doc, v);
    },
    sections: ["network", "nodePools"],
    // A switch to a Pod Subnet model may add the pods' subnet (./pod-subnet.ts).
    maybeSections: ["vnet"],
    inapplicable: (plan) =>
      plan.sku?.name === "Automatic" ? "AKS Automatic always uses Azure CNI Overlay with Cilium" : undefined,
  },
  {
    id: "dataplane",
    label: "Dataplane",
    kind: "select",
    options: [
      ["azure", "Azure (iptables)"],
      ["cilium", "Cilium (eBPF)"],
    ],
    read: (plan, resolved) => plan.network.dataplane ?? resolved?.dataplane ?? "azure",
    write: (doc, v) => {
      setOrDelete(doc, ["network", "dataplane"], v);
      const model = modelOf(doc);
      if (model) cohere(doc, model);
    },
    sections: ["network", "nodePools"],
    maybeSections: ["vnet"],
    inapplicable: (plan, resolved) => {
      if (plan.sku?.name === "Automatic") return "AKS Automatic always uses Cilium";
      const model = resolved?.model;
      if (model && !(["azure", "cilium"] as const).every((d) => supportsDataplane(model, d)))
        return `${MODELS[model].title} runs on ${model === "byo-cni" ? "your CNI" : "the Azure dataplane"} only`;
      return undefined;
    },
    // No scalarPath: a dataplane change may also change the policy (cohere), so it is never a one-scalar splice.
  },
  {
    id: "kubernetesVersion",
    label: "Kubernetes version",
    kind: "text",
    read: (plan) => (plan.kubernetesVersion === undefined ? "" : String(plan.kubernetesVersion)),
    write: (doc, v) => setOrDelete(doc, ["kubernetesVersion"], v.trim()),
    scalarPath: () => ["kubernetesVersion"],
    sections: ["kubernetesVersion"],
  },
  {
    id: "addressSpace",
    label: "VNet address space",
    kind: "text",
    hint: "one or more CIDRs, separated by commas",
    read: (plan) => plan.vnet?.addressSpace.join(", ") ?? "",
    write: (doc, v) => {
      if (!isMap(doc.getIn(["vnet"])))
        doc.setIn(["vnet"], doc.createNode({ name: "vnet-aks", addressSpace: [], subnets: [] }));
      doc.setIn(["vnet", "addressSpace"], doc.createNode(list(v) ?? [], { flow: true }));
    },
    sections: ["vnet"],
  },
  {
    id: "nodeSubnet",
    label: "Node subnet (first pool)",
    kind: "text",
    read: (plan) => {
      const name = plan.nodePools[0]?.subnet ?? "aks-nodes";
      return plan.vnet?.subnets.find((s) => s.name === name)?.cidr ?? "";
    },
    write: (doc, v) => {
      const i = nodeSubnetIndex(doc, v.trim() !== "");
      if (i !== undefined) doc.setIn(["vnet", "subnets", i, "cidr"], v.trim());
    },
    scalarPath: (doc) => {
      const i = nodeSubnetIndex(doc, false);
      return i === undefined ? undefined : ["vnet", "subnets", i, "cidr"];
    },
    sections: ["vnet", "nodePools"],
  },
  {
    id: "podCidr",
    label: "Pod CIDR",
    kind: "text",
    hint: "kubenet, Overlay and BYO CNI",
    inapplicable: (_plan, resolved) =>
      resolved && resolved.model !== "byo-cni" && podRangeKind(resolved.model) !== "pod-cidr"
        ? `${MODELS[resolved.model].title} gives pods VNet addresses: no pod CIDR`
        : undefined,
    read: (plan) => plan.network.podCidrs?.join(", ") ?? "",
    write: (doc, v) => {
      const l = list(v);
      setOrDelete(doc, ["network", "podCidrs"], l ? doc.createNode(l, { flow: true }) : undefined);
    },
    sections: ["network"],
  },
  {
    id: "serviceCidr",
    label: "Service CIDR",
    kind: "text",
    read: (plan) => plan.network.serviceCidrs?.join(", ") ?? "",
    write: (doc, v) => {
      const l = list(v);
      setOrDelete(doc, ["network", "serviceCidrs"], l ? doc.createNode(l, { flow: true }) : undefined);
    },
    sections: ["network"],
  },
  {
    id: "dnsServiceIp",
    label: "DNS service IP",
    kind: "text",
    read: (plan) => plan.network.dnsServiceIp ?? "",
    write: (doc, v) => setOrDelete(doc, ["network", "dnsServiceIp"], v.trim()),
    scalarPath: () => ["network", "dnsServiceIp"],
    sections: ["network"],
  },
  poolField("count", "Nodes (first pool)", "count"),
  poolField("maxCount", "Autoscaler maximum (first pool)", "maxCount", "AKS reserves addresses for the maximum"),
  poolField("maxPods", "Max pods per node (first pool)", "maxPods"),
  {
    id: "nodePublicIp",
    label: "Node public IPs (first pool)",
    kind: "checkbox",
    read: (plan) => String(plan.nodePools[0]?.nodePublicIp === true),
    write: (doc, v) => {
      firstPool(doc);
      if (v === "true") doc.setIn(["nodePools", 0, "nodePublicIp"], true);
      // Without node public IPs the pool's public IP prefix no longer applies (generate refuses an ID without them).
      else for (const k of PUBLIC_IP_KEYS) setOrDelete(doc, ["nodePools", 0, k], undefined);
    },
    sections: ["nodePools"],
  },
  {
    id: "nodePublicIpPrefixId",
    label: "Node public IP prefix ID (first pool)",
    kind: "text",
    hint: "the resource ID of the public IP prefix the nodes' public IPs come from (…/publicIPPrefixes/NAME)",
    maxLength: PREFIX_ID_MAX_LENGTH,
    inapplicable: (plan) =>
      plan.nodePools[0]?.nodePublicIp === true ? undefined : "the first pool's nodes have no public IPs",
    read: (plan) => plan.nodePools[0]?.nodePublicIpPrefixId ?? "",
    write: (doc, v) => {
      firstPool(doc);
      setOrDelete(doc, ["nodePools", 0, "nodePublicIpPrefixId"], v.trim());
    },
    scalarPath: () => ["nodePools", 0, "nodePublicIpPrefixId"],
    sections: ["nodePools"],
  },
];

function requirement(
  id: keyof NonNullable<Plan["requirements"]>,
  label: string,
  kind: FieldKind,
  options?: FieldDef["options"],
): FieldDef {
  return {
    id: `req-${id}`,
    label,
    kind,
    ...(options ? { options } : {}),
    read: (plan) => {
      const v = plan.requirements?.[id];
      return v === undefined ? "" : String(v);
    },
    write: (doc, v) => {
      const value =
        kind === "checkbox" ? (v === "true" ? true : undefined) : kind === "number" ? numberOrText(v) : v || undefined;
      setOrDelete(doc, ["requirements", id], value);
      const req = doc.getIn(["requirements"]);
      if (isMap(req) && req.items.length === 0) doc.deleteIn(["requirements"]);
    },
    scalarPath: () => ["requirements", id],
    sections: ["requirements"],
  };
}

export const REQUIREMENT_FIELDS: readonly FieldDef[] = [
  requirement("nodes", "Nodes", "number"),
  requirement("maxNodes", "Most nodes (scale-out)", "number"),
  requirement("podsPerNode", "Pods per node", "number"),
  requirement("networkPolicy", "Network policy", "select", [
    ["", "no preference"],
    ["none", "none"],
    ["azure", "Azure NPM"],
    ["calico", "Calico"],
    ["cilium", "Cilium"],
  ]),
  requirement("podsReachableFromVnet", "Pods reachable from the VNet", "checkbox"),
  requirement("podsReachableFromOnPremises", "Pods reachable from on-premises", "checkbox"),
  requirement("podIpsTraceable", "Pod IPs traceable end to end", "checkbox"),
  requirement("windows", "Windows node pools", "checkbox"),
  requirement("virtualNodes", "Virtual nodes", "checkbox"),
  requirement("applicationGateway", "Application Gateway", "checkbox"),
  requirement("dualStack", "Dual-stack (IPv4 + IPv6)", "checkbox"),
  requirement("latencySensitive", "Latency-sensitive", "checkbox"),
  requirement("ebpf", "eBPF observability / no kube-proxy", "checkbox"),
];
