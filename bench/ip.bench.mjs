/**
 * The IP workloads of issue 2, text in → text out, on aksnet's compiled library
 * and its peers in the same run: a hand-written typed-array sort-and-sweep (the
 * yardstick), cidr-tools, Python's ipaddress and Debian's python3-netaddr; and
 * W3c of issue 15 (overlapping pairs in a nested estate) beside Go's net/netip.
 * Every implementation's output is checked against aksnet's (line count and
 * SHA-256) before its time is reported; a mismatch is printed, not timed.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import * as aksnet from "./peers/aksnet.mjs";
import * as cidrTools from "./peers/cidr-tools.mjs";
import * as typed from "./peers/typed-array.mjs";
import { workloadData } from "./lib/data.mjs";
import { fingerprint, sameFingerprint } from "./lib/hash.mjs";
import { formatHotSpots, hotSpots } from "./lib/profile.mjs";
import { buildGoPeer, goVersion, runGoPeer } from "./lib/go.mjs";
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
  return [...parseMergeWorkloads(d), ...overlapWorkloads(d), ...spaceWorkloads(d)];
}

/** W1, W2: parse + format, merge. */
function parseMergeWorkloads(d) {
  return [
    {
      id: "W1 v4",
      what: `parse + format ${n(d.v4.length)} IPv4 CIDRs`,
      py: "w1v4",
      files: [d.files.v4],
      aksnet: () => aksnet.parseFormat(d.v4),
      cidrTools: () => cidrTools.parseFormat(d.v4),
      targets: { cidrTools: 1 },
    },
    {
      id: "W1 v6",
      what: `parse + format ${n(d.v6.length)} IPv6 CIDRs`,
      py: "w1v6",
      files: [d.files.v6],
      aksnet: () => aksnet.parseFormat(d.v6),
      cidrTools: () => cidrTools.parseFormat(d.v6),
      targets: { cidrTools: 1 },
    },
    {
      id: "W2",
      what: `merge ${n(d.v4.length)} IPv4 CIDRs`,
      py: "w2",
      files: [d.files.v4],
      aksnet: () => aksnet.merge(d.v4),
      typed: () => typed.merge(d.v4),
      cidrTools: () => cidrTools.merge(d.v4),
      // ipaddress needs over a minute for the million; both Python peers do a subset, scaled linearly (which flatters
      // them).
      pySubset: {
        lines: Math.min(W2_PY_SUBSET, d.v4.length),
        scale: d.v4.length / Math.min(W2_PY_SUBSET, d.v4.length),
        expected: () => aksnet.merge(d.v4.slice(0, W2_PY_SUBSET)),
      },
      targets: { cidrTools: 2.5, typed: 1 / 1.5 },
    },
  ];
}

/** W3a-c: overlap queries and pair searches. */
function overlapWorkloads(d) {
  return [
    {
      id: "W3a",
      what: `which of ${n(d.queries.length)} queries overlap any of ${n(d.used.length)} subnets`,
      py: "w3a",
      files: [d.files.queries, d.files.used],
      aksnet: () => aksnet.queriesOverlapping(d.queries, d.used),
      typed: () => typed.queriesOverlapping(d.queries, d.used),
      cidrToolsSubset: {
        note: `${W3A_SUBSET} queries timed, ×${n(d.queries.length / W3A_SUBSET)}`,
        scale: d.queries.length / W3A_SUBSET,
        run: () => cidrTools.queriesOverlapping(d.queries.slice(0, W3A_SUBSET), d.used),
        expected: () => aksnet.queriesOverlapping(d.queries.slice(0, W3A_SUBSET), d.used),
      },
      targets: { typed: 1 / 1.5 },
    },
    {
      id: "W3b",
      what: `all overlapping pairs among ${n(d.used.length)} subnets`,
      py: "w3b",
      files: [d.files.used],
      aksnet: () => aksnet.overlappingPairs(d.used),
      typed: () => typed.overlappingPairs(d.used),
      cidrToolsSubset: {
        note: `${n(W3B_SUBSET)} subnets timed, ×${n((d.used.length / W3B_SUBSET) ** 2)}`,
        scale: (d.used.length / W3B_SUBSET) ** 2,
        run: () => cidrTools.overlappingPairs(d.used.slice(0, W3B_SUBSET)),
        expected: () => aksnet.overlappingPairs(d.used.slice(0, W3B_SUBSET)),
      },
      targets: { typed: 1 / 1.5 },
    },
    {
      id: "W3c",
      what:
        `all overlapping pairs among ${n(d.nested.length)} nested prefixes (on-premises /10s and hub /12s over ` +
        `the subnets)`,
      files: [d.files.nested],
      // The pair search itself (the fleet check's hot path): each side returns its pairs in its own form, made text
      // only for the check.
      aksnet: () => aksnet.overlappingPairsRaw(d.nested),
      aksnetLines: aksnet.pairLines,
      typed: () => typed.overlappingPairCodes(d.nested),
      typedLines: typed.pairCodeLines,
      go: true,
      targets: { typed: 1 / 1.5, go: 1 / 1.5 },
    },
  ];
}

/** W4, W5: free space and allocation. */
function spaceWorkloads(d) {
  return [
    {
      id: "W4",
      what: `free space of ${PARENT} minus ${n(d.used.length)} subnets`,
      py: "w4",
      files: [d.files.used],
      aksnet: () => aksnet.freeSpace(PARENT, d.used),
      typed: () => typed.freeSpace(PARENT, d.used),
      cidrTools: () => cidrTools.freeSpace(PARENT, d.used),
      targets: { cidrTools: 2.5, typed: 1 / 1.5 },
    },
    {
      id: "W5",
      what: `first free /${BITS} for each of ${n(REQUESTS)} sequential requests in ${PARENT}`,
      py: "w5",
      files: [d.files.used],
      aksnet: () => aksnet.allocate(PARENT, d.used, BITS, REQUESTS),
      typed: () => typed.allocate(PARENT, d.used, BITS, REQUESTS),
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
  return (
    `${r.extrapolated ? "≈ " : ""}${formatMs(r.ms)} ` +
    `(${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×)${r.extrapolated ? "¹" : ""}`
  );
}

/**
 * The figures printed in issue 2 (wall-clock, the issue's machine, idle): a cross-check on this run's typed-array
 * reference.
 */
const ISSUE_MS = {
  "W1 v4": { cidrTools: 390 },
  W2: { cidrTools: 1100, typed: 420 },
  W3a: { typed: 57 },
  W3b: { typed: 29 },
  W4: { cidrTools: 79, typed: 36 },
  W5: { cidrTools: 58, typed: 31 },
};

/** One row of the targets table: aksnet against `peer` in this run. */
function verdict(w, r, peer, min) {
  const a = r.aksnet;
  const p = r[peer];
  const wall = (x, y) => `wall ${formatMs(x.wall)} vs ${formatMs(y.wall)}`;
  if (peer === "go") {
    if (!p || p.ms === undefined) return `| ${w.id} | within 1.5× of Go's net/netip | no figure | not measured |`;
    const f = a.ms / p.ms;
    return (
      `| ${w.id} | within 1.5× of Go's net/netip | aksnet ${formatMs(a.ms)} = ${f.toFixed(2)}× Go's ` +
      `${formatMs(p.ms)} (${wall(a, p)}) | ${f <= 1.5 ? "met" : "**MISSED**"} |`
    );
  }
  if (peer === "typed") {
    if (!p || p.ms === undefined)
      return `| ${w.id} | within 1.5× of the typed-array reference | no figure | not measured |`;
    const f = a.ms / p.ms;
    return (
      `| ${w.id} | within 1.5× of the typed-array reference | aksnet ${formatMs(a.ms)} = ${f.toFixed(2)}× the ` +
      `reference's ${formatMs(p.ms)} (${wall(a, p)}) | ${f <= 1.5 ? "met" : "**MISSED**"} |`
    );
  }
  const goal = min === 1 ? "faster than cidr-tools" : `at least ${min}× faster than cidr-tools`;
  if (!p || p.ms === undefined) return `| ${w.id} | ${goal} | no figure | not measured |`;
  const f = p.ms / a.ms;
  const met = min === 1 ? f > 1 : f >= min;
  const how = f >= 1 ? `${f.toFixed(2)}× faster` : `${(1 / f).toFixed(2)}× slower`;
  return (
    `| ${w.id} | ${goal} | aksnet ${formatMs(a.ms)} vs ${formatMs(p.ms)}: ${how} (${wall(a, p)}) | ` +
    `${met ? "met" : "**MISSED**"} |`
  );
}

async function timed(label, fn, expected, toLines = (out) => out) {
  const r = await measure(fn, { check: (out) => !expected || sameFingerprint(fingerprint(toLines(out)), expected) });
  const fp = fingerprint(toLines(r.output));
  if (expected && !sameFingerprint(fp, expected)) {
    const wrong = `${n(fp.count)} lines, sha256 ${fp.hash}; aksnet: ${n(expected.count)} lines, ${expected.hash}`;
    console.log(`  ${label.padEnd(18)} WRONG OUTPUT: ${wrong}`);
    return { wrong, fp };
  }
  console.log(
    `  ${label.padEnd(18)} ${formatMs(r.cpuMs).padStart(9)} CPU ${formatMs(r.ms).padStart(9)} wall  (${r.runs} runs, ` +
      `${n(fp.count)} lines, sha256 ${fp.hash})`,
  );
  return { ms: r.cpuMs, wall: r.ms, fp };
}

function go(bin, w, expected) {
  if (bin.missing) {
    console.log(`  ${"go net/netip".padEnd(18)} ${bin.missing}`);
    return bin;
  }
  const r = runGoPeer(bin.bin, w.files[0]);
  if (r.missing) {
    console.log(`  ${"go net/netip".padEnd(18)} ${r.missing}`);
    return r;
  }
  const fp = fingerprint(r.output);
  if (!sameFingerprint(fp, expected)) {
    const wrong = `${n(fp.count)} lines, sha256 ${fp.hash}`;
    console.log(`  ${"go net/netip".padEnd(18)} WRONG OUTPUT: ${wrong}`);
    return { wrong };
  }
  console.log(
    `  ${"go net/netip".padEnd(18)} ${formatMs(r.cpuMs).padStart(9)} CPU ${formatMs(r.ms).padStart(9)} wall  ` +
      `(${r.runs} runs, same output)`,
  );
  return { ms: r.cpuMs, wall: r.ms };
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
    console.log(
      `  ${lib.padEnd(18)} ${formatMs(r.cpuMs).padStart(9)} CPU ${formatMs(r.ms).padStart(9)} wall  (${r.runs} runs, ` +
        `same output)`,
    );
    return { ms: r.cpuMs, wall: r.ms };
  }
  const note = `${n(sub.lines)} lines timed, ×${n(sub.scale)}`;
  console.log(
    `  ${lib.padEnd(18)} ${formatMs(r.cpuMs).padStart(9)} CPU ${formatMs(r.ms).padStart(9)} wall  (${r.runs} runs, ` +
      `same output; ${note}: ≈ ${formatMs(r.cpuMs * sub.scale)} CPU)`,
  );
  return { ms: r.cpuMs * sub.scale, wall: r.ms * sub.scale, extrapolated: note };
}

export async function run() {
  // The header's load is the last run's; this section may be older, so it keeps its own.
  const load = loadavg()[0] ?? 0;
  console.log("ip: generating inputs (fixed seeds) into .bench-data/ …");
  const scale = Number(process.env["AKSNET_BENCH_SCALE"] ?? 1);
  const d = workloadData(scale);
  const exe = findPython("netaddr") ?? findPython("ipaddress");
  const hasNetaddr = exe !== undefined && findPython("netaddr") === exe;
  const cidrToolsVersion = JSON.parse(
    readFileSync(new URL("../node_modules/cidr-tools/package.json", import.meta.url), "utf8"),
  ).version;
  const peers = { exe, hasNetaddr, goBin: buildGoPeer() };
  const rows = [];
  const verdicts = [];
  const misses = [];
  for (const w of workloads(d)) {
    console.log(`${w.id}: ${w.what}`);
    const r = await measureWorkload(w, peers);
    rows.push(r);
    await judge(w, r, verdicts, misses);
  }
  const lines = [
    "## IP core: workloads W1–W5 (issue 2) and W3c (issue 15)",
    "",
    `Load average (1 min) when this benchmark started: ${load.toFixed(1)} on 2 cores (CPU time is what the figures ` +
      `compare).`,
    "",
    ...(scale === 1
      ? []
      : [
          `**Smoke run: every input scaled by ${scale} (AKSNET_BENCH_SCALE); these are not the issue's workloads.**`,
          "",
        ]),
    ...methodLines(exe, hasNetaddr, cidrToolsVersion),
    ...resultLines(rows),
    ...targetLines(verdicts, misses),
  ];
  return lines.join("\n");
}

/** One workload timed in aksnet and every peer that has it. */
async function measureWorkload(w, { exe, hasNetaddr, goBin }) {
  const a = await timed("aksnet", w.aksnet, undefined, w.aksnetLines);
  const r = { w, aksnet: a };
  if (w.typed) r.typed = await timed("typed-array", w.typed, a.fp, w.typedLines);
  if (w.go) r.go = go(goBin, w, a.fp);
  if (w.cidrTools) r.cidrTools = await timed("cidr-tools", w.cidrTools, a.fp);
  if (w.cidrToolsSubset) {
    const s = w.cidrToolsSubset;
    const sub = await timed(`cidr-tools (subset)`, s.run, fingerprint(s.expected()));
    r.cidrTools = sub.ms === undefined ? sub : { ms: sub.ms * s.scale, wall: sub.wall * s.scale, extrapolated: s.note };
    if (sub.ms !== undefined)
      console.log(`  ${"cidr-tools".padEnd(18)} ≈ ${formatMs(sub.ms * s.scale)} CPU extrapolated (${s.note})`);
  }
  if (w.py) {
    r.ipaddress = python(exe, "ipaddress", w, a.fp);
    r.netaddr = hasNetaddr ? python(exe, "netaddr", w, a.fp) : { missing: "python3-netaddr is not installed" };
  }
  return r;
}

/** The workload's targets against its figures (appended to verdicts); a missed one's hot spots (appended to misses). */
async function judge(w, r, verdicts, misses) {
  const a = r.aksnet;
  const before = verdicts.length;
  for (const [peer, min] of Object.entries(w.targets)) verdicts.push(verdict(w, r, peer, min));
  const issue = ISSUE_MS[w.id];
  if (issue?.typed && issue.cidrTools && r.cidrTools?.ms !== undefined && !r.cidrTools.extrapolated) {
    // The issue's typed-array figure, scaled to this run by how cidr-tools fared here against the issue's cidr-tools
    // figure.
    const scale = r.cidrTools.ms / issue.cidrTools;
    const est = issue.typed * scale;
    verdicts.push(
      `| ${w.id} | within 1.5× of the issue's typed-array figure (${formatMs(issue.typed)}), scaled to this run by ` +
        `cidr-tools (${formatMs(r.cidrTools.ms)} here ÷ ${formatMs(issue.cidrTools)} there = ` +
        `${scale.toFixed(2)}): ≈ ${formatMs(est)} | aksnet ${formatMs(a.ms)} = ${(a.ms / est).toFixed(2)}× of it ` +
        `| ${a.ms <= 1.5 * est ? "met" : "**MISSED**"} |`,
    );
  }
  if (verdicts.slice(before).some((v) => v.includes("MISSED"))) {
    const spots = await hotSpots(w.aksnet, { runs: 1 });
    misses.push(`- ${w.id}: ${formatHotSpots(spots)}`);
    console.log(`  where aksnet's time goes: ${formatHotSpots(spots)}`);
  }
}

/** How the figures were taken. */
function methodLines(exe, hasNetaddr, cidrToolsVersion) {
  return [
    "Text in → text out: each implementation gets the input lines as strings and returns its output lines as strings;",
    "reading and writing files is not timed. Inputs come from fixed seeds (`bench/lib/data.mjs`): W1/W2 random IPv4",
    "/8–/28 (weighted towards long prefixes, a quarter with host bits set) and IPv6 /32–/64; W3–W5 100,000 subnets",
    "/24–/28 at random aligned places in 10.0.0.0/8 (real overlaps, real free space); W3c an estate's prefixes, " +
      "nested:",
    "4 on-premises /10s and 16 hub /12s covering 10.0.0.0/8 with 99,980 such subnets inside them, shuffled (every " +
      "subnet",
    "overlaps its /10 and its /12). W3c times the pair search alone, as the fleet check uses it: each implementation " +
      "returns",
    "its pairs in its own form (aksnet two `Uint32Array`s, the typed-array reference sorted codes, Go a sorted " +
      "`[]uint64`),",
    "made text only for the check. Before any figure counts, its output must equal aksnet's (line count and SHA-256).",
    "",
    "Figures are CPU time (user + system of the process, `process.cpuUsage` / Python `time.process_time`), because " +
      "this",
    "machine is shared and wall time mostly measures the neighbours; wall-clock figures are in the console log and " +
      "in the",
    "targets table. JavaScript: median of up to 5 timed runs (fewer when a run is slow: about 6 s of wall time per " +
      "figure) after up to 5 warm-up runs (about 2 s), each timed run starting after a full collection once the " +
      "collector's background threads are idle (`bench/lib/timing.mjs` says why both matter); Python: median of up " +
      "to 3 runs timed",
    "inside Python around parse + work + format (no warm-up; no JIT); Go (`bench/peers/overlap-go`, built by the " +
      "benchmark",
    "with the local toolchain): the same warm-up and runs as JavaScript, timed inside Go around parse + sweep + sort,",
    "CPU time from `getrusage` (every thread of the process, the collector's too).",
    `Peers: cidr-tools ${cidrToolsVersion}; Python ${exe ? pythonVersion(exe) : "(none)"} \`ipaddress\`` +
      `${hasNetaddr ? " and Debian's `python3-netaddr`" : "; python3-netaddr not installed"}; the typed-array ` +
      `reference is` +
      ` \`bench/peers/typed-array.mjs\` (IPv4 only, W2–W5); Go ${goVersion() ?? "(none)"} \`net/netip\` with a ` +
      `sort-and-sweep (W3c). Where a Python library has no overlap search (W3a, W3b) or no`,
    "allocator (W5), it parses and formats and a plain Python bisect/sweep/walk does the rest " +
      "(`bench/peers/python_peers.py`).",
  ];
}

/** The results table and its footnote. */
function resultLines(rows) {
  return [
    "In parentheses: the peer's time ÷ aksnet's time (above 1: aksnet is faster).",
    "",
    "| workload | aksnet | typed-array reference | Go net/netip | cidr-tools | Python ipaddress | Python netaddr |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.w.id}: ${r.w.what} | ${formatMs(r.aksnet.ms)} | ${cell(r.typed, r.aksnet.ms)} | ` +
        `${cell(r.go, r.aksnet.ms)} | ${cell(r.cidrTools, r.aksnet.ms)} | ${cell(r.ipaddress, r.aksnet.ms)} | ` +
        `${cell(r.netaddr, r.aksnet.ms)} |`,
    ),
    "",
    `¹ cidr-tools has no indexed search: \`overlapCidr\` per query (W3a) or per pair (W3b); a subset was timed (${rows
      .filter((r) => r.w.cidrToolsSubset)
      .map((r) => `${r.w.id}: ${r.w.cidrToolsSubset.note}`)
      .join(
        "; ",
      )}) and scaled by the number of comparisons, after checking the subset's output against aksnet's. The Python ` +
      `peers`,
    `merge a subset in W2 (${n(W2_PY_SUBSET)} lines, scaled linearly; ipaddress alone needs over a minute for the ` +
      `million).`,
  ];
}

/** The targets table, and where aksnet's time goes when one is missed. */
function targetLines(verdicts, misses) {
  return [
    "### Targets (issue 2; W3c: issue 15)",
    "",
    "CPU time unless marked wall. The issue's own figures come from another (idle) machine, so the last rows rescale " +
      "them",
    "by cidr-tools, the one peer timed both there and here: a check that this run's typed-array reference is as " +
      "tight as the issue's.",
    "",
    "| workload | target | aksnet vs peer (this run) | verdict |",
    "|---|---|---|---|",
    ...verdicts,
    "",
    ...(misses.length
      ? [
          "### Where aksnet's time goes (workloads with a missed target)",
          "",
          "Self time of the hottest functions in one run of aksnet's side, from V8's sampling profiler " +
            "(`bench/lib/profile.mjs`;",
          "`node --cpu-prof` gives the same). Those in `dist/ip/` belong to the IP core; `bench/peers/aksnet.mjs` is " +
            "the workload's",
          "own glue around the public API (`bench/peers/aksnet.mjs` says which functions each workload calls). V8 " +
            "charges an inlined callee's",
          "time to its caller, so a wrapper line can stand for IP-core code inlined into it.",
          "",
          ...misses,
          "",
        ]
      : []),
  ];
}
