/**
 * `aksnet inspect` on a 5,000-node / 150,000-pod Azure CNI Overlay cluster
 * (scripts/gen-cluster.ts, seed 1), three ways, each a child process:
 * - from a dump (`--from-dump`), beside `jq` extracting just the pod IPs (issue 6:
 *   under 10 s and 1 GB);
 * - live, through the fake API server (HTTPS on 127.0.0.1, its own process,
 *   serving the same objects 500 a page as the real API server does), beside a
 *   plain paginated list of the same objects through the same server, and the
 *   client's own typed list (what inspect did before): issue 14 asks the live
 *   path to stay within 2× of the dump path.
 * Wall time, CPU time (user + system of the measured process; the server's is
 * not counted, its wait is in the wall time) and peak resident memory; medians
 * of RUNS runs. `AKSNET_BENCH_SCALE=0.05` runs a small cluster for a smoke test.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { formatMs, median } from "./lib/timing.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DATA = fileURLToPath(new URL("../.bench-data/", import.meta.url));
const SCALE = Number(process.env.AKSNET_BENCH_SCALE ?? "1") || 1;
const NODES = Math.round(5000 * SCALE);
const PODS = Math.round(150000 * SCALE);
// The generator's output version is in the name: a dump from an older scripts/gen-cluster.ts is made again.
const FILE = `${DATA}inspect-overlay-${NODES}x${PODS}-seed1-v2.json`;
const BUDGET_MS = 10_000;
const BUDGET_RSS_MB = 1024;
const RUNS = Number(process.env.AKSNET_BENCH_RUNS ?? "3") || 3;
const PAGE = 500;
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

/** Starts the fake API server in its own process; resolves with its kubeconfig and a stop function. */
async function startServer() {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/adapters/inspect/testing/serve-fake-apiserver.ts", FILE],
    { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] },
  );
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the fake API server exited (${code})`)));
  });
  const { kubeconfig, url } = JSON.parse(line);
  return {
    kubeconfig,
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.stdin.end();
      }),
  };
}

/**
 * Runs a module script in a child that reports its CPU time, peak RSS and a result on stderr
 * (`@@{…}`). The script's last expression sets `result`.
 */
function runChild(body) {
  const script =
    `${body}
    const u = process.resourceUsage();
    process.stderr.write("\\n@@" + JSON.stringify({ result, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, ` +
    `maxRssKb: u.maxRSS }) + "\\n");`;
  const t = performance.now();
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t;
  const m = /@@(.*)$/m.exec(r.stderr);
  if (!m || r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr.slice(0, 800)}`);
  const stats = JSON.parse(m[1]);
  return { ms, cpuMs: stats.cpuMs, rssMb: stats.maxRssKb / 1024, result: stats.result };
}

/** aksnet inspect through the CLI's own entry; the result is a hash of the JSON report without its `source`. */
function aksnet(args) {
  const main = new URL("../dist/adapters/cli/main.js", import.meta.url).href;
  return runChild(
    `
    import { createHash } from "node:crypto";
    const { run } = await import(${JSON.stringify(main)});
    let out = "";
    const io = { out: (t) => { out += t; }, err: (t) => process.stderr.write(t), stdin: () => process.stdin, isTTY: ` +
      `false, env: { NO_COLOR: "1" }, cwd: process.cwd() };
    const code = await run(${JSON.stringify(["inspect", ...args, "-o", "json"])}, io);
    if (code > 1) throw new Error("aksnet inspect exited " + code);
    const { source, ...rest } = JSON.parse(out);
    const result = createHash("sha256").update(JSON.stringify(rest)).digest("hex").slice(0, 16);`,
  );
}

/** The resources inspect lists, as paths with the query inspect sends. */
const LISTS = [
  "/api/v1/nodes",
  "/api/v1/pods?fieldSelector=status.phase%21%3DSucceeded%2Cstatus.phase%21%3DFailed",
  "/apis/apps/v1/daemonsets",
  "/apis/acn.azure.com/v1alpha/namespaces/kube-system/nodenetworkconfigs",
];

/**
 * A plain paginated list through the same server: node:https with keep-alive, JSON.parse of each page, items counted.
 */
function plainList(kubeconfig) {
  return runChild(
    `
    import https from "node:https";
    const k8s = await import("@kubernetes/client-node");
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(${JSON.stringify(kubeconfig)});
    const opts = {};
    await kc.applyToHTTPSOptions(opts);
    const agent = new https.Agent({ ca: opts.ca, keepAlive: true, maxSockets: 1 });
    const server = kc.getCurrentCluster().server;
    const get = (path) => new Promise((resolve, reject) => {
      https.get(server + path, { agent, headers: opts.headers }, (res) => {
        const parts = [];
        res.on("data", (c) => parts.push(c));
        res.on("end", () => resolve(JSON.parse(Buffer.concat(parts).toString())));
        res.on("error", reject);
      }).on("error", reject);
    });
    let result = 0;
    for (const path of ${JSON.stringify(LISTS)}) {
      let cont;
      do {
        const page = await get(path + (path.includes("?") ? "&" : "?") + "limit=${PAGE}" + (cont ? "&continue=" + ` +
      `encodeURIComponent(cont) : ""));
        result += page.items.length;
        cont = page.metadata?.continue;
      } while (cont);
    }
    agent.destroy();`,
  );
}

/** The client's own typed list calls (objects deserialised into its model classes), as inspect made before. */
function typedList(kubeconfig) {
  return runChild(
    `
    const k8s = await import("@kubernetes/client-node");
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(${JSON.stringify(kubeconfig)});
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    const limit = ${PAGE};
    const calls = [
      (c) => core.listNode({ limit, _continue: c }),
      (c) => core.listPodForAllNamespaces({ limit, _continue: c, fieldSelector: ` +
      `"status.phase!=Succeeded,status.phase!=Failed" }),
      (c) => apps.listDaemonSetForAllNamespaces({ limit, _continue: c }),
      (c) => custom.listNamespacedCustomObject({ group: "acn.azure.com", version: "v1alpha", plural: ` +
      `"nodenetworkconfigs", namespace: "kube-system", limit, _continue: c }),
    ];
    let result = 0;
    for (const call of calls) {
      let cont;
      do {
        const page = await call(cont);
        result += page.items.length;
        cont = page.metadata?._continue ?? page.metadata?.continue;
      } while (cont);
    }`,
  );
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
    result: lines,
  };
}

function hasJq() {
  return spawnSync("jq", ["--version"], { encoding: "utf8" }).status === 0;
}

/** Runs `fn` `runs` times, printing each run; medians of wall and CPU, the highest RSS, the first result. */
function series(label, fn, runs = RUNS) {
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const x = fn();
    xs.push(x);
    console.log(
      `inspect: ${label} run ${i + 1}: ${formatMs(x.ms)} wall, ${x.cpuMs === undefined ? "–" : formatMs(x.cpuMs)} ` +
        `CPU, ${x.rssMb === undefined ? "–" : `${x.rssMb.toFixed(0)} MB`} peak (${x.result})`,
    );
  }
  const cpu = xs.map((x) => x.cpuMs).filter((x) => x !== undefined);
  return {
    ms: median(xs.map((x) => x.ms)),
    bestMs: Math.min(...xs.map((x) => x.ms)),
    cpuMs: cpu.length ? median(cpu) : undefined,
    rssMb: Math.max(...xs.map((x) => x.rssMb ?? 0)) || undefined,
    result: xs[0].result,
  };
}

const cells = (x) =>
  `${formatMs(x.ms)} (best ${formatMs(x.bestMs)}) | ${x.cpuMs === undefined ? "–" : formatMs(x.cpuMs)} | ` +
  `${x.rssMb === undefined ? "–" : `${x.rssMb.toFixed(0)} MB`}`;

export async function run() {
  ensureDump();
  const sizeMb = statSync(FILE).size / 1e6;
  const load = loadavg()[0];
  const dump = series("aksnet --from-dump", () => aksnet(["--from-dump", FILE]));
  const jq = hasJq() ? series("jq", runJq) : undefined;
  if (!jq) console.log("inspect: jq not installed (Debian: apt-get install -y jq); its row is left out");
  const server = await startServer();
  let live, plain, typed;
  try {
    live = series("aksnet live", () => aksnet(["--kubeconfig", server.kubeconfig]));
    if (live.result !== dump.result)
      throw new Error(`the live report differs from the dump report (${live.result} vs ${dump.result})`);
    plain = series("plain paginated list", () => plainList(server.kubeconfig));
    typed = series("client-node typed list", () => typedList(server.kubeconfig), 1);
  } finally {
    await server.stop();
  }
  const items = NODES + PODS;
  const ok = (v, budget) => (v <= budget ? "yes" : "**no**");
  const ratio = (a, b) => (a === undefined || b === undefined ? "–" : `${(a / b).toFixed(2)}×`);
  return [
    "## inspect (issues 6 and 14)",
    "",
    `A ${n(NODES)}-node, ${n(PODS)}-pod Azure CNI Overlay cluster (scripts/gen-cluster.ts, seed 1; as a dump ` +
      `${sizeMb.toFixed(0)} MB).`,
    `Medians of ${RUNS} runs (the typed list: 1 run), best wall time in parentheses, peak memory the highest run; ` +
      `load average ${load.toFixed(1)} on this 2-core machine when the benchmark started (the wall times measure ` +
      `the neighbours too: CPU time is the steadier figure).`,
    "Live: the fake API server (`src/adapters/inspect/testing/fake-apiserver.ts`) in its own process, HTTPS on " +
      "127.0.0.1, " +
      `${PAGE} items a page as kubectl asks; CPU is the client's alone (the server's wait is in the wall time). ` +
      "aksnet does the whole job (classification, per-node use, address use, headroom, JSON report); the live report " +
      "is checked equal to the dump's.",
    "",
    "| what | wall | CPU | peak RSS | budget |",
    "| --- | ---: | ---: | ---: | --- |",
    `| aksnet inspect --from-dump … -o json | ${cells(dump)} | < 10 s: ${ok(dump.bestMs, BUDGET_MS)} (best wall), ` +
      `${ok(dump.cpuMs, BUDGET_MS)} (CPU); < 1 GB: ${ok(dump.rssMb, BUDGET_RSS_MB)} |`,
    `| aksnet inspect --kubeconfig … -o json (live) | ${cells(live)} | ≤ 2× the dump: ` +
      `${ok(live.bestMs, 2 * dump.bestMs)} (best wall ${ratio(live.bestMs, dump.bestMs)}), ` +
      `${ok(live.cpuMs, 2 * dump.cpuMs)} (CPU ${ratio(live.cpuMs, dump.cpuMs)}) |`,
    `| plain paginated list, same server (node:https keep-alive, JSON.parse per page; ${n(plain.result)} items) | ` +
      `${cells(plain)} | peer: live ÷ plain ${ratio(live.cpuMs, plain.cpuMs)} CPU |`,
    `| @kubernetes/client-node typed list calls, same server (inspect's path before; ${n(typed.result)} items) | ` +
      `${cells(typed)} | before: ${ratio(typed.cpuMs, live.cpuMs)} the live CPU |`,
    ...(jq
      ? [
          `| jq -r '… .status.podIPs[]?.ip' on the dump (pod IPs only, ${n(jq.result)} lines) | ${cells(jq)} | peer: ` +
            `dump ÷ jq ${ratio(dump.cpuMs, jq.cpuMs)} CPU |`,
        ]
      : []),
    "",
    `${n(items)} objects listed (${n(Math.ceil(PODS / PAGE) + Math.ceil(NODES / PAGE) + 2)} pages). How the live ` +
      `path reads: docs/inspect.md, "Performance".`,
    "",
  ].join("\n");
}
