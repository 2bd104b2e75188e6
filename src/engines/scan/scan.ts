/**
 * `scanEstate`: the snapshot and each cluster's plan → the scan report
 * (docs/scan.md). Pure; malformed snapshot entries become `problems`, never a throw.
 */
import type { Verdict } from "./checks.js";
import type { Demand } from "./demands.js";
import { poolChecks, sharedCheck, sharedMatters, worst, type CheckResult, type RangeState } from "./evaluate.js";
import { subnetFigures } from "./subnet-figures.js";
import type {
  ClusterApiServerReport,
  ClusterNetworkReport,
  ClusterReport,
  PodCidrReport,
  PoolReport,
  ScanInput,
  ScanReport,
  SubnetReport,
  VnetReport,
} from "./report.js";
import { checkSnapshot, type EstateCluster, type EstateVnet } from "./snapshot.js";
import { indexOf, prepare, rangeStates, type ClusterWork, type Context } from "./work.js";

const lower = (s: string) => s.toLowerCase();

/** What the record states of the service CIDRs, DNS service IP and policy: an assumed default is null. */
function networkReport(w: ClusterWork): ClusterNetworkReport | null {
  const plan = w.plan;
  if (!plan) return null;
  const assumed = new Set(plan.assumptions.map((a) => a.path));
  const stated = <T>(path: string, value: T): T | null => (assumed.has(`network.${path}`) ? null : value);
  return {
    serviceCidrs: stated(
      "serviceCidrs",
      plan.serviceCidrs.map((c) => c.text),
    ),
    dnsServiceIp: stated("dnsServiceIp", plan.dnsServiceIp.text),
    policy: stated("policy", plan.policy),
  };
}

/** The record's API server access profile, its subnet's prefixes from the VNet as read. */
function apiServerReport(c: EstateCluster, ctx: Context): ClusterApiServerReport | null {
  const a = c.apiServer;
  if (!a) return null;
  const subnetId = a.subnetId ?? null;
  return {
    vnetIntegration: a.vnetIntegration,
    subnetId,
    subnet: subnetId ? (subnetId.split("/").pop() ?? null) : null,
    prefixes: subnetId ? [...(ctx.subnets.get(lower(subnetId))?.subnet.prefixes ?? [])] : [],
    private: a.private,
    authorizedIpRanges: [...a.authorizedIpRanges],
  };
}

function poolReport(w: ClusterWork, i: number, checks: readonly CheckResult[]): PoolReport {
  const p = w.placed[i]!;
  const r = p.resolved;
  const per = w.demands.filter((d) => d.pool === r.name);
  return {
    name: r.name,
    mode: r.mode,
    gatewayPrefixSize: (r.mode === "Gateway" ? w.plan?.plan.nodePools[r.index]?.gatewayPrefixSize : undefined) ?? null,
    model: p.model,
    autoscale: r.autoscale,
    count: r.count,
    minCount: r.minCount ?? null,
    maxCount: r.maxCount ?? null,
    peak: r.peakCount,
    maxPods: r.maxPods,
    maxSurge: r.maxSurge.text,
    surgeNodes: r.maxSurge.nodes,
    perNode: {
      nodeSubnet: per.find((d) => d.role === "node-subnet")?.perNode ?? 0,
      podSubnet: per.find((d) => d.role === "pod-subnet")?.perNode ?? 0,
    },
    nodeSubnetId: p.nodeSubnetId ?? null,
    podSubnetId: p.podSubnetId ?? null,
    powerState: p.estate?.powerState ?? null,
    checks,
    verdict: checks.length ? worst(checks.map((c) => c.verdict)) : "unknown",
    notes: [
      ...p.notes,
      ...(checks.length ? [] : ["none of the pool's subnets was found, so nothing could be checked"]),
    ],
  };
}

function podCidrReport(w: ClusterWork, states: ReadonlyMap<string, RangeState>, shared: CheckResult | undefined) {
  const d = w.demands.find((x) => x.role === "pod-cidr");
  const s = d && states.get(d.key);
  if (!d || !s || s.usable === null || s.used === null || s.free === null) return null;
  const r: PodCidrReport = {
    cidr: s.id,
    blocks: s.usable,
    used: s.used,
    free: s.free,
    neededAtMax: shared?.needed ?? 0,
    verdict: shared?.verdict ?? "ok",
  };
  return r;
}

function clusterNotes(w: ClusterWork): string[] {
  const c = w.cluster;
  const notes: string[] = [];
  if (c.powerState && lower(c.powerState) !== "running")
    notes.push(`the cluster is ${c.powerState}: the figures assume it starts again with its pools' node counts`);
  if (c.provisioningState && lower(c.provisioningState) !== "succeeded")
    notes.push(`provisioning state ${c.provisioningState}: counts may change when the operation ends`);
  return notes;
}

function clusterReport(
  ctx: Context,
  w: ClusterWork,
  states: ReadonlyMap<string, RangeState>,
  sharedByKey: ReadonlyMap<string, CheckResult>,
  demandsByKey: ReadonlyMap<string, readonly Demand[]>,
): ClusterReport {
  const c = w.cluster;
  const pools = w.placed.map((p, i) =>
    poolReport(
      w,
      i,
      w.demands.filter((d) => d.pool === p.resolved.name).flatMap((d) => poolChecks(d, states.get(d.key)!)),
    ),
  );
  const keys = [...new Set(w.demands.map((d) => d.key))];
  const shared = keys.filter((k) => sharedMatters(demandsByKey.get(k) ?? [])).map((k) => sharedByKey.get(k)!);
  const errors = w.findings.filter((f) => f.severity === "error");
  const reasons = [
    ...w.problems.map((p) => `could not assess: ${p}`),
    ...pools.flatMap((p) => p.checks.filter((x) => x.verdict !== "ok").map((x) => x.message)),
    ...pools.filter((p) => p.checks.length === 0).map((p) => `pool ${p.name}: none of its subnets was found`),
    ...shared.filter((x) => x.verdict !== "ok").map((x) => x.message),
    ...errors.map((f) => `${f.ruleId}${f.aksErrorCode ? ` (${f.aksErrorCode})` : ""}: ${f.message}`),
  ];
  const verdicts: Verdict[] = [
    ...pools.map((p) => p.verdict),
    ...shared.map((x) => x.verdict),
    ...(errors.length ? (["fails"] as const) : []),
    ...(w.plan && pools.length ? [] : (["unknown"] as const)),
  ];
  const cidrKey = w.demands.find((d) => d.role === "pod-cidr")?.key;
  return {
    id: c.id,
    name: c.name,
    subscriptionId: c.subscriptionId,
    resourceGroup: c.resourceGroup,
    location: c.location ?? null,
    kubernetesVersion: w.plan?.kubernetesVersion?.text ?? null,
    model: w.plan?.model ?? null,
    dataplane: w.plan?.dataplane ?? null,
    network: networkReport(w),
    apiServer: apiServerReport(c, ctx),
    verdict: worst(verdicts),
    reasons,
    pools,
    podCidr: w.plan ? podCidrReport(w, states, cidrKey ? sharedByKey.get(cidrKey) : undefined) : null,
    shared,
    findings: w.findings,
    assumptions: w.plan?.assumptions ?? [],
    notes: clusterNotes(w),
  };
}

function subnetReports(
  ctx: Context,
  states: ReadonlyMap<string, RangeState>,
  sharedByKey: ReadonlyMap<string, CheckResult>,
  demandsByKey: ReadonlyMap<string, readonly Demand[]>,
): SubnetReport[] {
  const out: SubnetReport[] = [];
  for (const [key, demands] of demandsByKey) {
    if (demands[0]!.role === "pod-cidr") continue;
    const s = states.get(key)!;
    const hit = ctx.subnets.get(key);
    const f = hit ? subnetFigures(hit.subnet) : undefined;
    const check = sharedByKey.get(key)!;
    out.push({
      id: s.id,
      name: s.name,
      vnetId: hit?.vnet.id ?? null,
      roles: [...new Set(demands.map((d) => d.role))],
      prefixes: f?.prefixes ?? [],
      size: f?.size ?? null,
      usable: s.usable,
      used: s.used,
      usedSource: f?.usedSource ?? null,
      free: s.free,
      note: f?.note ?? s.unknownWhy ?? null,
      pools: demands.map((d) => ({
        clusterId: d.clusterId,
        cluster: d.clusterName,
        pool: d.pool,
        role: d.role,
        perNode: d.perNode,
        nodes: d.nodes,
        peak: d.peak,
        surge: d.surge,
      })),
      neededAtMax: check.verdict === "unknown" && s.free === null ? null : check.needed,
      verdict: check.verdict,
      check,
    });
  }
  const keyed = out.map((r) => [lower(r.id), r] as const);
  return keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, r]) => r);
}

/** Scans an estate: every cluster's and pool's headroom, in the words of the AKS errors. */
export function scanEstate(input: ScanInput): ScanReport {
  const { snapshot, problems } = checkSnapshot(input?.snapshot);
  const ctx = indexOf(snapshot);
  const work = snapshot.clusters.map((c) => prepare(c, input?.plans?.get(lower(c.id)), ctx));
  const states = rangeStates(work, ctx);
  const demandsByKey = new Map<string, Demand[]>();
  for (const w of work)
    for (const d of w.demands) {
      const list = demandsByKey.get(d.key);
      if (list) list.push(d);
      else demandsByKey.set(d.key, [d]);
    }
  const sharedByKey = new Map([...demandsByKey].map(([k, ds]) => [k, sharedCheck(states.get(k)!, ds)] as const));
  const clusters = work.map((w) => clusterReport(ctx, w, states, sharedByKey, demandsByKey));
  const count = (v: Verdict) => clusters.filter((c) => c.verdict === v).length;
  const subnets = subnetReports(ctx, states, sharedByKey, demandsByKey);
  return {
    summary: {
      clusters: clusters.length,
      fails: count("fails"),
      atRisk: count("at-risk"),
      ok: count("ok"),
      unknown: count("unknown"),
      subnets: subnets.length,
      complete: snapshot.missing.length === 0 && problems.length === 0 && count("unknown") === 0,
    },
    clusters,
    subnets,
    vnets: vnetReports(snapshot.vnets),
    missing: snapshot.missing,
    problems,
  };
}

/** Every VNet read, by ID: its address space and peerings (the space it takes, for a fleet's used space). */
function vnetReports(vnets: readonly EstateVnet[]): VnetReport[] {
  return [...vnets]
    .sort((a, b) => (lower(a.id) < lower(b.id) ? -1 : lower(a.id) > lower(b.id) ? 1 : 0))
    .map((v) => ({
      id: v.id,
      name: v.name,
      subscriptionId: v.subscriptionId,
      resourceGroup: v.resourceGroup,
      location: v.location ?? null,
      addressSpace: [...v.addressSpace],
      peerings: v.peerings.map((p) => ({ name: p.name, remoteAddressSpace: [...p.remoteAddressSpace] })),
      subnets: v.subnets.map((s) => ({ id: s.id, name: s.name, prefixes: [...s.prefixes] })),
      subnetCount: v.subnetCount ?? null,
    }));
}
