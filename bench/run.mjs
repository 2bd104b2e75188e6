/**
 * The benchmark runner: `npm run bench` (builds, then `node --expose-gc bench/run.mjs`).
 *
 * Contract for a benchmark: a file `bench/<name>.bench.mjs` exporting
 *   export async function run(): Promise<string>
 * that prints its figures to stdout as it goes and returns one Markdown section
 * (starting with a `## ` heading): a table of its figures, and ratios against the
 * peers its issue names, measured in the same run. Benchmarks import the
 * compiled `dist/` code, generate their data from fixed seeds (data files go in
 * `.bench-data/`, git-ignored) and should finish within about two minutes.
 *
 * `node --expose-gc bench/run.mjs [name…]` runs only the named benchmarks (`ip`
 * for ip.bench.mjs). `AKSNET_BENCH_SCALE=0.05` asks benchmarks that support it
 * for a quick smoke run on smaller inputs (the report says so; do not commit it). For the web benchmark's Event
 * Timing during development: `--kinds=model,paste` (or AKSNET_BENCH_KINDS) measures only those kinds of edit
 * (nodes, form, model, key, paste) and nothing else, `--samples=20` (or AKSNET_BENCH_SAMPLES) sets the edits per
 * kind (80); a partial run's section says so (do not commit it). The runner rewrites
 * `docs/performance.md`: a header naming
 * the date, CPU, cores, Node version and command, then one section per benchmark
 * in file-name order. Sections of benchmarks not run this time are kept from the
 * previous file (each section sits between `<!-- bench:name -->` markers and says
 * when it was measured). A benchmark that throws keeps its previous section and
 * makes the run exit with code 1.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";

const BENCH_DIR = new URL("./", import.meta.url);
const OUT = new URL("../docs/performance.md", import.meta.url);

const names = readdirSync(BENCH_DIR)
  .filter((f) => f.endsWith(".bench.mjs"))
  .map((f) => f.slice(0, -".bench.mjs".length))
  .sort();
const args = process.argv.slice(2);
// Options for the web benchmark, passed on as the environment it reads.
const OPTIONS = { "--kinds": "AKSNET_BENCH_KINDS", "--samples": "AKSNET_BENCH_SAMPLES" };
for (const a of args.filter((x) => x.startsWith("--"))) {
  const [flag, value] = a.split("=", 2);
  if (!(flag in OPTIONS) || !value) {
    console.error(`bench: unknown option "${a}"; the options are --kinds=model,paste and --samples=N.`);
    process.exit(2);
  }
  process.env[OPTIONS[flag]] = value;
}
const wanted = args.filter((x) => !x.startsWith("--"));
for (const w of wanted) {
  if (!names.includes(w)) {
    console.error(`bench: no benchmark named "${w}"; there are: ${names.join(", ")}.`);
    process.exit(2);
  }
}

function cpuModel() {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) return m[1].trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? "unknown";
}

const previous = existsSync(OUT) ? readFileSync(OUT, "utf8") : "";
const kept = (name) => {
  const m = new RegExp(`<!-- bench:${name} -->\\n([\\s\\S]*?)<!-- /bench:${name} -->`).exec(previous);
  return m ? m[1] : undefined;
};

const today = new Date().toISOString().slice(0, 10);
const loadAtStart = loadavg()[0];
const sections = [];
for (const name of names) {
  if (wanted.length && !wanted.includes(name)) {
    const old = kept(name);
    if (old) sections.push({ name, text: old });
    continue;
  }
  console.log(`\n=== bench: ${name} ===`);
  try {
    const mod = await import(new URL(`./${name}.bench.mjs`, BENCH_DIR).href);
    const text = (await mod.run()).trim();
    sections.push({ name, text: `${text}\n\n_Measured ${today} (\`node --expose-gc bench/run.mjs ${name}\`)._\n` });
  } catch (e) {
    // One broken benchmark must not cost the others their figures: keep its previous section and fail the run.
    console.error(`bench: ${name} failed: ${e instanceof Error ? e.stack : e}`);
    process.exitCode = 1;
    const old = kept(name);
    if (old) sections.push({ name, text: old });
  }
}

const header = [
  "# Performance",
  "",
  "Written by `npm run bench` (`bench/run.mjs`); do not edit by hand. Budgets are kept by these benchmarks, never by",
  "timed unit tests. Figures depend on the machine; ratios against peers measured in the same run are what count.",
  "",
  `- Date: ${today}`,
  `- CPU: ${cpuModel()}, ${cpus().length} cores; memory ${Math.round(totalmem() / 2 ** 30)} GiB`,
  `- Node.js: ${process.version} (${process.platform} ${process.arch})`,
  `- Load average (1 min) when the run started: ${loadAtStart.toFixed(1)} on ${cpus().length} ` +
    `cores${loadAtStart > cpus().length ? " (a busy machine: compare ratios, not absolute figures)" : ""}`,
  "- Command: `npm run bench` (or `node --expose-gc bench/run.mjs NAME` for one benchmark)",
  "",
].join("\n");
const body = sections
  .map((s) => `<!-- bench:${s.name} -->\n${s.text.trimEnd()}\n<!-- /bench:${s.name} -->\n`)
  .join("\n");
writeFileSync(OUT, `${header}\n${body}`);
console.log(`\nbench: wrote docs/performance.md (${sections.length} section${sections.length === 1 ? "" : "s"}).`);
