/**
 * The IP workloads of issue 2, text in → text out, on aksnet's compiled library
 * and its peers in the same run: a hand-written typed-array sort-and-sweep (the
 * yardstick), cidr-tools, Python's ipaddress and Debian's python3-netaddr.
 * Every implementation's output is checked against aksnet's (line count and
 * SHA-256) before its time is reported; a mismatch is printed, not timed.
 */
import { readFileSync } from "node:fs";
import * as aksnet from "./peers/aksnet.mjs";
import * as cidrTools from "./peers/cidr-tools.mjs";
import * as typed from "./peers/typed-array.mjs";
import { workloadData } from "./lib/data.mjs";
import { fingerprint, sameFingerprint } from "./lib/hash.mjs";
import { findPython, pythonVersion, runPython } from "./lib/python.mjs";
import { formatMs, measure } from "./lib/timing.mjs";

const PARENT = "10.0.0.0/8";
const BITS = 24;
const REQUESTS = 10_000;
/** cidr-tools subsets for the workloads it can only do pairwise. */
const W3A_SUBSET = 20;
const W3B_SUBSET = 1_000;
/** The Python peers merge this many of W2's lines. */
const W2_PY_SUBSET = 200_000;

const n = (x) => x.toLocaleString("en-US");

function workloads(d) {
  return [
    {
      id: "W1 v4", what: `parse + format ${n(d.v4.length)} IPv4 CIDRs`, py: "w1v4", files: [d.files.v4],
      aksnet: () => aksnet.parseFormat(d.v4), cidrTools: () => cidrTools.parseFormat(d.v4),
      targets: { cidrTools: 1 },
    },
    {
      id: "W1 v6", what: `parse + format ${n(d.v6.length)} IPv6 CIDRs`, py: "w1v6", files: [d.files.v6],
      aksnet: () => aksnet.parseFormat(d.v6), cidrTools: () => cidrTools.parseFormat(d.v6),
      targets: { cidrTools: 1 },
    },
    {
      id: "W2", what: `merge ${n(d.v4.length)} IPv4 CIDRs`, py: "w2", files: [d.files.v4],
      aksnet: () => aksnet.merge(d.v4), typed: () => typed.merge(d.v4), cidrTools: () => cidrTools.merge(d.v4),
      // ipaddress needs over a minute for the million; both Python peers do a subset, scaled linearly (which flatters them).
      pySubset: { lines: W2_PY_SUBSET, scale: d.v4.length / W2_PY_SUBSET, expected: () => aksnet.merge(d.v4.slice(0, W2_PY_SUBSET)) },
      targets: { cidrTools: 2.5, typed: 1 / 1.5 },
    },
    {
      id: "W3a", what: `which of ${n(d.queries.length)} queries overlap any of ${n(d.used.length)} subnets`, py: "w3a", files: [d.files.queries, d.files.used],
      aksnet: () => aksnet.queriesOverlapping(d.queries, d.used), typed: () => typed.queriesOverlapping(d.queries, d.used),
      cidrToolsSubset: {
        note: `${W3A_SUBSET} queries timed, ×${n(d.queries.length / W3A_SUBSET)}`,
        scale: d.queries.length / W3A_SUBSET,
        run: () => cidrTools.queriesOverlapping(d.queries.slice(0, W3A_SUBSET), d.used),
        expected: () => aksnet.queriesOverlapping(d.queries.slice(0, W3A_SUBSET), d.used),
      },
      targets: { typed: 1 / 1.5 },
    },
    {
      id: "W3b", what: `all overlapping pairs among ${n(d.used.length)} subnets`, py: "w3b", files: [d.files.used],
      aksnet: () => aksnet.overlappingPairs(d.used), typed: () => typed.overlappingPairs(d.used),
      cidrToolsSubset: {
        note: `${n(W3B_SUBSET)} subnets timed, ×${n((d.used.length / W3B_SUBSET) ** 2)}`,
        scale: (d.used.length / W3B_SUBSET) ** 2,
        run: () => cidrTools.overlappingPairs(d.used.slice(0, W3B_SUBSET)),
        expected: () => aksnet.overlappingPairs(d.used.slice(0, W3B_SUBSET)),
      },
      targets: { typed: 1 / 1.5 },
    },
    {
      id: "W4", what: `free space of ${PARENT} minus ${n(d.used.length)} subnets`, py: "w4", files: [d.files.used],
      aksnet: () => aksnet.freeSpace(PARENT, d.used), typed: () => typed.freeSpace(PARENT, d.used), cidrTools: () => cidrTools.freeSpace(PARENT, d.used),
      targets: { cidrTools: 2.5, typed: 1 / 1.5 },
    },
    {
      id: "W5", what: `first free /${BITS} for each of ${n(REQUESTS)} sequential requests in ${PARENT}`, py: "w5", files: [d.files.used],
      aksnet: () => aksnet.allocate(PARENT, d.used, BITS, REQUESTS), typed: () => typed.allocate(PARENT, d.used, BITS, REQUESTS),
      cidrTools: () => cidrTools.allocate(PARENT, d.used, BITS, REQUESTS),
      targets: { cidrTools: 2.5, typed: 1 / 1.5 },
    },
  ];
}

/** A peer's cell: its time and aksnet's speed-up over it, or why there is no figure. */
function cell(r, base) {
  if (!r) return "n/a";
  if (r.missing) return `n/a (${r.missing})`;
  if (r.wrong) return `WRONG OUTPUT (${r.wrong})`;
  const ratio = r.ms / base;
  return `${r.extrapolated ? "≈ " : ""}${formatMs(r.ms)} (${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×)${r.extrapolated ? "¹" : ""}`;
}

async function timed(label, fn, expected) {
  const r = await measure(fn);
  const fp = fingerprint(r.output);
  if (expected && !sameFingerprint(fp, expected)) {
    const wrong = `${n(fp.count)} lines, sha256 ${fp.hash}; aksnet: ${n(expected.count)} lines, ${expected.hash}`;
    console.log(`  ${label.padEnd(18)} WRONG OUTPUT: ${wrong}`);
    return { wrong, fp };
  }
  console.log(`  ${label.padEnd(18)} ${formatMs(r.cpuMs).padStart(9)} CPU ${formatMs(r.ms).padStart(9)} wall  (${r.runs} runs, ${n(fp.count)} lines, sha256 ${fp.hash})`);
  return { ms: r.cpuMs, wall: r.ms, fp };
}

function python(exe, lib, w, expected) {
  if (!exe) return { missing: `no python3 with ${lib}` };
  const sub = w.pySubset;
  const r = runPython(exe, lib, w.py, w.files, sub?.lines);
  if (r.missing) {
    console.log(`  ${lib.padEnd(18)} ${r.missing}`);
    return r;
  }
  const fp = fingerprint(r.output);
  const want = sub ? fingerprint(sub.expected()) : expected;
  if (!sameFingerprint(fp, want)) {
    const wrong = `${n(fp.count)} lines, sha256 ${fp.hash}`;
    console.log(`  ${lib.padEnd(18)} WRONG OUTPUT: ${wrong}; first lines: ${r.output.slice(0, 2).join(", ")}`);
    return { wrong };
  }
  if (!sub) {
    console.log(`  ${lib.padEnd(18)} ${formatMs(r.cpuMs).padStart(9)} CPU ${formatMs(r.ms).padStart(9)} wall  (${r.runs} runs, same output)`);
    return { ms: r.cpuMs, wall: r.ms };
  }
  const note = `${n(sub.lines)} lines timed, ×${n(sub.scale)}`;
  console.log(`  ${lib.padEnd(18)} ${formatMs(r.cpuMs).padStart(9)} CPU ${formatMs(r.ms).padStart(9)} wall  (${r.runs} runs, same output; ${note}: ≈ ${formatMs(r.cpuMs * sub.scale)} CPU)`);
  return { ms: r.cpuMs * sub.scale, wall: r.ms * sub.scale, extrapolated: note };
}

export async function run() {
  console.log("ip: generating inputs (fixed seeds) into .bench-data/ …");
  const d = workloadData();
  const exe = findPython("netaddr") ?? findPython("ipaddress");
  const hasNetaddr = exe !== undefined && findPython("netaddr") === exe;
  const cidrToolsVersion = JSON.parse(readFileSync(new URL("../node_modules/cidr-tools/package.json", import.meta.url), "utf8")).version;
  const rows = [];
  const verdicts = [];
  for (const w of workloads(d)) {
    console.log(`${w.id}: ${w.what}`);
    const a = await timed("aksnet", w.aksnet);
    const r = { w, aksnet: a };
    if (w.typed) r.typed = await timed("typed-array", w.typed, a.fp);
    if (w.cidrTools) r.cidrTools = await timed("cidr-tools", w.cidrTools, a.fp);
    if (w.cidrToolsSubset) {
      const s = w.cidrToolsSubset;
      const sub = await timed(`cidr-tools (subset)`, s.run, fingerprint(s.expected()));
      r.cidrTools = sub.ms === undefined ? sub : { ms: sub.ms * s.scale, wall: sub.wall * s.scale, extrapolated: s.note };
      if (sub.ms !== undefined) console.log(`  ${"cidr-tools".padEnd(18)} ≈ ${formatMs(sub.ms * s.scale)} CPU extrapolated (${s.note})`);
    }
    r.ipaddress = python(exe, "ipaddress", w, a.fp);
    r.netaddr = hasNetaddr ? python(exe, "netaddr", w, a.fp) : { missing: "python3-netaddr is not installed" };
    rows.push(r);
    for (const [peer, min] of Object.entries(w.targets)) {
      const p = r[peer];
      const name = peer === "typed" ? "the typed-array reference" : "cidr-tools";
      const goal = peer === "typed" ? "within 1.5× of" : min === 1 ? "faster than" : `at least ${min}× faster than`;
      if (!p || p.ms === undefined) {
        verdicts.push(`| ${w.id} | ${goal} ${name} | no figure | not measured |`);
        continue;
      }
      const ratio = p.ms / a.ms;
      const met = peer === "typed" ? a.ms <= 1.5 * p.ms : min === 1 ? ratio > 1 : ratio >= min;
      verdicts.push(
        `| ${w.id} | ${goal} ${name} | CPU ${formatMs(a.ms)} vs ${formatMs(p.ms)}: ${ratio.toFixed(2)}× (wall ${formatMs(a.wall)} vs ${formatMs(p.wall)}: ${(p.wall / a.wall).toFixed(2)}×) | ${met ? "met" : "**MISSED**"} |`,
      );
    }
  }
  const lines = [
    "## IP core: workloads W1–W5 (issue 2)",
    "",
    "Text in → text out: each implementation gets the input lines as strings and returns its output lines as strings;",
    "reading and writing files is not timed. Inputs come from fixed seeds (`bench/lib/data.mjs`): W1/W2 random IPv4",
    "/8–/28 (weighted towards long prefixes, a quarter with host bits set) and IPv6 /32–/64; W3–W5 100,000 subnets",
    "/24–/28 at random aligned places in 10.0.0.0/8 (real overlaps, real free space). Before any figure counts, its",
    "output must equal aksnet's (line count and SHA-256).",
    "",
    "Figures are CPU time (user + system of the process, `process.cpuUsage` / Python `time.process_time`), because this",
    "machine is shared and wall time mostly measures the neighbours; wall-clock figures are in the console log and in the",
    "targets table. JavaScript: median of up to 3 timed runs after a warm-up run; Python: median of up to 3 runs timed",
    "inside Python around parse + work + format (no warm-up; no JIT).",
    `Peers: cidr-tools ${cidrToolsVersion}; Python ${exe ? pythonVersion(exe) : "(none)"} \`ipaddress\`` +
      `${hasNetaddr ? " and Debian's `python3-netaddr`" : "; python3-netaddr not installed"}; the typed-array reference is` +
      " `bench/peers/typed-array.mjs` (IPv4 only, W2–W5). Where a Python library has no overlap search (W3a, W3b) or no",
    "allocator (W5), it parses and formats and a plain Python bisect/sweep/walk does the rest (`bench/peers/python_peers.py`).",
    "",
    "In parentheses: the peer's time ÷ aksnet's time (above 1: aksnet is faster).",
    "",
    "| workload | aksnet | typed-array reference | cidr-tools | Python ipaddress | Python netaddr |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.w.id}: ${r.w.what} | ${formatMs(r.aksnet.ms)} | ${cell(r.typed, r.aksnet.ms)} | ${cell(r.cidrTools, r.aksnet.ms)} | ${cell(r.ipaddress, r.aksnet.ms)} | ${cell(r.netaddr, r.aksnet.ms)} |`),
    "",
    `¹ cidr-tools has no indexed search: \`overlapCidr\` per query (W3a) or per pair (W3b); a subset was timed (${rows
      .filter((r) => r.w.cidrToolsSubset)
      .map((r) => `${r.w.id}: ${r.w.cidrToolsSubset.note}`)
      .join("; ")}) and scaled by the number of comparisons, after checking the subset's output against aksnet's. The Python peers`,
    `merge a subset in W2 (${n(W2_PY_SUBSET)} lines, scaled linearly; ipaddress alone needs over a minute for the million).`,
    "",
    "### Targets (issue 2)",
    "",
    "| workload | target | aksnet vs peer (this run) | verdict |",
    "|---|---|---|---|",
    ...verdicts,
    "",
  ];
  return lines.join("\n");
}
