/**
 * Start-up (issue #12): what the CLI adds to Node's own start, per command, as the
 * difference from `node -e 0` measured in the same run. Budgets: `aksnet compare`
 * + 30 ms, `aksnet check` of a small plan + 60 ms.
 *
 * Each figure is the median of ROUNDS child processes, the variants interleaved
 * round by round (so a burst of load from other processes hits all of them alike).
 * Wall time is what a user waits; CPU time (user + system of every thread, read by
 * a preloaded module at exit, microsecond resolution) is what the budget is judged
 * on when the machine is shared: a loaded machine inflates wall time, not CPU time.
 * The CLI is the built bundle (dist/cli/aksnet.js); on Node 22+ its compile cache is
 * warm after the first start, as it is for a user.
 *
 * Runs on the Node running the benchmark, and on Node 22 and 24 when their binaries
 * are at hand (scripts/fetch-node.mjs installs them; AKSNET_NODE22 / AKSNET_NODE24 override).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { formatMs, median } from "./lib/timing.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = fileURLToPath(new URL("../dist/cli/aksnet.js", import.meta.url));
const PRELOAD = fileURLToPath(new URL("./lib/cpu-report.cjs", import.meta.url));
const ROUNDS = Number(process.env.AKSNET_STARTUP_ROUNDS ?? 25);

const VARIANTS = [
  { name: "`node -e 0` (Node's own start)", args: ["-e", "0"], exit: 0 },
  { name: "`aksnet --version`", args: [BIN, "--version"], exit: 0 },
  { name: "`aksnet compare`", args: [BIN, "compare"], exit: 0, budget: 30 },
  { name: "`aksnet size --nodes 50 --max-pods 30`", args: [BIN, "size", "--nodes", "50", "--max-pods", "30"], exit: 0 },
  { name: "`aksnet cidr info 10.224.0.0/12`", args: [BIN, "cidr", "info", "10.224.0.0/12"], exit: 0 },
  {
    name: "`aksnet check` a small plan (examples/plans/clean.yaml)",
    args: [BIN, "check", "examples/plans/clean.yaml"],
    exit: 0,
    budget: 60,
  },
  {
    name: "`aksnet check` with error findings (subnet-too-small.yaml)",
    args: [BIN, "check", "examples/plans/subnet-too-small.yaml"],
    exit: 1,
  },
];

/**
 * Where the time goes, measured by hand on 2026-12-06 (Node 22.23.5, compile cache warm, CPU over
 * `node -e 0`, load average ~13; re-measure when these parts change: .bench-data/ scripts importing
 * one chunk of dist/cli at a time, and --cpu-prof of whole runs).
 */
const WHERE = [
  "Where the time goes (Node 22, CPU over `node -e 0`, measured by hand on 2026-12-06):",
  "",
  "- the shell, every command: ~15 ms (`aksnet --version`): commander (125 KB) and the CLI's shell modules, " +
    "and ~4 ms that any first write to standard output costs Node;",
  "- `compare`: the shell + ~19 ms: the KB, IP core and capacity chunks (~170 KB) and the first, unoptimised " +
    "run of the engine and the table; about 20 chunks in all, each ~0.25 ms of Node's ES module loader;",
  "- `check`: the shell + ~70 ms, of which zod and the plan schema ~28 ms (zod's core defines its classes and " +
    "the schema builds ~1,000 schema objects when the module loads; `zod/mini` loads as slowly: the cost is the " +
    "core), zod's first parse ~10 ms (it compiles a fast path per object schema; `jitless` was not faster " +
    "overall), js-yaml, yaml and the importers ~9 ms (yaml is needed only for finding positions, but is " +
    "imported statically), the 35 rules' first run ~6 ms, and the rest Node's loader for ~26 chunks.",
  "- Node 20 has no compile cache: every start parses the chunks it loads (+10–20 ms over Node 22).",
  "",
  "Removed on 2026-12-07: the first `toLocaleString` call, which loads ICU's number formatting (the KB ran one " +
    "when it loaded; counts now go through kb `formatCount`): importing the KB chunk ~35 → ~13 ms CPU at load 13; " +
    "in `check`, the config file's zod schema and picomatch, loaded only when there is a config, baseline or " +
    "`# aksnet-ignore` to apply; `createRequire` in every chunk (now only the 3 that use `require`). Together, " +
    "interleaved A/B on Node 22 at load 12: `compare` +115 → +87 ms, `check` +246 → +207 ms CPU over `node -e 0`.",
  "",
  "Removed on 2026-12-07 (second pass; CPU over `node -e 0`, Node 22, staged imports and A/B runs at load 7–20): " +
    "zod at run time for plans: `check` no longer loads zod nor builds the plan schema (`parsePlan` walks the " +
    "schema's generated shape, `src/engines/plan/structure.ts`): zod ~39 ms, the schema ~31 ms and the first " +
    "parse ~9 ms at load 15, now under 1 ms; the `yaml` package (a CommonJS file required on first use: the layout " +
    "engine the rules use imports it) ~8–12 ms at load 15. `check` of a small plan loads 39 modules of 824 KB " +
    "(was 40 of 1.48 MB); interleaved A/B at load 15–20: +202 → +133 ms CPU; `/usr/bin/time` over 50 runs at " +
    "load 8: +190–260 → +120 ms.",
  "",
  "Measured and not worth it: Node's compile cache warm against disabled saves ~4 ms (`compare`) and ~9 ms " +
    "(`check`); a cold start that writes it costs 4–10 ms more than none (it holds only the functions compiled " +
    "before the module runs); V8 flags (semi-space size, single-threaded GC, no optimiser): no gain; reading the " +
    "plan with readFileSync instead of fs/promises: none; re-chunking the bundle with rolldown into one shared " +
    "shell group: `compare` +7 ms, `check` −9 ms; the IP core's kept PrefixAllocator at load: 0.6 ms.",
  "",
  "Removed on 2026-12-07 (third pass; CPU over `node -e 0`, Node 22, interleaved A/B): the ES module chunks " +
    "shared by all commands: the executable is now one CommonJS bundle per command (`dist/cli/lib/<command>.cjs`, " +
    "picked by `dist/cli/aksnet.js` from argv; `src/adapters/cli/dispatch.ts`): `--version` +47 → +16 ms, " +
    "`compare` +88 → +50, `check` +127 → +114 at load 19; zod a CommonJS file of its own required on first use " +
    "(as `yaml`), and whitespace and comments left out of the bundles: `check` −16 and −20 ms at load 7–8; output " +
    "written with `writeSync` instead of through `process.stdout` (which loads Node's stream and socket modules): " +
    "`--version` +22 → +11, `compare` +57 → +48, `check` +110 → +99 at load 12.",
  "",
  "Compile cache (Node 22, load 4, 25 runs): `compare` warm +45.8 ms, cold (a fresh cache directory, written " +
    "during the run) +46.5, disabled (`NODE_DISABLE_COMPILE_CACHE=1`) +52.0; `check` warm +92.8, cold +117, " +
    "disabled +103. The table's figures are warm (every variant runs once before the measured rounds), as for a " +
    "user after the first start. An unwritable cache directory (`NODE_COMPILE_CACHE`, or `TMPDIR` for the " +
    "default) leaves the CLI running without the cache.",
  "",
  "Removed on 2026-12-07 (fourth pass; instructions counted by callgrind, which a loaded machine does not " +
    "change: `valgrind --tool=callgrind --smc-check=all-non-file node dist/cli/aksnet.js …`, Node 22, cache warm, " +
    "`node -e 0` ~86 M): half of what `compare` and `check` added was V8 compiling functions on their first call " +
    "(`Runtime_CompileLazy`: `compare` 47 M of +96 M, `check` 97 M of +190 M), which Node's compile cache does " +
    "not keep (it holds a file's top level). Each bundle now loads through a code cache of its own, written after " +
    "the run with the bytecode of every function it compiled (`src/adapters/cli/code-cache.ts`): `compare` " +
    "+96 M → +47 M, `check` +190 M → +93 M; at load 12 (25 runs, CPU over `node -e 0`) `compare` +34 ms, `check` " +
    "+72 ms, against +48 and +99 at load 12 before (third pass). Time gains less than instructions: interleaved " +
    "A/B against the same bundles loaded by `require` (`perf stat -r 30`, CPU, load 4.5): `compare` 118 → 114 ms, " +
    "`check` 167 → 157 ms (`node -e 0` ~86). And Node's `tty` module (with `net` and the stream " +
    "modules) is no longer loaded to learn that standard output is a pipe or a file (one `fstat`): `compare` " +
    "into a pipe without NO_COLOR 149 M → 133 M (this benchmark sets NO_COLOR, so its figures did not show it).",
  "",
  "Where the rest goes (callgrind, Node 22): a script that only writes the version costs +5–10 M over `node -e 0` " +
    "(Node's CommonJS loader); `aksnet --version` +10–19 M, so the shell, commander and the dispatcher ~6–9 M " +
    "(2–3 ms): a lighter argv parser than commander for the run path would save at most that. `compare` (+47 M): " +
    "reading the code cache (~10 M), the KB, IP core and capacity code's first run, output, one scavenge; `check` " +
    "(+93 M): the code cache (~22 M), three scavenges (~7 M), `node:fs/promises` and the readline modules it " +
    "loads (~3 M), js-yaml, the importers, the plan's resolution and the 35 rules' first run. Functions still " +
    "compiled on first call: the dispatcher's own and Node's `vm` and `os` (~6–9 M).",
  "",
  "Removed on 2026-12-07 (fifth pass; callgrind on Node 22 with `--hash-seed=1 --random-seed=1` and the " +
    "code cache warm for those flags, instructions over `node -e 0`, 95.4 M; `node` running an empty " +
    "file: 87.3 M): `compare` +41.0 → +27.2 M, `check` of a small plan +78.7 → +63.2 M. Code a bundle " +
    "holds but never runs costs little (picomatch, 20 KB behind a CommonJS wrapper: −0.2 M when left " +
    "out); what costs is code that runs when the bundle loads, and esbuild runs every module a bundle " +
    "keeps that an index re-exports. (1) aksnet's modules bundled as free of side effects, so that a " +
    "bundle keeps only the modules whose exports it uses: `compare` 270 → 182 KB, −9.5 M. (2) `check` " +
    "without the fleet and inspect engines, which it held only for the rule ids a config may name (now " +
    "`lib/config-rule-ids.cjs`, required when there is a config): 807 → 594 KB, −13 M, of which running " +
    "modules −7 M, reading the code cache −2.6 M, one scavenge fewer. (3) The process ends as soon as the " +
    "run is over when nothing is pending, instead of one more turn of the event loop that ran V8's queued " +
    "tasks, a scavenge among them: `compare` −2.9 M (no garbage collection left), `check` −0.9 M. (4) No " +
    "`node:os` to find the temporary directory: −1.6 M. Not worth it: V8's `--no-sparkplug` (`check` −1.7 " +
    "M, `compare` +0.5 M); the plan schema's shape as `JSON.parse` of a string instead of an object " +
    "literal (−0.3 M).",
  "",
  "Method: each child gets the same preload (`-r bench/lib/cpu-report.cjs`, which reads " +
    "`process.cpuUsage()` at `exit`), `node -e 0` too; it costs both sides alike (callgrind: `node -e 0` " +
    "+1.68 M, `compare` +1.89 M, `check` +1.96 M), so it does not inflate the differences. Worker threads " +
    "account for no measurable CPU in these runs (per-thread times from /proc at exit: all on the main " +
    "thread), so CPU time is the main thread's. The figures stop at `exit` and leave out the process's " +
    "teardown, which hyperfine's wall time includes; hyperfine also sends output to /dev/null where this " +
    "benchmark reads it from a pipe. Differences between the two come from load (hyperfine's wall time " +
    "waits for the CPU) more than from method.",
].join("\n");

/** The Node binaries to measure: this one, and 22 and 24 when available. */
async function nodes() {
  const out = [{ label: `Node ${process.versions.node}`, path: process.execPath }];
  for (const major of [22, 24]) {
    if (process.versions.node.startsWith(`${major}.`)) continue;
    let path = process.env[`AKSNET_NODE${major}`];
    if (!path) {
      const fetcher = new URL("../scripts/fetch-node.mjs", import.meta.url);
      if (existsSync(fileURLToPath(fetcher))) {
        try {
          path = await (await import(fetcher.href)).fetchNode(major);
        } catch (e) {
          console.log(`startup: no Node ${major} (${e instanceof Error ? e.message : e}); skipped`);
        }
      }
    }
    if (path && existsSync(path)) {
      const v = spawnSync(path, ["--version"], { encoding: "utf8" }).stdout.trim().replace(/^v/, "");
      out.push({ label: `Node ${v}`, path });
    }
  }
  return out;
}

/** A difference with its sign: `+4.1 ms`, `−11.2 ms` (a loaded machine can make a command's wall time the lower). */
function signed(ms) {
  return `${ms < 0 ? "−" : "+"}${formatMs(Math.abs(ms))}`;
}

function once(node, v) {
  const t = performance.now();
  const r = spawnSync(node, ["-r", PRELOAD, ...v.args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe", "pipe"],
  });
  const wall = performance.now() - t;
  if (r.status !== v.exit) throw new Error(`${v.args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: Number(String(r.output[3]).trim()) / 1000 };
}

function measureOn(node) {
  for (const v of VARIANTS) once(node, v); // warm the compile cache and the file system cache
  const samples = VARIANTS.map(() => ({ wall: [], cpu: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    VARIANTS.forEach((v, i) => {
      const s = once(node, v);
      samples[i].wall.push(s.wall);
      samples[i].cpu.push(s.cpu);
    });
  }
  return samples.map((s) => ({ wall: median(s.wall), cpu: median(s.cpu) }));
}

export async function run() {
  const load = loadavg()[0];
  const rows = [];
  const verdicts = [];
  for (const node of await nodes()) {
    const m = measureOn(node.path);
    const base = m[0];
    VARIANTS.forEach((v, i) => {
      const r = m[i];
      const dCpu = r.cpu - base.cpu;
      const dWall = r.wall - base.wall;
      const verdict =
        v.budget === undefined ? "" : dCpu <= v.budget ? `within +${v.budget} ms` : `OVER +${v.budget} ms`;
      if (v.budget !== undefined) verdicts.push(`${node.label} ${v.name}: ${signed(dCpu)} CPU (${verdict})`);
      rows.push(
        `| ${node.label} | ${v.name} | ${formatMs(r.wall)} | ${formatMs(r.cpu)} | ` +
          `${i === 0 ? "" : signed(dWall)} | ${i === 0 ? "" : signed(dCpu)} | ${verdict} |`,
      );
      console.log(
        `startup: ${node.label} ${v.args.slice(1).join(" ") || "-e 0"}: ${formatMs(r.wall)} wall, ${formatMs(r.cpu)} ` +
          `CPU`,
      );
    });
  }
  return [
    "## Start-up: what each command adds to Node's own start",
    "",
    "Budgets (issue #12), as differences from `node -e 0` in the same run: `aksnet compare` + 30 ms, " +
      "`aksnet check` of a small plan + 60 ms. Medians of " +
      `${ROUNDS} child processes per row, the rows interleaved; judged on CPU time (user + system, every thread), ` +
      `which a shared machine inflates less than wall time (load average ${load.toFixed(1)} at the start of this run).`,
    "",
    "| Node | command | wall | CPU | + wall | + CPU | budget |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ...rows,
    "",
    ...verdicts.map((v) => `- ${v}`),
    "",
    WHERE,
  ].join("\n");
}
