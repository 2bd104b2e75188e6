/**
 * The VNet usage reads: one GET `virtualNetworks/{vnet}/usages` per VNet that
 * holds a subnet the pools use, a bounded number in flight. A subscription that
 * answers 403 is not asked again; its VNets are listed as missing once.
 */
import type { Missing } from "../../engines/scan/index.js";
import type { Network } from "./clients.js";
import type { EstateBuilder } from "./estate.js";
import type { Budget } from "./policies.js";
import { parseResourceId } from "./records.js";
import { errorReason, reasonWithin, statusOf } from "./reasons.js";

export interface UsageOptions {
  readonly concurrency: number;
  readonly budget: Budget;
  readonly missing: Missing[];
  /** Pages per VNet before the read stops following nextLink. */
  readonly maxPages: number;
}

async function readOne(builder: EstateBuilder, client: Network, vnetId: string, o: UsageOptions): Promise<void> {
  const id = parseResourceId(vnetId)!;
  const pages = client.virtualNetworks.listUsage(id.resourceGroup, id.name, { abortSignal: o.budget.signal }).byPage();
  let n = 0;
  for await (const page of pages) {
    for (const u of page) builder.add({ ...u }, "usage");
    if (++n >= o.maxPages) {
      o.missing.push({
        what: `usage of VNet ${id.name} after page ${n}`,
        id: vnetId,
        reason: "the usage list did not end",
      });
      return;
    }
  }
}

export async function readUsages(
  builder: EstateBuilder,
  clientFor: (subscriptionId: string) => Promise<Network>,
  o: UsageOptions,
): Promise<void> {
  const vnets = builder.vnetMap();
  const todo = builder.vnetIdsInUse().flatMap((k) => {
    const v = vnets.get(k);
    return v ? [v] : [];
  });
  // Managed VNets (pools without vnetSubnetID) are read too.
  for (const c of builder.clusterList())
    if (c.nodeResourceGroup && c.pools.some((p) => !p.subnetId))
      for (const v of vnets.values())
        if (v.resourceGroup.toLowerCase() === c.nodeResourceGroup.toLowerCase() && !todo.includes(v)) todo.push(v);
  const refused = new Map<string, { reason: string; vnets: string[] }>();
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const v = todo[next++]!;
      const sub = v.subscriptionId.toLowerCase();
      const no = refused.get(sub);
      if (no) {
        no.vnets.push(v.name);
        continue;
      }
      if (o.budget.signal.aborted) {
        o.missing.push({ what: `usage of VNet ${v.name}`, id: v.id, reason: errorReason(o.budget.signal.reason) });
        continue;
      }
      try {
        await readOne(builder, await clientFor(v.subscriptionId), v.id, o);
      } catch (e) {
        if (statusOf(e) === 403) {
          const had = refused.get(sub);
          if (had) had.vnets.push(v.name);
          else refused.set(sub, { reason: errorReason(e), vnets: [v.name] });
        } else o.missing.push({ what: `usage of VNet ${v.name}`, id: v.id, reason: reasonWithin(e, o.budget.signal) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, todo.length)) }, worker));
  for (const [sub, { reason, vnets: names }] of refused)
    o.missing.push({
      what:
        `usage of ${names.length} VNet(s) in subscription ${sub} ` +
        `(${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""})`,
      id: `/subscriptions/${sub}`,
      reason: `${reason}; their subnets fall back to Resource Graph's IP configuration counts`,
    });
}
