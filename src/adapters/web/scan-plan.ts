/**
 * A plan started from one cluster of `aksnet scan -o json`: the cluster's own configuration as the
 * scan read it — model and dataplane, pod CIDR, Kubernetes version, each pool (count, autoscaler
 * bounds, max pods, surge, node and pod subnets) and the VNet its first pool sits in with every
 * subnet of it — and the rest of the scanned estate (other VNets, peered space) as connected
 * networks, so the check and the layout see what is taken. The service CIDR, DNS service IP and network
 * policy come from the scan's `clusters[].network` (the record's own values). Where the scan does not carry
 * them (a scan written before aksnet had the field, or a record without them) the policy is left to the
 * plan's default (listed as an assumption), and the service CIDR is AKS's default only when that overlaps
 * nothing the scan saw; else the first free /16 of the private ranges: the real cluster's range cannot overlap
 * its VNet, so a default that does would invent an overlap finding. The plan's header says which was assumed. Pure.
 */
import { stringify } from "yaml";
import { schemaComment } from "../../engines/plan/index.js";
import { freePrefixes, parsePrefix, tryParsePrefix, type Prefix } from "../../ip/index.js";
import { DEFAULT_CIDRS, RESERVED_RANGES } from "../../kb/index.js";
import type { ScanUsedGroup } from "./scan-view.js";

/** One cluster of the scan, as the scan view lists it. */
export interface ScannedCluster {
  readonly name: string;
  readonly model: string;
  readonly verdict: string;
}

type Rec = Readonly<Record<string, unknown>>;
const rec = (v: unknown): Rec => (v && typeof v === "object" && !Array.isArray(v) ? (v as Rec) : {});
const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.map(rec) : []);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const count = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const lastSegment = (id: string | undefined) => id?.split("/").filter(Boolean).pop();
/** An Azure subnet id's VNet id (resource ids compare without case). */
const vnetIdOf = (subnetId: string | undefined) => subnetId?.replace(/\/subnets\/[^/]+$/i, "").toLowerCase();

/** The clusters of a scan report (already known to be one). */
export function scannedClusters(report: unknown): ScannedCluster[] {
  return list(rec(report)["clusters"]).flatMap((c) => {
    const name = str(c["name"]);
    return name ? [{ name, model: str(c["model"]) ?? "unknown", verdict: str(c["verdict"]) ?? "unknown" }] : [];
  });
}

const POLICIES = new Set(["none", "azure", "calico", "cilium"]);
/** Where an assumed service CIDR is looked for when AKS's default overlaps what the scan saw. */
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/** The scan's own service CIDRs and DNS service IP of a cluster (clusters[].network), when it carries them. */
function statedServices(c: Rec): { serviceCidrs: string[]; dnsServiceIp?: string } | undefined {
  const net = rec(c["network"]);
  const serviceCidrs = strings(net["serviceCidrs"]);
  const dns = str(net["dnsServiceIp"]);
  return serviceCidrs.length ? { serviceCidrs, ...(dns ? { dnsServiceIp: dns } : {}) } : undefined;
}

/**
 * A service CIDR for a cluster whose scan does not carry one, and why: AKS's default when it overlaps none of
 * `taken`, else the first free prefix of its size in the private ranges (undefined when none is free).
 */
export function assumedServiceCidr(taken: readonly string[]): { cidr: string; dns: string; why: string } | undefined {
  const used: Prefix[] = [...taken, ...RESERVED_RANGES.map((r) => r.cidr)].flatMap((t) => {
    const r = tryParsePrefix(t);
    return r.ok && r.value.family === 4 ? [r.value.masked()] : [];
  });
  const def = parsePrefix(DEFAULT_CIDRS.serviceCidr.value);
  const clash = used.find((u) => u.overlaps(def));
  if (!clash) return { cidr: def.toString(), dns: DEFAULT_CIDRS.dnsServiceIp.value, why: "AKS's default" };
  for (const range of PRIVATE_RANGES) {
    const free = freePrefixes(parsePrefix(range), used, def.bits, 1)[0];
    const dns = free?.first().add(10)?.toString();
    if (free && dns)
      return {
        cidr: free.toString(),
        dns,
        why:
          `AKS's default ${def.toString()} overlaps ${clash.toString()}, which the scan saw: ` +
          `the first free /${def.bits}`,
      };
  }
  return undefined;
}

function networkOf(c: Rec): Record<string, unknown> {
  const model = str(c["model"]);
  const pod = str(rec(c["podCidr"])["cidr"]);
  const dataplane = str(c["dataplane"]);
  const net: Record<string, unknown> =
    model === "kubenet"
      ? { plugin: "kubenet" }
      : model === "byo-cni"
        ? { plugin: "none" }
        : { plugin: "azure", ...(model === "azure-cni-overlay" ? { pluginMode: "overlay" } : {}) };
  if (dataplane === "cilium" || (dataplane === "azure" && model !== "kubenet" && model !== "byo-cni"))
    net["dataplane"] = dataplane;
  if (pod && (model === "azure-cni-overlay" || model === "kubenet" || model === "byo-cni")) net["podCidrs"] = [pod];
  const policy = str(rec(c["network"])["policy"]);
  if (policy && POLICIES.has(policy)) net["policy"] = policy;
  return net;
}

function poolOf(p: Rec, model: string | undefined): Record<string, unknown> {
  const autoscale = p["autoscale"] === true;
  const allocation =
    model === "azure-cni-pod-subnet-dynamic"
      ? "DynamicIndividual"
      : model === "azure-cni-pod-subnet-static"
        ? "StaticBlock"
        : undefined;
  const out: Record<string, unknown> = {
    name: str(p["name"]),
    mode: str(p["mode"]),
    gatewayPrefixSize: count(p["gatewayPrefixSize"]),
    count: count(p["count"]),
    minCount: autoscale ? count(p["minCount"]) : undefined,
    maxCount: autoscale ? count(p["maxCount"]) : undefined,
    maxPods: count(p["maxPods"]),
    maxSurge: str(p["maxSurge"]) ?? count(p["maxSurge"]),
    subnet: lastSegment(str(p["nodeSubnetId"])),
    podSubnet: lastSegment(str(p["podSubnetId"])),
    podIpAllocation: str(p["podSubnetId"]) ? allocation : undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** The VNet record of the scan with this id, else one made of the scan's subnets in it. */
function vnetOf(
  report: Rec,
  vnetId: string,
): { vnet: Record<string, unknown>; space: string[]; guessed?: true } | undefined {
  const known = list(report["vnets"]).find((v) => str(v["id"])?.toLowerCase() === vnetId);
  const subnetsOf = (rows: Rec[]) =>
    rows.flatMap((s) => {
      const name = str(s["name"]);
      const cidr = strings(s["prefixes"])[0];
      return name && cidr ? [{ name, cidr }] : [];
    });
  if (known) {
    const space = strings(known["addressSpace"]);
    const rg = str(known["resourceGroup"]);
    const vnet = { name: str(known["name"]), ...(rg ? { resourceGroup: rg } : {}), addressSpace: space };
    return { vnet: { ...vnet, subnets: subnetsOf(list(known["subnets"])) }, space };
  }
  const rows = list(report["subnets"]).filter((s) => str(s["vnetId"])?.toLowerCase() === vnetId);
  if (!rows.length) return undefined;
  // Without the VNet's record its address space is unknown: the subnets' own prefixes stand for it.
  const subnets = subnetsOf(rows);
  const space = subnets.map((s) => s.cidr);
  return { vnet: { name: lastSegment(vnetId), addressSpace: space, subnets }, space, guessed: true };
}

/** Whether two CIDRs share an address (false for text that is not a CIDR). */
function overlaps(a: string, b: string): boolean {
  const x = tryParsePrefix(a);
  const y = tryParsePrefix(b);
  return x.ok && y.ok && (x.value.contains(y.value) || y.value.contains(x.value));
}

/**
 * The API server section of the scan's `clusters[].apiServer` (undefined when the scan has none): VNet integration,
 * private, the authorized IP ranges, and the subnet by name when it is in the plan's VNet (`vnetId`); `away` names
 * a subnet elsewhere.
 */
function apiServerOf(c: Rec, vnetId: string | undefined): { section?: Record<string, unknown>; away?: string } {
  const a = c["apiServer"];
  if (!a || typeof a !== "object") return {};
  const api = rec(a);
  const subnetId = str(api["subnetId"]);
  const here = subnetId !== undefined && vnetIdOf(subnetId) === vnetId;
  const listed = api["authorizedIpRanges"];
  const ranges = Array.isArray(listed) ? listed.filter((x): x is string => typeof x === "string") : [];
  const section: Record<string, unknown> = {
    ...(api["vnetIntegration"] === true ? { vnetIntegration: true } : {}),
    ...(here ? { subnet: lastSegment(subnetId) } : {}),
    ...(api["private"] === true ? { private: true } : {}),
    ...(ranges.length > 0 ? { authorizedIpRanges: ranges } : {}),
  };
  return {
    ...(Object.keys(section).length ? { section } : {}),
    ...(subnetId && !here ? { away: subnetId } : {}),
  };
}

/**
 * The plan text of the scanned cluster `name` (undefined when the report has no such cluster). `groups` is the
 * scan's used space: the groups outside the cluster's VNet and pod CIDR become its connected networks.
 */
export function planFromScannedCluster(
  report: unknown,
  name: string,
  groups: readonly ScanUsedGroup[],
  source: "aksnet scan" | "aksnet inspect" = "aksnet scan",
) {
  const r = rec(report);
  const c = list(r["clusters"]).find((x) => x["name"] === name);
  if (!c) return undefined;
  const model = str(c["model"]);
  const pools = list(c["pools"]);
  const vnetId = vnetIdOf(str(pools.find((p) => str(p["nodeSubnetId"]))?.["nodeSubnetId"]));
  const found = vnetId ? vnetOf(r, vnetId) : undefined;
  const own = [...(found?.space ?? []), ...strings([str(rec(c["podCidr"])["cidr"])])];
  const connected = groups
    .map((g) => ({ name: g.name, cidrs: g.cidrs.filter((x) => !own.some((o) => overlaps(o, x))) }))
    .filter((g) => g.cidrs.length > 0);
  const version = /^\d+\.\d+/.exec(str(c["kubernetesVersion"]) ?? "")?.[0];
  const network = networkOf(c);
  const stated = statedServices(c);
  const api = apiServerOf(c, vnetId);
  const assumed = stated ? undefined : assumedServiceCidr([...own, ...connected.flatMap((g) => g.cidrs)]);
  if (stated) Object.assign(network, stated);
  else if (assumed) Object.assign(network, { serviceCidrs: [assumed.cidr], dnsServiceIp: assumed.dns });
  const plan = {
    apiVersion: "aksnet/v1",
    kind: "ClusterPlan",
    name,
    location: str(c["location"]),
    resourceGroup: str(c["resourceGroup"]),
    kubernetesVersion: version,
    network,
    vnet: found?.vnet,
    apiServer: api.section,
    connectedNetworks: connected.length ? connected : undefined,
    nodePools: pools.map((p) => poolOf(p, model)),
  };
  const header = [
    schemaComment("aksnet-plan.schema.json"),
    `# Started from ${source}: cluster ${name} (${str(c["verdict"]) ?? "no verdict"} in ${source}), as it runs.`,
    ...(found?.guessed
      ? [`# ${source} does not carry the VNet's address space: its subnets' prefixes stand for it.`]
      : []),
    ...assumptionLines(c, stated !== undefined, assumed),
    ...(api.away ? [`# The API server subnet ${api.away} is not in the VNet of the first pool: left out.`] : []),
  ];
  return `${header.join("\n")}\n${stringify(plan, { lineWidth: 0 })}`;
}

/** The header lines that say what the plan assumed because the scan did not carry it. */
function assumptionLines(c: Rec, statedServiceCidr: boolean, assumed: ReturnType<typeof assumedServiceCidr>) {
  const lines: string[] = [];
  if (!statedServiceCidr)
    lines.push(
      assumed
        ? `# Assumed: the scan does not carry the service CIDR; ${assumed.cidr} (${assumed.why}), ` +
            `DNS service IP ${assumed.dns}. Put the cluster's own here (az aks show: networkProfile.serviceCidr).`
        : "# The scan does not carry the service CIDR, and no private /16 is free: the plan's default stands for it.",
    );
  if (!str(rec(c["network"])["policy"]))
    lines.push("# The scan does not carry the network policy: the plan's default stands for it (Assumed defaults).");
  return lines;
}
