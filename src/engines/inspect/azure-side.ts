/**
 * The Azure side of one cluster (`inspect --azure`): the scan's report on the
 * cluster's ARM record and the subnets its pools use, with the used addresses
 * Azure counts (everything in the subnet: other clusters, VMs, private
 * endpoints, load balancers). From inside the cluster the node subnet's size
 * and its other users cannot be seen; these figures close that blind spot.
 * `withAzure` folds them into the headroom: every scan check on a node or pod
 * subnet becomes a headroom check, and the subnets' free room bounds the
 * "more nodes" figure. A library caller's malformed side is ignored part by
 * part, never a throw.
 */
import type { CheckResult, ClusterReport, Missing, PoolReport, SubnetReport, VnetReport } from "../scan/index.js";
import { tryParsePrefix } from "../../ip/index.js";
import type { AddressUse } from "./address-use.js";
import type { Headroom, HeadroomCheck } from "./headroom.js";
import type { VnetSubnet } from "./vnet-subnets.js";
import { guardArgs, TEXTS } from "./guard-args.js";

export type AzureSideSource =
  { readonly kind: "azure"; readonly endpoint: string } | { readonly kind: "files"; readonly files: readonly string[] };

export interface AzureSide {
  readonly source: AzureSideSource;
  /**
   * How the cluster was found: `resource-id` (given), or `node-resource-group` (the node resource group
   * its nodes' `kubernetes.azure.com/cluster` label names).
   */
  readonly matchedBy: "resource-id" | "node-resource-group";
  /** The scan's report on the cluster (docs/scan.md, `clusters[]`). */
  readonly cluster: ClusterReport;
  /** The subnets its pools use, with Azure's figures (docs/scan.md, `subnets[]`). */
  readonly subnets: readonly SubnetReport[];
  /** What could not be read (docs/scan.md, `missing[]`). */
  readonly missing: readonly Missing[];
  /** The API server's network from the cluster's ARM record (`apiServerAccessProfile`); null when it says nothing. */
  readonly apiServer?: AzureApiServer | null;
  /** The other subnets of its VNets with a role (firewall, Bastion, gateway, AGC …), judged by size. */
  readonly vnetSubnets?: readonly VnetSubnet[];
  /** The VNets that hold its node, pod or API server subnets, with their address space. */
  readonly vnets?: readonly AzureVnet[];
}

/** A VNet of the cluster: its ID, name and address space as read. */
export interface AzureVnet {
  readonly id: string;
  readonly name: string;
  readonly addressSpace: readonly string[];
}

/** The VNets among `vnets` that hold one of `subnetIds` (any case), in their order. */
export const clusterVnets = guardArgs(
  "clusterVnets",
  [
    { name: "vnets", want: [{ subnets: "list" }], words: "the VNet reports" },
    { ...TEXTS, name: "subnetIds" },
  ],
  function clusterVnets(vnets: readonly VnetReport[], subnetIds: readonly string[]): AzureVnet[] {
    const ids = new Set(subnetIds.map((x) => x.toLowerCase()));
    return vnets
      .filter((v) => v.subnets.some((s) => ids.has(s.id.toLowerCase())))
      .map((v) => ({ id: v.id, name: v.name, addressSpace: [...v.addressSpace] }));
  },
);

/** `apiServerAccessProfile` of the ARM record, the subnet found in the VNets read. */
export interface AzureApiServer {
  /** enableVnetIntegration. */
  readonly vnetIntegration: boolean;
  /** subnetId; null when AKS placed the API server in its own VNet. */
  readonly subnetId: string | null;
  /** The subnet's name (subnetId's last segment). */
  readonly subnet: string | null;
  /** The subnet's prefixes as read with its VNet; empty when the VNet was not read. */
  readonly prefixes: readonly string[];
  /** enablePrivateCluster. */
  readonly private: boolean;
}

const obj = (x: unknown): Record<string, unknown> | undefined =>
  typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;

/**
 * The API server's network from a cluster's ARM record (`properties.apiServerAccessProfile`: enableVnetIntegration,
 * subnetId, enablePrivateCluster) with the subnet's prefixes from the VNets read; null when the record has no
 * such profile or neither integration nor a subnet is set.
 */
export function apiServerOf(record: unknown, vnets: readonly VnetReport[]): AzureApiServer | null {
  const r = obj(record);
  const a = obj(obj(r?.properties)?.apiServerAccessProfile ?? r?.apiServerAccessProfile);
  if (!a) return null;
  const subnetId = typeof a.subnetId === "string" && a.subnetId ? a.subnetId : null;
  const integrated = a.enableVnetIntegration === true;
  if (!integrated && subnetId === null) return null;
  const found = subnetId
    ? list(vnets)
        .flatMap((v) => list(v.subnets))
        .find((x) => typeof x.id === "string" && x.id.toLowerCase() === subnetId.toLowerCase())
    : undefined;
  return {
    vnetIntegration: integrated,
    subnetId,
    subnet: subnetId ? lastSegment(subnetId) : null,
    prefixes: texts(found?.prefixes),
    private: a.enablePrivateCluster === true,
  };
}

/** The note headroom carries when no node subnet is known; Azure's figures replace it. */
export const NODE_SUBNET_BLIND_SPOT = "The node subnet's size is not visible from inside the cluster";

const CHECK_WORDS: Record<string, string> = {
  "next-upgrade": "next upgrade",
  "scale-out": "scale-out to maxCount",
  "upgrade-at-max": "upgrade at maxCount",
  "shared-subnet-at-max": "every pool on the subnet at maxCount",
};

/** The object entries of a list (a library caller's side may hold anything). */
const list = <T>(x: readonly T[] | undefined | null): readonly T[] =>
  Array.isArray(x) ? x.filter((e): e is T => typeof e === "object" && e !== null) : [];
const texts = (x: unknown): string[] => (Array.isArray(x) ? x.filter((e): e is string => typeof e === "string") : []);
const lastSegment = (id: string) => id.split("/").pop() ?? id;
const isCheck = (c: unknown): c is CheckResult =>
  typeof c === "object" &&
  c !== null &&
  typeof (c as CheckResult).rangeId === "string" &&
  typeof (c as CheckResult).needed === "number" &&
  typeof (c as CheckResult).message === "string";
const errorOf = (code: string | null): HeadroomCheck["error"] =>
  code === "SubnetIsFull" || code === "InsufficientSubnetSize" ? code : undefined;

function subnetText(subnets: ReadonlyMap<string, SubnetReport>, id: string): string {
  const s = subnets.get(id.toLowerCase());
  const prefix = s ? texts(s.prefixes).join(", ") : "";
  return `${s?.name ?? lastSegment(id)}${prefix ? ` (${prefix})` : ""}`;
}

/** Extra nodes a pool's check stands for: its addresses over what one node takes in that range. */
function poolNodes(p: PoolReport, c: CheckResult): number {
  const per = c.range === "pod-subnet" ? p.perNode?.podSubnet : p.perNode?.nodeSubnet;
  return per && per > 0 ? Math.ceil(c.needed / per) : c.needed;
}

/** Extra nodes every pool on a subnet adds at maxCount with its surge. */
function sharedNodes(s: SubnetReport | undefined): number {
  const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : 0);
  return list(s?.pools).reduce((a, p) => a + Math.max(0, num(p.peak) - num(p.nodes)) + num(p.surge), 0);
}

function azureChecks(side: AzureSide, subnets: ReadonlyMap<string, SubnetReport>): HeadroomCheck[] {
  const out: HeadroomCheck[] = [];
  const add = (c: CheckResult, name: string, needsNodes: number) =>
    out.push({
      name: `${name} (Azure: ${subnetText(subnets, c.rangeId)})`,
      needsNodes,
      fits: c.verdict === "ok",
      error: c.verdict === "ok" ? undefined : errorOf(c.aksErrorCode),
      message: c.message,
    });
  // The pod CIDR is judged from the nodes themselves; Azure adds the subnets.
  const judged = (c: unknown): c is CheckResult => isCheck(c) && c.range !== "pod-cidr" && c.verdict !== "unknown";
  for (const p of list(side.cluster?.pools))
    for (const c of list(p.checks).filter(judged))
      add(c, `pool ${p.name}: ${CHECK_WORDS[c.check] ?? c.check}`, poolNodes(p, c));
  for (const c of list(side.cluster?.shared).filter(judged))
    add(c, CHECK_WORDS[c.check] ?? c.check, sharedNodes(subnets.get(c.rangeId.toLowerCase())));
  return out;
}

/**
 * The ranges with Azure's subnets: each subnet of this cluster whose figures Azure gave becomes a range whose
 * used and free addresses are Azure's (everything in the subnet), replacing the range of the same role and
 * prefix a configuration or the NodeNetworkConfigs gave (their per-node cost and pod count are kept). The
 * headroom then judges the node subnet as it judges every other range.
 */
export function withAzureRanges(given: readonly AddressUse[], side: AzureSide | undefined): AddressUse[] {
  const ranges = Array.isArray(given) ? given : []; // a value from JavaScript
  if (!side || typeof side !== "object" || !side.cluster) return [...ranges];
  const id = String(side.cluster.id).toLowerCase();
  const out = [...ranges];
  for (const s of list(side.subnets)) {
    const mine = list(s.pools).filter(
      (p) => String(p.clusterId).toLowerCase() === id && typeof p.perNode === "number" && p.perNode > 0,
    );
    const prefix = tryParsePrefix(texts(s.prefixes)[0] ?? "");
    const { usable, used, free } = s;
    if (
      !mine.length ||
      !prefix.ok ||
      typeof usable !== "number" ||
      typeof used !== "number" ||
      typeof free !== "number"
    )
      continue;
    const role: AddressUse["role"] = mine.some((p) => p.role === "node-subnet") ? "node-subnet" : "pod-subnet";
    const cidr = prefix.value.masked().toString();
    const at = out.findIndex((r) => r.role === role && r.cidr === cidr);
    const range: AddressUse = {
      role,
      cidr,
      source: "azure",
      unit: "addresses",
      total: usable,
      used,
      free,
      podAddresses: at >= 0 ? out[at]!.podAddresses : 0,
      perNode: at >= 0 ? out[at]!.perNode : Math.max(...mine.filter((p) => p.role === role).map((p) => p.perNode)),
    };
    if (at >= 0) out[at] = range;
    else if (role === "node-subnet") out.unshift(range);
    else out.push(range);
  }
  return out;
}

/** The prefixes of the cluster's node subnets as Azure has them. */
export function azureNodeSubnets(side: AzureSide | undefined): string[] {
  if (!side || typeof side !== "object" || !side.cluster) return [];
  return list(side.subnets)
    .filter((s) => texts(s.roles).includes("node-subnet"))
    .flatMap((s) => texts(s.prefixes));
}

const NOT_JUDGED = "its headroom (InsufficientSubnetSize / SubnetIsFull) is not judged";
const NONE_JUDGED = "node subnet headroom (InsufficientSubnetSize / SubnetIsFull on the node subnet) is not judged";

/** `-g RG -n VNET` of the VNet holding a subnet ID, or a placeholder naming what to fill in. */
function vnetArgs(subnetId: string): string {
  const m = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+)/i.exec(subnetId);
  return m ? `-g ${m[1]} -n ${m[2]}` : "-g RG -n VNET";
}

/**
 * What the reader must know about each node subnet of the cluster that Azure gave no figures for (the ranges
 * `withAzureRanges` could not make), and what to add: the `az` reads for saved files, Azure's own reason live.
 * `blind`: no node subnet range was judged at all (the headroom carries the blind-spot note).
 */
function nodeSubnetNotes(side: AzureSide, blind: boolean): string[] {
  const files = side.source?.kind === "files";
  const nodeSubnets = list(side.subnets).filter((s) => texts(s.roles).includes("node-subnet"));
  if (!nodeSubnets.length)
    return !blind
      ? []
      : files
        ? [
            `None of the cluster's node subnets is in the --azure-from files: ${NONE_JUDGED}; add the output of ` +
              "az network vnet show and az network vnet list-usage for the VNet its pools' vnetSubnetID names " +
              "(without one, the managed VNet in the node resource group) to --azure-from.",
          ]
        : [`Azure gave none of the cluster's node subnets: ${NONE_JUDGED}.`];
  const out: string[] = [];
  for (const s of nodeSubnets) {
    // As withAzureRanges reads it: the first prefix.
    const prefix = [texts(s.prefixes)[0] ?? ""].find((p) => tryParsePrefix(p).ok);
    const used = typeof s.used === "number" && typeof s.usable === "number" && typeof s.free === "number";
    if (prefix !== undefined && used) continue;
    const name = `Node subnet ${String(s.name)}${prefix !== undefined ? ` (${prefix})` : ""}`;
    const args = vnetArgs(String(s.id));
    if (!files) out.push(`${name}: Azure gave no figures for it (${String(s.note ?? "not read")}): ${NOT_JUDGED}.`);
    else if (prefix === undefined && used)
      out.push(
        `${name}: the --azure-from files give its use but not its prefix (its VNet is in none of them): the Azure ` +
          `checks judge it, the address use and the more-nodes figure leave it out; add the output of ` +
          `az network vnet show ${args} -o json to --azure-from.`,
      );
    else if (prefix === undefined)
      out.push(
        `${name}: its VNet is in none of the --azure-from files: ${NOT_JUDGED}; add the output of ` +
          `az network vnet show ${args} -o json and az network vnet list-usage ${args} -o json to --azure-from.`,
      );
    else
      out.push(
        `${name}: the --azure-from files give its size but not its use: ${NOT_JUDGED}; add the output of ` +
          `az network vnet list-usage ${args} -o json to --azure-from.`,
      );
  }
  return out;
}

/** The headroom with the Azure side folded in; the headroom itself when there is none. */
export function withAzure(h: Headroom, side: AzureSide | undefined): Headroom {
  if (!side || typeof side !== "object" || !side.cluster) return h;
  const subnets = new Map(list(side.subnets).map((s) => [String(s.id).toLowerCase(), s]));
  // The blind-spot note's advice (pass --azure) is wrong once an Azure side was read: say what it lacked instead.
  const blind = h.notes.some((n) => n.startsWith(NODE_SUBNET_BLIND_SPOT));
  const notes = [
    ...h.notes.filter((n) => !n.startsWith(NODE_SUBNET_BLIND_SPOT)),
    ...nodeSubnetNotes(side, blind),
    ...list(side.cluster.pools)
      .flatMap((p) => list(p.checks).filter((c) => isCheck(c) && c.verdict === "unknown"))
      .map((c) => `Azure: not judged: ${c.message}`),
    ...list(side.missing).map((m) => `Azure: not read: ${m.what}: ${String(m.reason).replace(/\.$/, "")}.`),
  ];
  return { ...h, checks: [...h.checks, ...azureChecks(side, subnets)], notes };
}
