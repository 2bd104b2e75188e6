/**
 * The Azure side of one cluster, for `inspect --azure` / `--azure-from`: the
 * cluster's pools' subnets with the real free addresses Azure reports, and the
 * scan's checks on them (next upgrade, autoscaler scale-out, both at maxCount),
 * read and judged exactly as `aksnet scan --cluster N --resource-group G` does,
 * live (Node.js 22+, the Azure SDK) or from saved az JSON. The cluster is the
 * one the resource ID names, or the one whose node resource group the nodes'
 * `kubernetes.azure.com/cluster` label names. Anything that leaves no single
 * cluster is a `UsageError` sentence.
 */
import {
  apiServerOf,
  clusterVnets,
  recordSubnetRoles,
  vnetSubnetsOf,
  type AzureSide,
  type ClusterSnapshot,
} from "../../../engines/index.js";
import { UsageError } from "../errors.js";
import type { Io } from "../io.js";
import { judge, readFromFiles, readLive, type Read } from "./read.js";

export interface ClusterRef {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
}

/** Which cluster: by resource ID, or by the node resource group its nodes name. */
export type AzureTarget = { readonly ref: ClusterRef; readonly id: string } | { readonly nodeResourceGroups: string[] };

const CLUSTER_ID = new RegExp(
  "^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.ContainerService/managedClusters/([^/]+)$",
  "i",
);

/** `/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.ContainerService/managedClusters/{n}` → its parts. */
export function clusterRefOf(resourceId: string): ClusterRef | undefined {
  const m = CLUSTER_ID.exec(resourceId.trim());
  return m ? { subscriptionId: m[1]!, resourceGroup: m[2]!, name: m[3]! } : undefined;
}

/** The label AKS puts on every node: the cluster's node resource group (MC_…). */
export const NODE_RESOURCE_GROUP_LABEL = "kubernetes.azure.com/cluster";

/** The target `--azure ID` names; a `UsageError` when it is no cluster's resource ID. */
export function targetById(id: string): AzureTarget {
  const ref = clusterRefOf(id);
  if (!ref)
    throw new UsageError(
      `--azure "${id}" is not an AKS cluster's resource ID; give ` +
        "/subscriptions/…/resourceGroups/…/providers/Microsoft.ContainerService/managedClusters/NAME " +
        "(az aks show -g RG -n NAME --query id -o tsv).",
    );
  return { ref, id: id.trim() };
}

/** The target from `--azure [ID]` and the nodes read; a `UsageError` when neither names a cluster. */
export function azureTarget(id: string | undefined, snapshot: ClusterSnapshot): AzureTarget {
  if (id !== undefined) return targetById(id);
  const groups = [
    ...new Set(
      snapshot.nodes.flatMap((n) => {
        const g = n.labels[NODE_RESOURCE_GROUP_LABEL];
        return g ? [g] : [];
      }),
    ),
  ];
  if (groups.length === 0)
    throw new UsageError(
      `no node carries the ${NODE_RESOURCE_GROUP_LABEL} label that names the cluster's node resource group, ` +
        "so the cluster cannot be found in Azure; " +
        "give its resource ID: --azure $(az aks show -g RG -n NAME --query id -o tsv).",
    );
  return { nodeResourceGroups: groups };
}

const idOf = (t: AzureTarget) => ("ref" in t ? t.id : undefined);

/** The single cluster the read holds for the target, or a `UsageError` saying why there is none. */
function pick(read: Read, t: AzureTarget, where: string): string {
  const clusters = read.built.snapshot.clusters.filter((c) =>
    "ref" in t
      ? c.id.toLowerCase() === t.id.toLowerCase()
      : t.nodeResourceGroups.some((g) => g.toLowerCase() === c.nodeResourceGroup?.toLowerCase()),
  );
  const what =
    "ref" in t ? `cluster ${t.id}` : `cluster with the node resource group ${t.nodeResourceGroups.join(" or ")}`;
  if (clusters.length === 1) return clusters[0]!.id;
  if (clusters.length > 1)
    throw new UsageError(
      `${where} holds ${clusters.length} AKS clusters for the ${what.replace(/^cluster /, "")} ` +
        `(${clusters.map((c) => c.id).join(", ")}); choose one with --azure ID.`,
    );
  const why = read.built.snapshot.missing.map((m) => `${m.what}: ${m.reason}`).join("; ");
  throw new UsageError(
    `${where} holds no ${what}${why ? ` (not read: ${why})` : ""}; ` +
      ("ref" in t
        ? "check the ID (az aks show -g RG -n NAME --query id -o tsv)."
        : "give the cluster's resource ID with --azure ID."),
  );
}

/** The Azure side and the cluster's ARM record as read (the configuration `inspect` compares with the cluster). */
export interface AzureRead {
  readonly side: AzureSide;
  readonly record: unknown;
}

async function sideOf(read: Read, t: AzureTarget, where: string, source: AzureSide["source"]): Promise<AzureRead> {
  const id = pick(read, t, where);
  const c = read.built.snapshot.clusters.find((x) => x.id === id)!;
  const out = await judge(read, { resourceGroups: [c.resourceGroup], clusters: [c.name] });
  const cluster = out.clusters.find((x) => x.id === id)!;
  const used = new Set(
    cluster.pools.flatMap((p) => [p.nodeSubnetId, p.podSubnetId]).flatMap((x) => (x ? [x.toLowerCase()] : [])),
  );
  const record = read.built.records.get(id.toLowerCase());
  const apiServer = apiServerOf(record, out.vnets);
  const side: AzureSide = {
    source,
    matchedBy: idOf(t) ? "resource-id" : "node-resource-group",
    cluster,
    subnets: out.subnets.filter((s) => used.has(s.id.toLowerCase())),
    missing: out.missing,
    apiServer,
    vnetSubnets: vnetSubnetsOf(read.built.snapshot.vnets, [...used], recordSubnetRoles(record)),
    vnets: clusterVnets(out.vnets, [...used, ...(apiServer?.subnetId ? [apiServer.subnetId] : [])]),
  };
  return { side, record };
}

/** The Azure side read live: Resource Graph (one cluster, its VNets) and the VNet usage API. */
export async function azureSideOf(
  t: AzureTarget,
  io: Io,
  options: { readonly endpoint?: string; readonly timeoutSeconds?: number } = {},
): Promise<AzureRead> {
  const read = await readLive(
    {
      subscriptions: "ref" in t ? [t.ref.subscriptionId] : [],
      resourceGroups: "ref" in t ? [t.ref.resourceGroup] : [],
      clusters: "ref" in t ? [t.ref.name] : [],
      nodeResourceGroups: "ref" in t ? [] : t.nodeResourceGroups,
      endpoint: options.endpoint ?? "https://management.azure.com",
      timeoutSeconds: options.timeoutSeconds ?? 120,
      concurrency: 4,
      offline: "read saved az JSON with --azure-from (docs/inspect.md)",
    },
    io,
  );
  const endpoint = read.source.kind === "azure" ? read.source.endpoint : "";
  const where =
    "ref" in t ? `Azure (subscription ${t.ref.subscriptionId})` : "Azure (every subscription the credential can read)";
  return sideOf(read, t, where, { kind: "azure", endpoint });
}

/** The Azure side from saved az JSON (`az aks show/list`, `az network vnet show/list`, `… list-usage`). */
export async function azureSideFromFiles(t: AzureTarget, files: readonly string[], io: Io): Promise<AzureRead> {
  const read = await readFromFiles(files, io, "--azure-from");
  return sideOf(read, t, `--azure-from ${files.join(" ")}`, { kind: "files", files: [...files] });
}
