#!/usr/bin/env node
/**
 * Builds the web planner into a directory of static files that any static host
 * can serve: index.html, with the stylesheet inline (the first paint waits for no
 * request: the page's Content-Security-Policy allows that one style by its SHA-256
 * hash, in the meta tag here and in `aksnet serve`'s header), and app-<hash>.js (a
 * name that changes with its content, so browsers may cache it for a year) and plan-worker-<hash>.js (the worker
 * that reads and checks the plan off the main thread; the page's CSP `script-src 'self'` allows it), and a brotli
 * (`.br`) and gzip (`.gz`) copy of each beside it, which `aksnet serve` (and
 * hosts such as nginx's gzip_static) send to browsers that accept them. The
 * page bundles the same library code the CLI runs; it loads nothing from
 * elsewhere.
 *
 *   node scripts/build-web.mjs [--out DIR] [--dev]
 *
 * Default output: dist/web (what `aksnet serve` serves). `npm run build:web`
 * writes web-dist/ for hosting.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { zodEnglishOnly } from "./lib/zod-english-only.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CLIENT = join(ROOT, "src", "adapters", "web", "client");
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const hashOf = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 10);

/** Writes `file` and its brotli and gzip copies. */
async function writeWithCompressed(file, bytes) {
  await writeFile(file, bytes);
  const [br, gzipped] = await Promise.all([
    brotli(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
    gz(bytes, { level: 9 }),
  ]);
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
}

/**
 * The page's first script: it loads the bundle (0.9 MB of script, fetched, compiled and run) only once the browser
 * has shown the HTML (headline, verdict line, form column): on the first `paint` performance entry, which the browser
 * reports when that frame is presented. Fetched and compiled at once (a `modulepreload`, as before), the bundle took
 * CPU from the first paint on a 2-core machine (network, compile and, run after the first frame, the bundle's
 * evaluation, while that frame was still being rasterised and drawn). Without paint timing, after the first frame; a
 * hidden tab paints no frame: a timer runs it anyway (set first: should observing throw, the timer still runs it).
 */
function bootScript(jsName) {
  return [
    `let run = () => { run = () => {}; import("./${jsName}"); };`,
    'if (document.visibilityState === "visible" && PerformanceObserver.supportedEntryTypes?.includes("paint")) {',
    "  setTimeout(() => run(), 1000);",
    '  new PerformanceObserver(() => run()).observe({ type: "paint", buffered: true });',
    "} else {",
    "  requestAnimationFrame(() => setTimeout(() => run(), 0));",
    "  setTimeout(() => run(), 250);",
    "}",
    "",
  ].join("\n");
}

/** Builds the page into `outDir`; returns the list of files written (compressed copies left out). */
export async function buildWeb({ outDir = join(ROOT, "dist", "web"), minify = true } = {}) {
  const { build } = await import("esbuild");
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const common = {
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: ["es2022"],
    minify,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
    charset: "utf8",
    plugins: [zodEnglishOnly],
  };
  // The worker that reads and checks the plan off the main thread (client/plan-worker.ts), first: the page's bundle
  // holds its hashed name.
  const worker = (await build({ ...common, format: "iife", entryPoints: { worker: join(CLIENT, "plan-worker.ts") } }))
    .outputFiles[0]?.contents;
  if (!worker) throw new Error("esbuild wrote no worker bundle");
  const workerName = `plan-worker-${hashOf(worker)}.js`;
  const result = await build({
    ...common,
    entryPoints: { app: join(CLIENT, "main.ts") },
    define: { __PLAN_WORKER__: JSON.stringify(workerName) },
  });
  const js = result.outputFiles[0]?.contents;
  if (!js) throw new Error("esbuild wrote no bundle");
  // The page's one stylesheet: the files of client/styles/ joined in name order (split by what they style), inline.
  const styles = (await readdir(join(CLIENT, "styles"))).filter((n) => n.endsWith(".css")).sort();
  const css = Buffer.concat(await Promise.all(styles.map((n) => readFile(join(CLIENT, "styles", n)))));
  const jsName = `app-${hashOf(js)}.js`;
  const boot = Buffer.from(bootScript(jsName));
  const bootName = `boot-${hashOf(boot)}.js`;
  const style = css.toString("utf8");
  if (style.includes("</")) throw new Error("a stylesheet in client/styles holds '</': it cannot be inlined");
  const styleHash = `'sha256-${createHash("sha256").update(style, "utf8").digest("base64")}'`;
  const source = await readFile(join(CLIENT, "index.html"), "utf8");
  const html = source
    .replace('<link rel="stylesheet" href="app.css">', () => `<style>${style}</style>`)
    .replace("style-src 'self'", `style-src 'self' ${styleHash}`)
    .replace('<script type="module" src="app.js"></script>', `<script type="module" src="${bootName}"></script>`);
  if (!html.includes(bootName) || !html.includes(styleHash) || html.includes("app.css"))
    throw new Error("index.html does not load app.js and app.css, or its CSP has no style-src 'self'");
  await Promise.all([
    writeWithCompressed(join(outDir, jsName), js),
    writeWithCompressed(join(outDir, workerName), worker),
    writeFile(join(outDir, bootName), boot),
    writeWithCompressed(join(outDir, "index.html"), Buffer.from(html)),
  ]);
  return ["index.html", bootName, jsName, workerName].map((f) => join(outDir, f));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf("--out");
  const outDir = i >= 0 && args[i + 1] ? resolve(args[i + 1]) : undefined;
  const files = await buildWeb({ outDir, minify: !args.includes("--dev") });
  console.log(`built the web planner: ${files.map((f) => basename(f)).join(", ")} (with .br and .gz copies)`);
}
