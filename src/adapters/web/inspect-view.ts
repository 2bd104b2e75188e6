/**
 * The page's view of `aksnet inspect -o json` in the editor (kind: InspectReport): the cluster's pools as
 * they run and as configured — each with its mode (System, User, Gateway: the `kubernetes.azure.com/mode`
 * node label, or the configured pool), nodes running, autoscaler bounds, max pods and subnets — and the
 * parts inspect saw: the API server's subnet (Azure's record with `--azure`, else the configured
 * `apiServerAccessProfile`), AKS Automatic, virtual nodes — and the other subnets of its VNet that have a role
 * (`azure.vnetSubnets[]`: firewall, Bastion, gateway, AGC, private endpoints …) with inspect's size judgement.
 * Read defensively: a field missing is `—`. Pure.
 */
import type { ClusterView, PartRow, PoolRow, SubnetRow } from "./cluster-view.js";
import { planFromInspect } from "./inspect-plan.js";

type Rec = Readonly<Record<string, unknown>>;
const rec = (v: unknown): Rec => (v && typeof v === "object" && !Array.isArray(v) ? (v as Rec) : {});
const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.map(rec) : []);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
/** `gateway` (the node label) as the plan writes it: `Gateway`. */
const modeWord = (m: string | undefined) => (m ? m[0]!.toUpperCase() + m.slice(1) : undefined);

export interface InspectView {
  /** The cluster's name (Azure's record), when inspect read it. */
  readonly name?: string;
  /** `azure-cni-overlay (high confidence), dataplane cilium, policy cilium`. */
  readonly model: string;
  readonly cluster: ClusterView;
  /** A plan of the cluster's own configuration (./inspect-plan.ts); absent when inspect did not read Azure. */
  readonly planText?: string;
}

/** The InspectReport in `text`, or undefined when the text is not one. */
export function inspectViewOf(text: string): InspectView | undefined {
  if (!text.trimStart().startsWith("{") || !text.includes('"InspectReport"')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const r = rec(value);
  if (r["kind"] !== "InspectReport") return undefined;
  const v = rec(r["verdict"]);
  const name = str(rec(rec(r["azure"])["cluster"])["name"]);
  const model =
    `${str(v["model"]) ?? "unknown model"}${str(v["confidence"]) ? ` (${str(v["confidence"])} confidence)` : ""}, ` +
    `dataplane ${str(v["dataplane"]) ?? "unknown"}, policy ${str(v["policy"]) ?? "unknown"}`;
  const planText = planFromInspect(r);
  return {
    ...(name ? { name } : {}),
    ...(planText ? { planText } : {}),
    model,
    cluster: {
      source: `aksnet inspect${name ? ` of cluster ${name}` : ""}`,
      pools: poolRows(r),
      parts: parts(r),
      subnets: subnetRows(r),
    },
  };
}

function subnetWords(name: string | undefined, cidr: string | undefined): string {
  return name ? (cidr ? `${name} (${cidr})` : name) : "—";
}

/** Every pool seen running or configured, running ones first, in inspect's order. */
function poolRows(r: Rec): PoolRow[] {
  const configured = list(rec(rec(r["configured"])["cluster"])["pools"]);
  const running = list(r["pools"]);
  const names = [...running.map((p) => str(p["pool"])), ...configured.map((p) => str(p["name"]))];
  return [...new Set(names.filter((n): n is string => n !== undefined))].map((name) => {
    const run = running.find((p) => p["pool"] === name);
    const conf = configured.find((p) => p["name"] === name);
    const nodes = num(run?.["nodes"]);
    const min = num(conf?.["minCount"]);
    const max = num(conf?.["maxCount"]);
    const count = num(conf?.["count"]);
    const setting = max !== undefined ? `${min ?? count ?? 0}–${max} (autoscaler)` : count;
    const nodesText = [
      nodes !== undefined ? `${nodes} running` : undefined,
      setting !== undefined ? `configured ${setting}` : undefined,
    ].filter(Boolean);
    const maxPods = num(run?.["maxPods"]) ?? num(conf?.["maxPods"]);
    return {
      name,
      mode: str(conf?.["mode"]) ?? modeWord(str(run?.["mode"])) ?? "—",
      kind: "—",
      nodes: nodesText.join(", ") || "—",
      maxPods: maxPods === undefined ? "—" : String(maxPods),
      subnet: subnetWords(str(conf?.["subnet"]), str(conf?.["subnetCidr"])),
      podSubnet: subnetWords(str(conf?.["podSubnet"]), str(conf?.["podSubnetCidr"])),
    };
  });
}

function apiServerPart(r: Rec): PartRow | undefined {
  const azure = rec(rec(r["azure"])["apiServer"]);
  const conf = rec(rec(rec(r["configured"])["cluster"])["apiServer"]);
  const [a, field] = Object.keys(azure).length ? [azure, "azure.apiServer"] : [conf, "configured.cluster.apiServer"];
  if (!Object.keys(a).length) return undefined;
  const subnet = str(a["subnet"]);
  const cidr = strings(a["prefixes"])[0] ?? str(a["subnetCidr"]);
  const where =
    a["vnetIntegration"] === true
      ? subnet
        ? `VNet integration in subnet ${subnetWords(subnet, cidr)}`
        : "VNet integration in a subnet AKS manages"
      : "no VNet integration";
  return { part: "API server", detail: `${where}; ${a["private"] === true ? "private" : "public"}`, field };
}

function parts(r: Rec): PartRow[] {
  const out: PartRow[] = [];
  if (str(rec(rec(r["configured"])["cluster"])["sku"]) === "Automatic")
    out.push({ part: "AKS Automatic", detail: "sku Automatic", field: "configured.cluster.sku" });
  const api = apiServerPart(r);
  if (api) out.push(api);
  const virtual = list(r["virtualNodes"]);
  if (virtual.length)
    out.push({
      part: "Virtual nodes (ACI)",
      detail: `${virtual.length} virtual node(s) running`,
      field: "virtualNodes",
    });
  return out;
}

/** inspect's `message` without its leading title and how the role was found: the size judgement alone. */
const sizeWords = (message: string | undefined, title: string) =>
  (message ?? "").replace(title, "").replace(/^ \(by [^)]*\): /, "") || "—";

/** `azure.vnetSubnets[]`: each subnet of the cluster's VNets with a role, as inspect judged its size. */
function subnetRows(r: Rec): SubnetRow[] {
  return list(rec(r["azure"])["vnetSubnets"]).flatMap((s) => {
    const name = str(s["name"]);
    if (!name) return [];
    const role = str(s["title"]) ?? str(s["kind"]) ?? "—";
    return [
      {
        name,
        cidr: strings(s["prefixes"]).join(", ") || "—",
        role,
        verdict: str(s["verdict"]) ?? "unknown",
        size: sizeWords(str(s["message"]), role),
      },
    ];
  });
}
