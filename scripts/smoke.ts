/**
 * The smoke run of the built CLI on whatever Node.js runs this script: every
 * `$ aksnet …` example of docs/ through `dist/cli/aksnet.js` in a child process
 * (standard output and exit code as documented), `--version`, every command's
 * `--help`, a bad flag (exit 2, one line), and `serve --port 0` answering a request.
 * `.ci/run` runs it on Node.js 22 and 24; the whole suite runs on the machine's Node.
 *
 *   npm run build && node node_modules/tsx/dist/cli.mjs scripts/smoke.ts
 *
 * Ends with the line "N passed, N failed" and exits 1 when anything failed.
 */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { commands } from "../src/adapters/cli/commands.js";
import { docExamples } from "../test/docs-examples.js";

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "dist", "cli", "aksnet.js");
const ENV = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail = ""): void {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL ${name}${detail ? `\n${detail}` : ""}`);
  }
}

function aksnet(argv: readonly string[]): { stdout: string; stderr: string; code: number } {
  const r = spawnSync(process.execPath, [CLI, ...argv], { cwd: ROOT, env: ENV, input: "", encoding: "utf8" });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? markdownFiles(p) : n.endsWith(".md") ? [p] : [];
  });
}

function firstDifference(a: string, b: string): string {
  const x = a.split("\n");
  const y = b.split("\n");
  const i = x.findIndex((l, k) => l !== y[k]);
  return `  line ${i + 1}\n  want: ${JSON.stringify(x[i])}\n  got:  ${JSON.stringify(y[i])}`;
}

function documentedExamples(): void {
  for (const file of markdownFiles(join(ROOT, "docs"))) {
    for (const ex of docExamples(readFileSync(file, "utf8"))) {
      const r = aksnet(ex.argv);
      const name = `${file.slice(ROOT.length + 1)}: $ ${ex.command}`;
      const shown = ex.stream === "stderr" ? r.stderr : r.stdout;
      const quiet = ex.stream === "stdout" || r.stdout === "";
      const same = shown.trimEnd() === ex.expected.trimEnd() && quiet && r.code === ex.exit;
      check(name, same, same ? "" : `  exit ${r.code} (want ${ex.exit})\n${firstDifference(ex.expected, shown)}`);
    }
  }
}

function shell(): void {
  const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
  const v = aksnet(["--version"]);
  check("--version", v.code === 0 && v.stdout === `${version}\n`, v.stdout + v.stderr);
  for (const c of commands) {
    const h = aksnet([c.name, "--help"]);
    check(`${c.name} --help`, h.code === 0 && h.stdout.includes(`Usage: aksnet ${c.name}`), h.stderr);
  }
  const bad = aksnet(["compare", "--subnet", "10.0.0.0/33"]);
  check(
    "a bad flag: exit 2, one line",
    bad.code === 2 && bad.stdout === "" && bad.stderr.split("\n").length === 2,
    bad.stderr,
  );
}

async function serve(): Promise<void> {
  const child = spawn(process.execPath, [CLI, "serve", "--port", "0"], { cwd: ROOT, env: ENV });
  try {
    const url = await new Promise<string>((done, fail) => {
      let out = "";
      const timer = setTimeout(() => fail(new Error(`no address within 20 s: ${out}`)), 20_000);
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString("utf8");
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) {
          clearTimeout(timer);
          done(m[0]);
        }
      });
      child.on("exit", (code) => fail(new Error(`serve exited ${code}: ${out}`)));
    });
    const res = await fetch(url);
    const body = await res.text();
    check("serve --port 0 answers with the page", res.status === 200 && body.includes("<html"), `${res.status}`);
  } catch (e) {
    check("serve --port 0 answers with the page", false, String(e));
  } finally {
    child.kill("SIGTERM");
  }
}

console.log(`smoke: Node.js ${process.versions.node}, ${CLI.slice(ROOT.length + 1)}`);
shell();
documentedExamples();
await serve();
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
