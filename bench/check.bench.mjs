/**
 * Issue 4's budget: checking a plan whose VNet and connected networks hold
 * 100,000 subnets takes under one second. Measured on the compiled library:
 * validate() over the resolved plan (every rule, overlap searches on the IP
 * core's index), and the whole `aksnet check FILE -o json` path in-process
 * (read, parse with source map, import, resolve, validate, locate, render).
 * The yardstick in the same run is the pairwise loop the rules must not use:
 * Prefix.overlaps over every pair of subnets, timed on a 4,000-subnet slice and
 * scaled by n² to 100,000.
 *
 * The plan (seed 4): VNet 10.0.0.0/8 with 60,000 subnets (/26 to /24, some
 * deliberately overlapping), 40,000 connected-network prefixes in 172.16.0.0/12
 * and 100.64.0.0/10, overlay with two pools.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parsePrefix, parsePlan, resolvePlan, validate } from "../dist/index.js";
import { run as runCli } from "../dist/adapters/cli/main.js";
import { prng } from "./lib/prng.mjs";
import { formatMs, measure } from "./lib/timing.mjs";

const VNET_SUBNETS = 60_000;
const CONNECTED = 40_000;
const PLANTED_OVERLAPS = 25;
const PAIRWISE_SLICE = 4_000;
const BUDGET_MS = 1000;
const DATA = fileURLToPath(new URL("../.bench-data/", import.meta.url));
const FILE = `${DATA}check-100k-seed4.json`;
const n = (x) => x.toLocaleString("en-US");
const ip = (v) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join(".");

function makePlan() {
  const r = prng(4);
  const subnets = [];
  let at = (10 << 24) >>> 0;
  at += 1 << 16; // leave 10.0.0.0/16 for the service CIDR's neighbourhood
  for (let i = 0; i < VNET_SUBNETS; i++) {
    const bits = r.int(24, 26);
    const size = 2 ** (32 - bits);
    at = Math.ceil(at / size) * size;
    subnets.push({ name: `s${i}`, cidr: `${ip(at)}/${bits}` });
    at += size;
  }
  for (let i = 0; i < PLANTED_OVERLAPS; i++) {
    const victim = subnets[r.int(0, subnets.length - 1)];
    subnets.push({ name: `dup${i}`, cidr: victim.cidr.replace(/\/\d+$/, "/27") });
  }
  const connected = [];
  const spaces = [
    [(172 << 24) + (16 << 16), 20],
    [(100 << 24) + (64 << 16), 22],
  ];
  for (let i = 0; i < CONNECTED; i++) {
    const [base, span] = spaces[i % 2];
    const offset = r.int(0, 2 ** span - 1) * 256;
    connected.push(`${ip((base + offset) >>> 0)}/24`);
  }
  return {
    apiVersion: "aksnet/v1",
    kind: "ClusterPlan",
    kubernetesVersion: "1.33",
    network: {
      plugin: "azure",
      pluginMode: "overlay",
      podCidrs: ["192.168.0.0/16"],
      serviceCidrs: ["10.0.0.0/16"],
      dnsServiceIp: "10.0.0.10",
    },
    vnet: { name: "vnet-big", addressSpace: ["10.0.0.0/8"], subnets },
    connectedNetworks: [
      { name: "hub-a", cidrs: connected.slice(0, CONNECTED / 2) },
      { name: "on-prem", cidrs: connected.slice(CONNECTED / 2) },
    ],
    nodePools: [
      { name: "system", mode: "System", count: 3, maxSurge: 1, subnet: "s0" },
      { name: "user", mode: "User", minCount: 3, maxCount: 50, maxSurge: "33%", subnet: "s1" },
    ],
  };
}

function pairwise(prefixes) {
  let hits = 0;
  for (let i = 0; i < prefixes.length; i++)
    for (let j = i + 1; j < prefixes.length; j++) if (prefixes[i].overlaps(prefixes[j])) hits++;
  return hits;
}

/** `aksnet check -o json FILE` in-process, output counted and dropped. */
async function checkCommand() {
  let bytes = 0;
  const io = {
    out: (t) => void (bytes += t.length),
    err: () => {},
    stdin: () => process.stdin,
    isTTY: false,
    env: { NO_COLOR: "1" },
    cwd: process.cwd(),
  };
  const code = await runCli(["check", "-o", "json", FILE], io);
  return { code, bytes };
}

export async function run() {
  const plan = makePlan();
  const total = plan.vnet.subnets.length + CONNECTED;
  mkdirSync(DATA, { recursive: true });
  const text = JSON.stringify(plan, null, 1);
  writeFileSync(FILE, text);
  console.log(
    `check: plan with ${n(plan.vnet.subnets.length)} VNet subnets and ${n(CONNECTED)} connected prefixes ` +
      `(${n(total)} in all), ${(text.length / 1e6).toFixed(1)} MB`,
  );

  const parsed = parsePlan(plan);
  if (!parsed.plan) throw new Error(`bench plan does not parse: ${JSON.stringify(parsed.problems[0])}`);
  // Resolve inside the timed function: rules share indexes built once per resolved plan, so reusing one would time a
  // warm cache.
  const engine = await measure(() => validate(resolvePlan(parsed.plan)), { runs: 5, budgetMs: 20_000 });
  const findings = engine.output;
  // Ten overlapping pairs are reported one by one, the rest counted in one more finding.
  const layout = findings.filter((f) => f.ruleId === "vnet-layout-invalid");
  const overlaps =
    layout.filter((f) => f.message.includes("overlaps subnet")).length +
    layout.reduce((n, f) => n + (String(f.data.what ?? "").includes("overlap") ? Number(f.data.more) : 0), 0);
  if (overlaps < PLANTED_OVERLAPS)
    throw new Error(`expected at least ${PLANTED_OVERLAPS} overlap findings, got ${overlaps}`);
  console.log(
    `check: resolve + validate ${formatMs(engine.cpuMs)} CPU (${formatMs(engine.ms)} wall), ${n(findings.length)} ` +
      `findings, ${overlaps} subnet overlaps found`,
  );

  const full = await measure(checkCommand, { runs: 3, budgetMs: 60_000 });
  console.log(
    `check: aksnet check -o json (in-process, from the file) ${formatMs(full.cpuMs)} CPU (${formatMs(full.ms)} ` +
      `wall), exit ${full.output.code}`,
  );

  const slice = plan.vnet.subnets.slice(0, PAIRWISE_SLICE).map((s) => parsePrefix(s.cidr));
  const pw = await measure(() => pairwise(slice), { runs: 3, budgetMs: 20_000 });
  const scaled = pw.cpuMs * (plan.vnet.subnets.length / PAIRWISE_SLICE) ** 2;
  console.log(
    `check: pairwise overlaps on ${n(PAIRWISE_SLICE)} subnets ${formatMs(pw.cpuMs)}; scaled to ` +
      `${n(plan.vnet.subnets.length)}: ${formatMs(scaled)}`,
  );

  return report({ plan, text, engine, full, scaled, findings, overlaps });
}

/** The markdown section from the measured figures. */
function report({ plan, text, engine, full, scaled, findings, overlaps }) {
  const verdict = (ms) => (ms < BUDGET_MS ? "within" : "**over**");
  return [
    "## check: 100,000 subnets",
    "",
    `A plan whose VNet (10.0.0.0/8) holds ${n(plan.vnet.subnets.length)} subnets (${PLANTED_OVERLAPS} planted ` +
      `overlaps) and whose connected networks hold ${n(CONNECTED)} prefixes; seed 4. Budget: under ` +
      `${formatMs(BUDGET_MS)}. CPU time, median.`,
    "",
    "| what | CPU | wall | budget | ratio |",
    "|---|---:|---:|---|---:|",
    `| \`validate(resolvePlan(plan))\`: defaults, then every rule | ${formatMs(engine.cpuMs)} | ` +
      `${formatMs(engine.ms)} | ${verdict(engine.cpuMs)} | 1× |`,
    `| \`aksnet check -o json FILE\` in-process (read, parse with source map, resolve, validate, locate, render; ` +
      `${(text.length / 1e6).toFixed(1)} MB JSON) | ${formatMs(full.cpuMs)} | ${formatMs(full.ms)} | ` +
      `${verdict(full.cpuMs)} | ${(full.cpuMs / engine.cpuMs).toFixed(1)}× |`,
    `| yardstick: pairwise \`Prefix.overlaps\` over the VNet subnets, ${n(PAIRWISE_SLICE)} measured, scaled by n² | ` +
      `${formatMs(scaled)} | | | ${(scaled / engine.cpuMs).toFixed(0)}× |`,
    "",
    `${n(findings.length)} findings; all ${overlaps} planted subnet overlaps found (ten reported one by one, the ` +
      `rest counted).`,
    "",
  ].join("\n");
}
