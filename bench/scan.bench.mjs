/**
 * `aksnet scan` live on a synthetic estate of 1,000 clusters (3,000 pools), 2,000
 * VNets and 20,000 subnets in 20 subscriptions, served by the test ARM server
 * (HTTPS on 127.0.0.1, its own process; the shapes of the recorded fixtures, see
 * src/adapters/azure/fixtures/SOURCES.md). The scan is the bundled CLI
 * (dist/cli/aksnet.js) under Node.js 22 (scripts/fetch-node.mjs), with the Azure
 * SDK, `-o json`. Issue 14: under 10 s and 500 MB, with the number of requests
 * reported — it must grow with Resource Graph pages and VNets, not with pools or
 * nodes: the same estate with 9 pools per cluster is scanned too. Beside it, the
 * time of a naive per-subscription listing through the same server (list the
 * subscriptions; in each, list the managed clusters and the VNets page by page;
 * then one usage read per VNet in use), plain node:https under the same Node.js.
 * Wall time, CPU time (user + system) and peak RSS of the measured process from
 * /usr/bin/time; medians of RUNS runs. `AKSNET_BENCH_SCALE=0.05` for a smoke run.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { formatMs, median } from "./lib/timing.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SCALE = Number(process.env.AKSNET_BENCH_SCALE ?? "1") || 1;
const SHAPE = {
  clusters: Math.round(1000 * SCALE),
  poolsPerCluster: 3,
  vnets: Math.round(2000 * SCALE),
  subnetsPerVnet: 10,
  subscriptions: Math.max(1, Math.round(20 * SCALE)),
  seed: 1,
};
const BUDGET_MS = 10_000;
const BUDGET_RSS_MB = 500;
const RUNS = Number(process.env.AKSNET_BENCH_RUNS ?? "3") || 3;
const n = (x) => x.toLocaleString("en-US");

const node22 = () =>
  execFileSync(process.execPath, ["scripts/fetch-node.mjs", "22"], { cwd: ROOT, encoding: "utf8" }).trim();

async function startServer(shape) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/adapters/azure/testing/serve-arm.ts", JSON.stringify(shape)],
    {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the ARM server exited (${code})`)));
  });
  return {
    ...JSON.parse(line),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.stdin.end();
      }),
  };
}

/** Runs `args` under Node.js 22 with /usr/bin/time; wall ms, CPU ms, peak RSS MB and stdout. */
function timed(bin, args, env) {
  const t = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "@@%U %S %M", bin, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1", ...env },
  });
  const ms = performance.now() - t;
  const m = /@@([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? "");
  if (!m || (r.status !== 0 && r.status !== 1))
    throw new Error(`failed (${r.status}): ${(r.stderr ?? "").slice(0, 800)}`);
  return { ms, cpuMs: (Number(m[1]) + Number(m[2])) * 1000, rssMb: Number(m[3]) / 1024, stdout: r.stdout };
}

function scanOnce(bin, server) {
  const r = timed(bin, ["dist/cli/aksnet.js", "scan", "--arm-endpoint", server.url, "-o", "json"], {
    AKSNET_AZURE_ACCESS_TOKEN: server.token,
    NODE_EXTRA_CA_CERTS: server.caFile,
  });
  const report = JSON.parse(r.stdout);
  return { ...r, report };
}

/** The naive peer: per subscription, list clusters and VNets (REST lists, page by page), then usage per VNet in use. */
const NAIVE = `
import https from "node:https";
const [url, token] = [process.env.ARM, process.env.TOKEN];
const agent = new https.Agent({ keepAlive: true, maxSockets: 16 });
let requests = 0;
const get = (href) => new Promise((resolve, reject) => {
  requests++;
  https.get(href, { agent, headers: { authorization: "Bearer " + token } }, (res) => {
    const parts = [];
    res.on("data", (c) => parts.push(c));
    res.on("end", () =>
      res.statusCode === 200
        ? resolve(JSON.parse(Buffer.concat(parts).toString()))
        : reject(new Error(href + " " + res.statusCode)));
    res.on("error", reject);
  }).on("error", reject);
});
const all = async (path) => {
  const out = [];
  let next = url + path + "?api-version=2025-01-01";
  while (next) { const p = await get(next); out.push(...p.value); next = p.nextLink; }
  return out;
};
const subs = await all("/subscriptions");
let clusters = 0; const inUse = new Set();
for (const s of subs) {
  const managedClusters =
    "/subscriptions/" + s.subscriptionId + "/providers/Microsoft.ContainerService/managedClusters";
  for (const c of await all(managedClusters)) {
    clusters++;
    for (const p of c.properties.agentPoolProfiles)
      if (p.vnetSubnetID) inUse.add(p.vnetSubnetID.replace(/\\/subnets\\/[^/]+$/, ""));
  }
  await all("/subscriptions/" + s.subscriptionId + "/providers/Microsoft.Network/virtualNetworks");
}
const ids = [...inUse];
for (let i = 0; i < ids.length; i += 16)
  await Promise.all(ids.slice(i, i + 16).map((id) => get(url + id + "/usages?api-version=2025-05-01")));
agent.destroy();
process.stdout.write(JSON.stringify({ requests, clusters, vnets: ids.length }));
`;

function naiveOnce(bin, server) {
  const r = timed(bin, ["--input-type=module", "-e", NAIVE], {
    ARM: server.url,
    TOKEN: server.token,
    NODE_EXTRA_CA_CERTS: server.caFile,
  });
  return { ...r, report: JSON.parse(r.stdout) };
}

function medians(runs) {
  return {
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    rssMb: median(runs.map((r) => r.rssMb)),
  };
}

export async function run() {
  if (!existsSync("/usr/bin/time")) throw new Error("scan bench: /usr/bin/time is needed for CPU time and peak memory");
  const bin = node22();
  const load = loadavg()[0];
  const server = await startServer(SHAPE);
  const wide = await startServer({ ...SHAPE, poolsPerCluster: 9 });
  try {
    console.log(
      `scan: estate ${n(SHAPE.clusters)} clusters, ${n(SHAPE.clusters * SHAPE.poolsPerCluster)} pools, ` +
        `${n(SHAPE.vnets)} VNets, ${n(SHAPE.vnets * SHAPE.subnetsPerVnet)} subnets; load ${load.toFixed(1)}`,
    );
    scanOnce(bin, server); // warm-up: disk caches, the server's JIT
    const scans = Array.from({ length: RUNS }, () => scanOnce(bin, server));
    const s = medians(scans);
    const rep = scans[0].report;
    if (rep.summary.clusters !== SHAPE.clusters)
      throw new Error(`scan read ${rep.summary.clusters} clusters, not ${SHAPE.clusters}`);
    console.log(
      `scan: ${formatMs(s.ms)} wall, ${formatMs(s.cpuMs)} CPU, ${s.rssMb.toFixed(0)} MB; ${rep.requests.requests} ` +
        `requests`,
    );
    const w = scanOnce(bin, wide);
    console.log(`scan, 9 pools per cluster: ${w.report.requests.requests} requests`);
    naiveOnce(bin, server);
    const naives = Array.from({ length: RUNS }, () => naiveOnce(bin, server));
    const v = medians(naives);
    console.log(
      `naive listing: ${formatMs(v.ms)} wall, ${formatMs(v.cpuMs)} CPU; ${naives[0].report.requests} requests`,
    );
    return report({ s, w, v, rep, naives, load });
  } finally {
    await server.stop();
    await wide.stop();
  }
}

/** The markdown section from the measured figures. */
function report({ s, w, v, rep, naives, load }) {
  const q = rep.requests;
  const ok = s.ms < BUDGET_MS && s.rssMb < BUDGET_RSS_MB;
  return [
    "## scan: a 1,000-cluster estate through Resource Graph and the usage API",
    "",
    `Synthetic estate (seed 1): ${n(SHAPE.clusters)} clusters with ${n(SHAPE.clusters * SHAPE.poolsPerCluster)} ` +
      `pools, ${n(SHAPE.vnets)} VNets with ${n(SHAPE.vnets * SHAPE.subnetsPerVnet)} subnets, in ` +
      `${SHAPE.subscriptions} subscription${SHAPE.subscriptions === 1 ? "" : "s"}, served by the test ARM server ` +
      `(HTTPS on 127.0.0.1, its own process). ` +
      "The scan is the bundled CLI under Node.js 22 with the Azure SDK (`aksnet scan --arm-endpoint … -o json`); " +
      "the peer lists the same estate subscription by subscription with plain `node:https` (no checks, no " +
      "report). Medians of " +
      `${RUNS} runs; CPU is user + system of the measured process. Load average ${load.toFixed(1)} at the ` +
      `start${SCALE !== 1 ? `; **smoke run at scale ${SCALE}**` : ""}.`,
    "",
    "| | wall | CPU | peak RSS | requests |",
    "|---|---:|---:|---:|---:|",
    `| aksnet scan | ${formatMs(s.ms)} | ${formatMs(s.cpuMs)} | ${s.rssMb.toFixed(0)} MB | ${n(q.requests)} ` +
      `(${n(q.resourceGraph)} Resource Graph, ${n(q.usage)} usage) |`,
    `| aksnet scan, 9 pools per cluster | ${formatMs(w.ms)} | ${formatMs(w.cpuMs)} | ${w.rssMb.toFixed(0)} MB | ` +
      `${n(w.report.requests.requests)} |`,
    `| naive per-subscription listing | ${formatMs(v.ms)} | ${formatMs(v.cpuMs)} | ${v.rssMb.toFixed(0)} MB | ` +
      `${n(naives[0].report.requests)} |`,
    "",
    `Budget (issue 14): under ${BUDGET_MS / 1000} s and ${BUDGET_RSS_MB} MB — ${ok ? "met" : "**not met**"}. ` +
      `Requests: Resource Graph pages (1,000 rows each) plus one usage read per VNet in use ` +
      `(${n(SHAPE.clusters)}); tripling the pools leaves them ` +
      `${w.report.requests.requests === q.requests ? "unchanged" : `at ${n(w.report.requests.requests)}`}. ` +
      `Verdicts: ${rep.summary.fails} fail, ${rep.summary.atRisk} at risk, ${rep.summary.ok} ok, ` +
      `${rep.summary.unknown} unknown.`,
  ].join("\n");
}
