/**
 * Collects rows of any kind (clusters, VNets, subnet rows, usage entries) from
 * Resource Graph pages, REST answers or saved files, and builds the estate
 * snapshot: subnets merged into their VNets, usage figures onto their subnets,
 * each cluster's ARM record kept for the importers.
 */
import type { EstateSnapshot, EstateSubnet, EstateVnet, Missing, SubnetUsage } from "../../engines/scan/index.js";
import {
  clusterOf,
  kindOf,
  parseResourceId,
  subnetRowOf,
  usageOf,
  vnetIdOf,
  vnetOf,
  type Obj,
  type RowKind,
} from "./records.js";

/** The most subnet rows Resource Graph's mv-expand returns per VNet (its documented RowLimit maximum). */
export const MV_EXPAND_LIMIT = 400;

export interface BuiltEstate {
  readonly snapshot: EstateSnapshot;
  /** Each cluster's record as read, by resource ID in lower case (for the importers). */
  readonly records: ReadonlyMap<string, Obj>;
}

const lower = (s: string) => s.toLowerCase();

export class EstateBuilder {
  private readonly clusters = new Map<string, { cluster: NonNullable<ReturnType<typeof clusterOf>>; record: Obj }>();
  private readonly vnets = new Map<string, EstateVnet>();
  private readonly subnets = new Map<string, Map<string, EstateSubnet>>();
  private readonly usages = new Map<string, { id: string; usage: SubnetUsage }>();
  readonly missing: Missing[] = [];
  /** Rows read of each kind, and rows no reader took. */
  readonly counts = { cluster: 0, vnet: 0, "subnet-row": 0, usage: 0, duplicate: 0 };

  /** Adds one row; returns its kind, or undefined when the row is none the scan reads (the caller decides). */
  add(row: unknown, kind: RowKind | undefined = kindOf(row)): RowKind | undefined {
    if (kind === "cluster") {
      const c = clusterOf(row);
      if (!c) return undefined;
      if (this.clusters.has(lower(c.id))) this.counts.duplicate++;
      else this.clusters.set(lower(c.id), { cluster: c, record: row as Obj });
    } else if (kind === "vnet") {
      const v = vnetOf(row);
      if (!v) return undefined;
      const had = this.vnets.get(lower(v.id));
      // A full record (with subnets) wins over a projected row; a second full record is a duplicate.
      if (had && had.subnets.length >= v.subnets.length) this.counts.duplicate++;
      else this.vnets.set(lower(v.id), v);
    } else if (kind === "subnet-row") {
      const r = subnetRowOf(row);
      if (!r) return undefined;
      const m = this.subnets.get(lower(r.vnetId)) ?? new Map<string, EstateSubnet>();
      m.set(lower(r.subnet.id), r.subnet);
      this.subnets.set(lower(r.vnetId), m);
    } else if (kind === "usage") {
      const u = usageOf(row);
      if (!u) return undefined;
      this.usages.set(lower(u.subnetId), { id: u.subnetId, usage: u.usage });
    } else return undefined;
    this.counts[kind]++;
    return kind;
  }

  /** Subnet IDs the clusters' pools name, as Azure writes them. */
  subnetIds(): string[] {
    const out = new Map<string, string>();
    for (const { cluster } of this.clusters.values())
      for (const p of cluster.pools) for (const id of [p.subnetId, p.podSubnetId]) if (id) out.set(lower(id), id);
    return [...out.values()];
  }

  /** The clusters read so far. */
  clusterList() {
    return [...this.clusters.values()].map((x) => x.cluster);
  }

  /** VNet IDs (lower case) that hold a subnet the pools name. */
  vnetIdsInUse(): string[] {
    return [
      ...new Set(
        this.subnetIds()
          .flatMap((id) => vnetIdOf(id) ?? [])
          .map(lower),
      ),
    ];
  }

  /** The VNets read so far, by lower-case ID. */
  vnetMap(): ReadonlyMap<string, EstateVnet> {
    return this.vnets;
  }

  private mergedVnet(key: string, v: EstateVnet | undefined, rows: Map<string, EstateSubnet> | undefined): EstateVnet {
    const id = v?.id ?? [...(rows?.values() ?? [])][0]?.id.replace(/\/subnets\/[^/]+$/i, "") ?? key;
    const parsed = parseResourceId(id);
    const base: EstateVnet = v ?? {
      id,
      name: parsed?.name ?? id,
      subscriptionId: parsed?.subscriptionId ?? "",
      resourceGroup: parsed?.resourceGroup ?? "",
      addressSpace: [],
      peerings: [],
      subnets: [],
    };
    const subnets = new Map(base.subnets.map((s) => [lower(s.id), s] as const));
    for (const [k, s] of rows ?? []) if (!subnets.has(k)) subnets.set(k, s);
    const withUsage = [...subnets.entries()].map(([k, s]) => {
      const usage = this.usages.get(k)?.usage;
      return usage ? { ...s, usage } : s;
    });
    if (base.subnetCount !== undefined && withUsage.length < base.subnetCount)
      this.missing.push({
        what: `${base.subnetCount - withUsage.length} of the ${base.subnetCount} subnets of VNet ${base.name}`,
        id: base.id,
        reason:
          `Resource Graph's mv-expand returns at most ${MV_EXPAND_LIMIT} rows per VNet; ` +
          "read them with az network vnet subnet list and --from",
      });
    return { ...base, subnets: withUsage };
  }

  /** Usage entries whose subnet no VNet record carries: the subnet is known by its ID and figures only. */
  private orphanUsages(): void {
    const known = new Set<string>();
    for (const v of this.vnets.values()) for (const s of v.subnets) known.add(lower(s.id));
    for (const m of this.subnets.values()) for (const k of m.keys()) known.add(k);
    for (const [k, { id }] of this.usages) {
      if (known.has(k)) continue;
      const vnet = vnetIdOf(k);
      if (!vnet) continue;
      const m = this.subnets.get(vnet) ?? new Map<string, EstateSubnet>();
      m.set(k, { id, name: id.split("/").pop() ?? id, prefixes: [], delegations: [] });
      this.subnets.set(vnet, m);
    }
  }

  build(): BuiltEstate {
    this.orphanUsages();
    const keys = new Set([...this.vnets.keys(), ...this.subnets.keys()]);
    const vnets = [...keys].map((k) => this.mergedVnet(k, this.vnets.get(k), this.subnets.get(k)));
    return {
      snapshot: { clusters: this.clusterList(), vnets, missing: [...this.missing] },
      records: new Map([...this.clusters].map(([k, v]) => [k, v.record] as const)),
    };
  }
}
