/**
 * The Azure side of one cluster, for `inspect --azure`: the cluster's pools'
 * subnets with the real free addresses Azure reports, and the scan's checks on
 * them (next upgrade, autoscaler scale-out, both at maxCount), read and judged
 * exactly as `aksnet scan --subscription S --resource-group G --cluster N` does.
 * Needs Node.js 22 (the Azure SDK): older ones get a `UsageError` sentence.
 */
import type { ClusterReport, EstateMissing, SubnetReport } from "../../../engines/index.js";
import type { Io } from "../io.js";
import { judge, readLive } from "./read.js";

export interface ClusterRef {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
}

export interface AzureSide {
  /** The cluster's scan report; undefined when Azure has no such cluster (or it could not be read: see `missing`). */
  readonly cluster: ClusterReport | undefined;
  /** The subnets its pools use, with Azure's figures. */
  readonly subnets: readonly SubnetReport[];
  readonly missing: readonly EstateMissing[];
}

/** `/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.ContainerService/managedClusters/{n}` → its parts. */
export function clusterRefOf(resourceId: string): ClusterRef | undefined {
  const m =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ContainerService\/managedClusters\/([^/]+)$/i.exec(
      resourceId.trim(),
    );
  return m ? { subscriptionId: m[1]!, resourceGroup: m[2]!, name: m[3]! } : undefined;
}

export async function azureSideOf(
  ref: ClusterRef,
  io: Io,
  options: { readonly endpoint?: string; readonly timeoutSeconds?: number } = {},
): Promise<AzureSide> {
  const filter = { resourceGroups: [ref.resourceGroup], clusters: [ref.name] };
  const read = await readLive(
    {
      subscriptions: [ref.subscriptionId],
      ...filter,
      endpoint: options.endpoint ?? "https://management.azure.com",
      timeoutSeconds: options.timeoutSeconds ?? 120,
      concurrency: 4,
    },
    io,
  );
  const out = await judge(read, filter);
  const cluster = out.clusters.find((c) => c.name.toLowerCase() === ref.name.toLowerCase());
  const used = new Set(
    (cluster?.pools ?? []).flatMap((p) => [p.nodeSubnetId, p.podSubnetId]).flatMap((x) => (x ? [x.toLowerCase()] : [])),
  );
  return { cluster, subnets: out.subnets.filter((s) => used.has(s.id.toLowerCase())), missing: out.missing };
}
