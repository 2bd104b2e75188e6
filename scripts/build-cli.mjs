#!/usr/bin/env node
/**
 * Bundles the CLI into dist/cli/: `aksnet.js` (the `aksnet` and `kubectl-aksnet`
 * executables) enables Node's compile cache and loads the shell; every command,
 * and every output format of a command, is a chunk loaded on demand, as the
 * dynamic imports in the source ask. Only @kubernetes/client-node and the Azure SDK
 * stay outside (loaded by `inspect` on a live cluster and by `scan` alone).
 *
 * Why (bench/startup.bench.mjs, CPU time over `node -e 0`, load average ~13):
 * - zod, yaml and js-yaml inside the bundle instead of loaded from node_modules:
 *   `aksnet check` of a small plan +195 → +109 ms on Node 20, +127 → +88 ms on Node 22
 *   (Node's loader resolving and reading ~200 package files, and the CommonJS loader).
 * - zod's ~60 message locales left out (zod-english-only): the zod chunk 734 → 418 KB.
 * - a package.json in dist/cli/ and dist/cli/chunks/ saying "module": Node stops looking
 *   for one up the tree for every chunk (2–5 ms).
 * - Tried and dropped: minifying (no measurable gain), one file without chunks (compare
 *   +20 ms: every command parses everything), CommonJS bundles per command (check +100 ms
 *   on Node 22: its compile cache did not help them).
 * A package that a dynamic import() reaches loses its named exports in the bundle (esbuild
 * gives a CommonJS module only `default` there): import packages statically, inside a
 * module that is itself loaded on demand (test/cli-bundle.test.ts runs every format).
 *
 * The `yaml` package (~260 KB) is a CommonJS file of its own (dist/cli/chunks/yaml.cjs), required on the first
 * use of one of its exports: `check` reads YAML with js-yaml and needs `yaml` only for the position of a finding
 * or `--show-resolved`, but the layout engine (which the rules use) imports it for plan edits. `aksnet check` of
 * a small plan without findings loads 824 KB of chunks instead of 1.09 MB.
 *
 * commander loads node:child_process when it loads (for subcommands that are
 * separate executables, which aksnet has none of): about 6.5 ms of every start,
 * Node compiling child_process, net and their dependencies. In the bundle that
 * require() is given a stand-in that loads the real module on first use.
 *
 * Run after tsc: it bundles tsc's JavaScript, so the library in dist/ and the CLI
 * are the same code.
 *
 *   node scripts/build-cli.mjs
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { zodEnglishOnly } from "./lib/zod-english-only.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "dist", "cli");

/** commander's `require("node:child_process")` → a proxy that requires it when a property is first read. */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(join("node_modules", "commander"))
        ? { path: "lazy-child-process", namespace: "aksnet-lazy" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "aksnet-lazy" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });',
      loader: "js",
    }));
  },
};

/** Where the lazily required `yaml` bundle is, as written in the chunk that requires it (fixed after the build). */
const YAML_MARK = "__aksnet_yaml_cjs__";
const YAML_NAMES = Object.keys(createRequire(import.meta.url)("yaml"));

/** `import … from "yaml"` → an object whose getters require the separate yaml bundle on first use. */
const lazyYaml = {
  name: "lazy-yaml",
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: "lazy-yaml", namespace: "aksnet-lazy-yaml" }));
    b.onResolve({ filter: new RegExp(`^${YAML_MARK}$`) }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: "aksnet-lazy-yaml" }, () => ({
      contents: [
        "let yaml;",
        `const load = () => (yaml ??= require(${JSON.stringify(YAML_MARK)}));`,
        `for (const k of ${JSON.stringify(YAML_NAMES)})`,
        "  Object.defineProperty(exports, k, { enumerable: true, get: () => load()[k] });",
      ].join("\n"),
      loader: "js",
    }));
  },
};

/** commander is CommonJS: its require() calls of node built-ins need a real require in ESM output. */
const BANNER =
  'import { createRequire as __aksnetRequire } from "node:module"; const require = __aksnetRequire(import.meta.url);';

await rm(OUT, { recursive: true, force: true });
await build({
  entryPoints: { aksnet: join(ROOT, "dist", "adapters", "cli", "bin.js") },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // The Azure SDK (scan) and the Kubernetes client load only in the commands that reach Azure or a cluster.
  external: ["@kubernetes/client-node", "@azure/*", "@modelcontextprotocol/sdk", "@modelcontextprotocol/sdk/*"],
  banner: { js: BANNER },
  chunkNames: "chunks/[name]-[hash]",
  plugins: [lazyChildProcess, lazyYaml, zodEnglishOnly],
  logLevel: "warning",
});
await build({
  entryPoints: [createRequire(import.meta.url).resolve("yaml")],
  outfile: join(OUT, "chunks", "yaml.cjs"),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});
// The banner only where `require` is used (3 of ~120 files): createRequire() costs every chunk that runs it
// path and URL work at load (~0.1 ms each; `check` loads ~35 chunks).
for (const dir of [OUT, join(OUT, "chunks")]) {
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".js"))) {
    const file = join(dir, name);
    const text = (await readFile(file, "utf8")).replace(
      `"${YAML_MARK}"`,
      JSON.stringify(dir === OUT ? "./chunks/yaml.cjs" : "./yaml.cjs"),
    );
    const rest = text.replace(BANNER, "");
    if (rest !== text && !/\brequire\b/.test(rest)) await writeFile(file, rest);
    else if (text.includes("yaml.cjs")) await writeFile(file, text);
  }
}
// Node looks for the package.json that decides a file's module kind from the file's directory up.
for (const dir of [OUT, join(OUT, "chunks")]) await writeFile(join(dir, "package.json"), '{ "type": "module" }\n');
console.log("bundled the CLI: dist/cli/aksnet.js");
