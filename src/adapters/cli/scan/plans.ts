/**
 * Each cluster's ARM record read as a plan, as `aksnet check cluster.json
 * vnet.json` reads it: the importers take the record and its VNet (written in
 * the `az network vnet show` shape from the snapshot), so the scan's findings are
 * exactly check's.
 */
import type { ClusterPlanInput, EstateSnapshot, EstateVnet } from "../../../engines/scan/index.js";
import { formatPath } from "../../../engines/plan/index.js";
import { vnetIdOf } from "../../azure/index.js";
import { loadPlanFiles, PlanLoadError } from "../../importers/index.js";

const lower = (s: string) => s.toLowerCase();

/** The VNet in the `az network vnet show` shape the importers read. */
function vnetJson(v: EstateVnet): unknown {
  return {
    id: v.id,
    name: v.name,
    resourceGroup: v.resourceGroup,
    type: "Microsoft.Network/virtualNetworks",
    addressSpace: { addressPrefixes: v.addressSpace },
    subnets: v.subnets
      .filter((s) => s.prefixes.length > 0)
      .map((s) => ({
        id: s.id,
        name: s.name,
        addressPrefixes: s.prefixes,
        delegations: s.delegations.map((d) => ({ serviceName: d })),
      })),
    virtualNetworkPeerings: v.peerings.map((p) => ({
      name: p.name,
      remoteAddressSpace: { addressPrefixes: p.remoteAddressSpace },
    })),
  };
}

/** The VNet of the cluster's node subnets (all of a cluster's pools share one), or its managed VNet. */
function vnetOfCluster(
  c: EstateSnapshot["clusters"][number],
  vnets: ReadonlyMap<string, EstateVnet>,
): EstateVnet | undefined {
  const id = c.pools.map((p) => p.subnetId && vnetIdOf(p.subnetId)).find((x) => x);
  if (id) return vnets.get(lower(id));
  if (!c.nodeResourceGroup) return undefined;
  const rg = lower(c.nodeResourceGroup);
  return [...vnets.values()].find(
    (v) => lower(v.resourceGroup) === rg && lower(v.subscriptionId) === lower(c.subscriptionId),
  );
}

/** The plans of every cluster of the snapshot, keyed by resource ID in lower case. */
export function clusterPlans(
  snapshot: EstateSnapshot,
  records: ReadonlyMap<string, unknown>,
): Map<string, ClusterPlanInput> {
  const vnets = new Map(snapshot.vnets.map((v) => [lower(v.id), v] as const));
  const out = new Map<string, ClusterPlanInput>();
  for (const c of snapshot.clusters) {
    const key = lower(c.id);
    const record = records.get(key);
    if (!record) {
      out.set(key, { problems: ["its ARM record was not kept"] });
      continue;
    }
    // A VNet known only from usage entries has no address space: the importers cannot read it as the plan's VNet.
    const found = vnetOfCluster(c, vnets);
    const vnet = found && found.addressSpace.length > 0 ? found : undefined;
    const files = [
      { text: JSON.stringify(record), fileName: c.name },
      ...(vnet ? [{ text: JSON.stringify(vnetJson(vnet)), fileName: vnet.name }] : []),
    ];
    try {
      const loaded = loadPlanFiles(files);
      out.set(
        key,
        loaded.plan
          ? { plan: loaded.plan }
          : { problems: loaded.problems.map((p) => `${formatPath(p.path)}: ${p.message}`) },
      );
    } catch (e) {
      if (!(e instanceof PlanLoadError)) throw e;
      out.set(key, { problems: [e.message] });
    }
  }
  return out;
}
