#!/usr/bin/env node
/**
 * Bundles the CLI into dist/cli/, CommonJS: `aksnet.js` (the `aksnet` and `kubectl-aksnet`
 * executables) turns Node's compile cache on, reads which command argv names
 * (src/adapters/cli/dispatch.ts) and requires that command's bundle, `lib/<command>.cjs`,
 * one file with the shell, the command and everything it imports (its output formats
 * too, evaluated on first use); argv naming no command (`--version`, `--help`, an unknown
 * one) runs `lib/shell.cjs`. Every bundle runs the same shell (src/adapters/cli/bundle.ts).
 * Only @kubernetes/client-node, the MCP SDK and the Azure SDK stay outside (loaded by
 * `inspect` on a live cluster, `mcp` and `scan`).
 *
 * Why (bench/startup.bench.mjs, CPU time over `node -e 0`):
 * - One CommonJS file per command instead of ES module chunks shared by all commands
 *   (Node 22, interleaved A/B at load 19): `--version` +47 → +16 ms, `compare` +88 → +50,
 *   `check` of a small plan +127 → +114. Node's ES module loader costs per module (resolve,
 *   link, instantiate: `compare` loaded 25 chunks, `check` 39) and in total (~6 ms for a
 *   one-line ES module over a CommonJS one); the compile cache covers CommonJS as well, as
 *   long as it is on before the bundle is required (the earlier try at CommonJS bundles
 *   enabled it inside the bundle: too late, hence its +100 ms). The price is size on disk:
 *   shared code is in every bundle (dist/cli ~15 MB against 2.6 MB).
 * - zod, yaml and js-yaml inside the bundle instead of loaded from node_modules:
 *   `aksnet check` of a small plan +195 → +109 ms on Node 20, +127 → +88 ms on Node 22
 *   (Node's loader resolving and reading ~200 package files, and the CommonJS loader).
 * - zod's ~60 message locales left out (zod-english-only): the zod chunk 734 → 418 KB.
 * - a package.json in dist/cli/ saying "commonjs": Node stops looking for one up the tree.
 * - Whitespace and comments left out (esbuild's minifyWhitespace; check.cjs 1.08 MB → 0.78 MB): Node reads,
 *   hashes and decodes less of each bundle (A/B on Node 22 at load 7: `check` −20 ms, `compare` −4 ms CPU; the
 *   earlier try, on ES module chunks, measured no gain).
 * - Each bundle loaded through a code cache of its own (src/adapters/cli/code-cache.ts) that holds the bytecode
 *   of every function a run compiled, where Node's compile cache holds only each file's top level: callgrind on
 *   Node 22, instructions over `node -e 0`: `compare` +96 M → +55 M, `check` of a small plan +190 M → +100 M.
 *   Those bundles are written with their CommonJS wrapper around them (only that loader runs them).
 * esbuild gives a CommonJS package reached by a dynamic import() its named exports through
 * __toESM, but test/cli-bundle.test.ts runs every format of every command through the bundle.
 *
 * The `yaml` package (~260 KB) and zod (~400 KB) are CommonJS files of their own (dist/cli/lib/yaml.cjs, zod.cjs),
 * required on the first use of one of their exports: `check` reads YAML with js-yaml and needs `yaml` only for
 * the position of a finding or `--show-resolved`, but the layout engine (which the rules use) imports it for plan
 * edits; zod is for config files and fleet files only. `check` of a small plan: −16 ms CPU (A/B, Node 22, load 8).
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
import { createHash } from "node:crypto";
import { chmod, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
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

/**
 * Packages each bundled once into a CommonJS file of their own (lib/<name>.cjs), which a bundle requires on the
 * first use of one of their exports: `import { z } from "zod"` gives an object whose getters require it.
 */
const LAZY_PACKAGES = ["yaml", "zod"];
const requireHere = createRequire(import.meta.url);
const DIST_CLI = join(ROOT, "dist", "adapters", "cli");

/**
 * aksnet's own modules bundled the same way (lib/<name>.cjs, required on first use), by name and file: code that a
 * bundle holds but a typical run never reaches still costs every start (Node reads the text, V8 reads the code
 * cache's part for it), and an import() inside a bundle only defers running a module, not holding it. Only a module
 * whose callers get plain data (strings, plain objects) from it may be one: it has its own copies of the modules it
 * shares with the bundle (its classes and module state are not the bundle's).
 */
const LAZY_MODULES = { "config-rule-ids": join(DIST_CLI, "check", "config-rule-ids.js") };
const lazyNames = {
  ...Object.fromEntries(LAZY_PACKAGES.map((name) => [name, Object.keys(requireHere(name))])),
  ...Object.fromEntries(
    await Promise.all(
      Object.entries(LAZY_MODULES).map(async ([name, file]) => [name, Object.keys(await import(pathToFileURL(file)))]),
    ),
  ),
};

const lazyPackages = {
  name: "lazy-packages",
  setup(b) {
    b.onResolve({ filter: /^\.\/[\w-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    for (const name of LAZY_PACKAGES) {
      b.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: name, namespace: "aksnet-lazy-package" }));
    }
    for (const [name, file] of Object.entries(LAZY_MODULES)) {
      // Not in the module's own bundle (its entry imports it by its absolute path).
      b.onResolve({ filter: new RegExp(`/${name}\\.js$`) }, (args) =>
        !isAbsolute(args.path) && resolve(args.resolveDir, args.path) === file
          ? { path: name, namespace: "aksnet-lazy-package" }
          : undefined,
      );
    }
    b.onLoad({ filter: /.*/, namespace: "aksnet-lazy-package" }, (args) => ({
      contents: [
        "let pkg;",
        `const load = () => (pkg ??= require(${JSON.stringify(`./${args.path}.cjs`)}));`,
        `for (const k of ${JSON.stringify(lazyNames[args.path])})`,
        "  Object.defineProperty(exports, k, { enumerable: true, get: () => load()[k] });",
      ].join("\n"),
      loader: "js",
    }));
  },
};

/**
 * aksnet's own modules marked free of side effects (as `"sideEffects": false` in a package.json would): a bundle
 * keeps a module only when it uses one of its exports, where before it kept every module an index re-exports with
 * each module's top-level code (the KB's tables are built by function calls, which esbuild must assume have
 * effects). No module of aksnet has an effect at import beyond its own bindings (test/cli-bundle.test.ts runs
 * every command's formats through the bundles). `compare` 270 → 182 KB; callgrind on Node 22, instructions over
 * `node -e 0`: `compare` +41.0 M → +31.5 M.
 */
const pureModules = {
  name: "pure-modules",
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (!args.importer.startsWith(join(ROOT, "dist")) || args.importer.includes("node_modules")) return undefined;
      if (args.path.endsWith(".cjs")) return undefined;
      return { path: resolve(args.resolveDir, args.path), sideEffects: false };
    });
  },
};
const { COMMAND_LIST } = await import(pathToFileURL(join(DIST_CLI, "command-list.js")).href);
const { wrappedModule } = await import(pathToFileURL(join(DIST_CLI, "code-cache.js")).href);

/** `import.meta.url` (serve finds the package's directory from it) in a CommonJS bundle: this file's URL. */
const META_URL = "__aksnetImportMetaUrl";
const META_URL_LINE = `const ${META_URL} = require("node:url").pathToFileURL(__filename).href;\n`;

/** One bundle: a CommonJS file with everything `contents` imports but the packages loaded on demand. */
async function bundle(contents, outfile, extra = {}) {
  const { metafile } = await build({
    stdin: { contents, resolveDir: DIST_CLI, sourcefile: basename(outfile), loader: "js" },
    outfile,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    // The Azure SDK (scan) and the Kubernetes client load only in the commands that reach Azure or a cluster.
    external: ["@kubernetes/client-node", "@azure/*", "@modelcontextprotocol/sdk", "@modelcontextprotocol/sdk/*"],
    define: { "import.meta.url": META_URL },
    plugins: [lazyChildProcess, lazyPackages, pureModules, zodEnglishOnly],
    legalComments: "none",
    // Whitespace and comments out (names kept: stack traces under AKSNET_DEBUG still name functions).
    minifyWhitespace: true,
    logLevel: "warning",
    metafile: true,
    ...extra,
  });
  const text = await readFile(outfile, "utf8");
  await writeFile(outfile, text.includes(META_URL) ? META_URL_LINE + text : text);
  // Whether it has an import(): of a package (the metafile says) or of a computed URL (only the text does; the
  // bundles hold no comments, so a match is code or, at worst, a string: then the bundle is not cached).
  const dynamic = Object.values(metafile.outputs).some((o) => o.imports.some((i) => i.kind === "dynamic-import"));
  return dynamic || /\bimport\(/.test(text);
}

await rm(OUT, { recursive: true, force: true });
/** The bundles the code cache holds: those without an import() (a cached script cannot run one). */
const cached = ["shell", ...LAZY_PACKAGES, ...Object.keys(LAZY_MODULES)];
for (const { name } of COMMAND_LIST) {
  const imports = await bundle(
    [
      `import def from "./${name}/command.js";`,
      'import { startBundle } from "./bundle.js";',
      `export const start = (argv) => startBundle(${JSON.stringify(name)}, def, argv);`,
    ].join("\n"),
    join(OUT, "lib", `${name}.cjs`),
  );
  if (!imports) cached.push(name);
}
await bundle(
  'import { startBundle } from "./bundle.js";\nexport const start = (argv) => startBundle(undefined, undefined, argv);',
  join(OUT, "lib", "shell.cjs"),
);
for (const name of LAZY_PACKAGES) {
  await build({
    // Through an ES module import, so that esbuild picks the packages' ES module builds (zod-english-only acts there).
    stdin: { contents: `export * from ${JSON.stringify(name)};`, resolveDir: ROOT, loader: "js" },
    outfile: join(OUT, "lib", `${name}.cjs`),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    plugins: [zodEnglishOnly],
    legalComments: "none",
    logLevel: "warning",
  });
}
for (const [name, file] of Object.entries(LAZY_MODULES)) {
  if (await bundle(`export * from ${JSON.stringify(file)};`, join(OUT, "lib", `${name}.cjs`)))
    throw new Error(`build-cli: lib/${name}.cjs has an import(): it cannot be a lazily required bundle.`);
}
// The dispatcher, last: it holds every bundle's hash, the key of its code cache (src/adapters/cli/code-cache.ts).
// It reads which command argv names and loads that command's bundle (or the shell's), through the code cache, or
// after turning Node's compile cache on (Node 22.1+) for a bundle with an import() and the packages it loads.
// The commands' bundles it holds are written wrapped (wrappedModule: a function expression, compiled as read);
// yaml.cjs, zod.cjs and the lazy modules stay plain CommonJS: bundles with an import() require them through Node's
// require.
const hashes = {};
for (const name of cached) {
  const file = join(OUT, "lib", `${name}.cjs`);
  const text =
    LAZY_PACKAGES.includes(name) || name in LAZY_MODULES
      ? await readFile(file, "utf8")
      : wrappedModule(await readFile(file, "utf8"));
  await writeFile(file, text);
  hashes[name] = createHash("sha256").update(text).digest("hex").slice(0, 16);
}
// Node's compile cache only for a bundle the code cache does not hold: turning it on loads node:module, Node's ES
// module loader and node:os (callgrind on Node 22: ~7.5 M instructions, more than compiling the dispatcher).
await bundle(
  [
    'import { join } from "node:path";',
    'import { CodeCache } from "./code-cache.js";',
    'import { bundleFor, exitWhenIdle, keepsCodeCache } from "./dispatch.js";',
    "const argv = process.argv.slice(2);",
    'const name = bundleFor(argv) ?? "shell";',
    `const hashes = ${JSON.stringify(hashes)};`,
    'if (hashes[name] === undefined) require("node:module").enableCompileCache?.();',
    'const cache = new CodeCache(join(__dirname, "lib"), hashes, require);',
    "cache.require(name).start(argv).then((code) => {",
    "  process.exitCode = code;",
    "  if (keepsCodeCache(name, argv, code)) cache.save();",
    "  exitWhenIdle();",
    "});",
  ].join("\n"),
  join(OUT, "aksnet.js"),
  { banner: { js: "#!/usr/bin/env node" } },
);
await chmod(join(OUT, "aksnet.js"), 0o755);
// The executable is CommonJS; a package.json beside it says so (the package's own says "module"), and Node stops
// looking for one up the tree.
await writeFile(join(OUT, "package.json"), '{ "type": "commonjs" }\n');
console.log("bundled the CLI: dist/cli/aksnet.js");
