/**
 * Issue 15's budgets, on the compiled library:
 * - allocate: 1,000 clusters × 6 subnets from a /8 holding 100,000 used prefixes, under 1 s;
 * - check: a fleet of 1,000 clusters (100,000 subnets) and 2,000 connected networks, under 2 s and 1 GB,
 *   beside a naive pairwise check of the same ranges in the same run.
 *
 * Allocate (seed 15): pool 10.0.0.0/8; 100,000 used prefixes /26–/28 packed in runs with gaps through its
 * lower 3/4 (an IPAM export); a hub and on-premises outside the pool; 1,000 clusters referencing four
 * Overlay templates, each naming six subnets (nodes, GPU nodes, API server, AGC, private endpoints,
 * internal load balancers) — `allocateFleet` sizes each template's layout once, places every VNet,
 * lays out its subnets, writes its plan and checks it with the check engine (a plan moved from a checked plan of
 * its template, only its place and names changed, takes that plan's findings plus the name rule's:
 * engines/fleet/plan-check.ts).
 *
 * Check (seed 16): 1,000 clusters, each a /20 VNet with 100 subnets (/27), peered with the hub, reusing
 * the Overlay pod and service CIDRs; 1,000 other spoke VNets (/22, 10 subnets each) peered with the hub and
 * 1,000 on-premises networks behind its gateway; 20 spokes renumbered onto clusters' space. `checkFleet` runs
 * the pair search, judges every pair, forecasts the pool and runs each cluster's own check.
 * The naive peer compares every pair of the same ranges (owner and interval tests only, no judgement);
 * it is timed on the first 2,000 ranges against all and scaled by the number of comparisons.
 */
import { cpus, loadavg } from "node:os";
import { allocateFleet, checkFleet, parsePlan } from "../dist/index.js";
import { prng } from "./lib/prng.mjs";
import { formatMs, measure } from "./lib/timing.mjs";

const SCALE = Number(process.env.AKSNET_BENCH_SCALE ?? 1);
const CLUSTERS = Math.max(10, Math.round(1000 * SCALE));
const USED = Math.max(100, Math.round(100_000 * SCALE));
const NETWORKS = Math.max(20, Math.round(2000 * SCALE));
const ALLOCATE_BUDGET = 1000;
const CHECK_BUDGET = 2000;
const n = (x) => x.toLocaleString("en-US");
const ip = (v) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join(".");

function template(k) {
  return parsePlan({
    kind: "ClusterPlan",
    kubernetesVersion: "1.33",
    network: { plugin: "azure", pluginMode: "overlay", dataplane: "cilium" },
    apiServer: { vnetIntegration: true, subnet: "aks-apiserver" },
    addons: { applicationGatewayForContainers: { subnet: "agc" } },
    nodePools: [
      { name: "system", mode: "System", count: 3, subnet: "aks-nodes" },
      { name: "user", mode: "User", minCount: 3, maxCount: 20 + 20 * k, subnet: "aks-nodes" },
      { name: "gpu", mode: "User", minCount: 0, maxCount: 4 + 4 * k, subnet: "aks-gpu" },
    ],
    layout: {
      subnets: [
        { name: "private-endpoints", purpose: "privateEndpoints", addresses: 20 + 10 * k },
        { name: "aks-ilb", purpose: "internalLoadBalancers", addresses: 8 },
      ],
    },
  }).plan;
}

export function allocateInput() {
  const r = prng(15);
  const used = [];
  let at = (10 << 24) >>> 0;
  const end = at + 12 * 2 ** 21; // the lower 3/4 of the /8
  while (used.length < USED && at < end) {
    at += r.int(0, 8) * 1024;
    const run = r.int(5, 40);
    for (let i = 0; i < run && used.length < USED; i++) {
      const bits = r.int(26, 28);
      const size = 2 ** (32 - bits);
      at = Math.ceil(at / size) * size;
      used.push({ cidr: `${ip(at)}/${bits}`, source: "ipam" });
      at += size;
    }
  }
  if (used.length !== USED) throw new Error(`allocate input: ${used.length} used prefixes, not ${USED}`);
  const plans = new Map([0, 1, 2, 3].map((k) => [`templates/t${k}.yaml`, template(k)]));
  const fleet = {
    kind: "FleetPlan",
    hub: { name: "hub", cidrs: ["172.16.0.0/16"], gateway: true },
    networks: [{ name: "on-prem", kind: "onPremises", cidrs: ["192.168.0.0/16"], connectedTo: ["hub"] }],
    defaults: { peerWith: ["hub"] },
    pools: [{ name: "spokes", cidrs: ["10.0.0.0/8"] }],
    clusters: Array.from({ length: CLUSTERS }, (_, i) => ({ name: `aks-${i}`, plan: `templates/t${i % 4}.yaml` })),
  };
  return { fleet, plans, used };
}

export function checkInput() {
  const r = prng(16);
  const clusters = [];
  for (let i = 0; i < CLUSTERS; i++) {
    const base = ((10 << 24) + i * 4096) >>> 0;
    const subnets = Array.from({ length: 100 }, (_, k) => ({ name: `s${k}`, cidr: `${ip(base + k * 32)}/27` }));
    clusters.push({
      name: `aks-${i}`,
      plan: {
        kind: "ClusterPlan",
        kubernetesVersion: "1.33",
        network: {
          plugin: "azure",
          pluginMode: "overlay",
          podCidrs: ["100.64.0.0/16"],
          serviceCidrs: ["100.65.0.0/16"],
          dnsServiceIp: "100.65.0.10",
        },
        vnet: { name: `vnet-${i}`, addressSpace: [`${ip(base)}/20`], subnets },
        nodePools: [{ name: "system", mode: "System", count: 3, subnet: "s0" }],
      },
    });
  }
  const networks = [];
  const spokes = NETWORKS / 2;
  for (let i = 0; i < spokes; i++) {
    const clash = i < 20;
    const base = clash ? ((10 << 24) + r.int(0, CLUSTERS - 1) * 4096) >>> 0 : ((11 << 24) + i * 1024) >>> 0;
    networks.push({
      name: `spoke-${i}`,
      cidrs: [`${ip(base)}/22`],
      subnets: Array.from({ length: 10 }, (_, k) => ({ name: `s${k}`, cidr: `${ip(base + k * 64)}/26` })),
    });
  }
  for (let i = 0; i < NETWORKS - spokes; i++)
    networks.push({
      name: `site-${i}`,
      kind: "onPremises",
      cidrs: [`${ip(((172 << 24) + (20 << 16) + i * 256) >>> 0)}/24`],
      connectedTo: ["hub"],
    });
  const fleet = {
    kind: "FleetPlan",
    hub: { name: "hub", cidrs: ["10.255.0.0/16"], gateway: true },
    networks,
    peerings: Array.from({ length: spokes }, (_, i) => ({
      between: [`spoke-${i}`, "hub"],
      useRemoteGateways: `spoke-${i}`,
    })),
    defaults: { peerWith: ["hub"] },
    pools: [{ name: "spokes", cidrs: ["10.0.0.0/8"], exclude: ["10.255.0.0/16"] }],
    clusters,
  };
  return fleet;
}

/** The naive peer: every pair of ranges, by owner and interval; timed on a slice and scaled. */
function naivePairs(lo, hi, owner, rows) {
  let hits = 0;
  const m = lo.length;
  for (let i = 0; i < rows; i++)
    for (let j = i + 1; j < m; j++) if (owner[i] !== owner[j] && lo[i] < hi[j] && lo[j] < hi[i]) hits++;
  return hits;
}

function rangesOf(fleet) {
  const lo = [];
  const hi = [];
  const owner = [];
  const push = (c, o) => {
    const [a, b] = c.split("/");
    const v = a.split(".").reduce((x, y) => x * 256 + Number(y), 0);
    lo.push(v);
    hi.push(v + 2 ** (32 - Number(b)));
    owner.push(o);
  };
  fleet.hub.cidrs.forEach((c) => push(c, -1));
  fleet.networks.forEach((net, i) => {
    net.cidrs.forEach((c) => push(c, i));
    (net.subnets ?? []).forEach((s) => push(s.cidr, i));
  });
  fleet.clusters.forEach((c, i) => {
    c.plan.vnet.addressSpace.forEach((x) => push(x, 10_000 + i));
    c.plan.vnet.subnets.forEach((s) => push(s.cidr, 10_000 + i));
    c.plan.network.podCidrs.forEach((x) => push(x, 10_000 + i));
    c.plan.network.serviceCidrs.forEach((x) => push(x, 10_000 + i));
  });
  return { lo: Float64Array.from(lo), hi: Float64Array.from(hi), owner: Int32Array.from(owner) };
}

export async function run() {
  const load = loadavg()[0].toFixed(1);
  const scaleNote = SCALE === 1 ? "" : ` (AKSNET_BENCH_SCALE=${SCALE}: a smoke run, not the budget's input)`;
  // Allocate.
  const a = allocateInput();
  const alloc = await measure(() => allocateFleet(a.fleet, { plans: a.plans, used: a.used }), {
    runs: 5,
    warmups: 2,
    check: (r) => r.ok && r.clusters.every((c) => c.status === "allocated" && c.subnets.length === 6),
  });
  if (!alloc.output.ok) throw new Error(`allocate failed: ${JSON.stringify(alloc.output.problems.slice(0, 3))}`);
  console.log(`allocate ${n(CLUSTERS)} clusters: ${formatMs(alloc.cpuMs)} CPU, ${formatMs(alloc.ms)} wall`);

  // Check.
  const fleet = checkInput();
  const before = process.memoryUsage().rss;
  const check = await measure(() => checkFleet(fleet), { runs: 3, warmups: 1 });
  const rss = process.memoryUsage().rss;
  const out = check.output;
  console.log(
    `check: ${formatMs(check.cpuMs)} CPU, ${formatMs(check.ms)} wall, ${n(out.counts.ranges)} ranges, ` +
      `${n(out.counts.overlappingPairs)} pairs, ${out.findings.length} findings`,
  );
  const lean = await measure(() => checkFleet(fleet, { clusterChecks: false }), { runs: 3, warmups: 1 });
  console.log(`check without per-cluster checks: ${formatMs(lean.cpuMs)} CPU`);

  const { lo, hi, owner } = rangesOf(fleet);
  const rows = Math.min(2000, lo.length);
  const naive = await measure(() => naivePairs(lo, hi, owner, rows), { runs: 3, warmups: 1 });
  const m = lo.length;
  const all = (m * (m - 1)) / 2;
  const sliceComparisons = rows * m - (rows * (rows + 1)) / 2;
  const naiveMs = (naive.cpuMs * all) / sliceComparisons;
  console.log(
    `naive pairwise: ${formatMs(naive.cpuMs)} for ${n(sliceComparisons)} comparisons → ${formatMs(naiveMs)} for ` +
      `${n(all)}`,
  );

  return report({ scaleNote, load, a, alloc, check, lean, out, rss, before, m, rows, naiveMs });
}

/** The markdown section from the measured figures. */
function report({ scaleNote, load, a, alloc, check, lean, out, rss, before, m, rows, naiveMs }) {
  const verdict = (ms, budget) => (ms <= budget ? "within" : `OVER ${n(budget)} ms`);
  return [
    "## fleet: allocate 1,000 clusters, check 1,000 clusters + 2,000 networks",
    "",
    `Inputs${scaleNote}: allocate — ${n(CLUSTERS)} clusters × 6 subnets from 10.0.0.0/8 holding ${n(a.used.length)} ` +
      `used prefixes; check — ${n(CLUSTERS)} clusters (${n(CLUSTERS * 100)} subnets), ${n(NETWORKS)} connected ` +
      `networks, ${n(out.counts.ranges)} ranges, ` +
      `${n(out.counts.overlappingPairs)} overlapping pairs (most of them a subnet in its own VNet), ` +
      `${out.findings.length} fleet findings.`,
    "",
    "| measured | CPU | wall | budget | verdict |",
    "|---|---|---|---|---|",
    `| \`allocateFleet\`: size 4 templates, place ${n(CLUSTERS)} VNets, lay out and write ${n(CLUSTERS)} plans, ` +
      `check each (moved copies of a checked plan: the name rule) | ${formatMs(alloc.cpuMs)} | ` +
      `${formatMs(alloc.ms)} | ${n(ALLOCATE_BUDGET)} ms | ${verdict(alloc.cpuMs, ALLOCATE_BUDGET)} |`,
    `| \`checkFleet\`: model, pair search, judgement, forecast, ${n(CLUSTERS)} clusters' own checks | ` +
      `${formatMs(check.cpuMs)} | ${formatMs(check.ms)} | ${n(CHECK_BUDGET)} ms | ` +
      `${verdict(check.cpuMs, CHECK_BUDGET)} |`,
    `| \`checkFleet\` without the clusters' own checks | ${formatMs(lean.cpuMs)} | ${formatMs(lean.ms)} | | |`,
    `| naive pairwise test of the same ${n(m)} ranges (owner and interval only; ${n(rows)} rows timed, scaled) | ` +
      `${formatMs(naiveMs)} | | | ${(naiveMs / check.cpuMs).toFixed(0)}× the full check |`,
    "",
    `Resident memory after the check: ${n(Math.round(rss / 2 ** 20))} MB (before it: ` +
      `${n(Math.round(before / 2 ** 20))} MB; budget 1 GB).`,
    "",
    `Load average (1 min) when this benchmark started: ${load} on ${n(cpus().length)} cores. The verdicts compare ` +
      "CPU time (user + system of the process): on a shared machine the wall time mostly measures the neighbours; " +
      "on an idle one the two are close (the engines are single-threaded).",
    "",
  ].join("\n");
}
