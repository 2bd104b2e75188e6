#!/usr/bin/env node
/**
 * Bundles the CLI into dist/cli/: `aksnet.js` (the `aksnet` and `kubectl-aksnet`
 * executables) holds what every command needs, commander included, and the
 * commands' heavier parts stay in chunks loaded on demand, as the dynamic imports
 * in the source ask. The runtime packages with weight of their own
 * (@kubernetes/client-node, yaml, js-yaml, zod) stay outside the bundle and load
 * only in the commands that use them.
 *
 * Why: started from the ~50 modules tsc writes, `aksnet compare` spent 20-30 ms
 * of its start resolving and loading files (hyperfine, 40 runs each: 166 ms from
 * dist/adapters/cli/bin.js, 136 ms from the bundle; `node -e 0` took 111 ms).
 * Run after tsc: it bundles tsc's JavaScript, so the library in dist/ and the CLI
 * are the same code.
 *
 * commander loads node:child_process when it loads (for subcommands that are
 * separate executables, which aksnet has none of): about 6.5 ms of every start,
 * Node compiling child_process, net and their dependencies. In the bundle that
 * require() is given a stand-in that loads the real module on first use.
 *
 *   node scripts/build-cli.mjs
 */
import { rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

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

await rm(OUT, { recursive: true, force: true });
await build({
  entryPoints: { aksnet: join(ROOT, "dist", "adapters", "cli", "bin.js") },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["@kubernetes/client-node", "yaml", "js-yaml", "zod", "@azure/*"],
  // commander is CommonJS: its require() calls of node built-ins need a real require in ESM output.
  banner: {
    js: 'import { createRequire as __aksnetRequire } from "node:module"; const require = __aksnetRequire(import.meta.url);',
  },
  chunkNames: "chunks/[name]-[hash]",
  plugins: [lazyChildProcess],
  logLevel: "warning",
});
console.log("bundled the CLI: dist/cli/aksnet.js");
