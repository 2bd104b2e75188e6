#!/usr/bin/env node
/**
 * Builds the web planner into a directory of static files (index.html, app.js,
 * app.css) that any static host can serve. The page bundles the same library
 * code the CLI runs; it loads nothing from elsewhere.
 *
 *   node scripts/build-web.mjs [--out DIR] [--dev]
 *
 * Default output: dist/web (what `aksnet serve` serves). `npm run build:web`
 * writes web-dist/ for hosting.
 */
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { zodEnglishOnly } from "./lib/zod-english-only.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CLIENT = join(ROOT, "src", "adapters", "web", "client");

/** Builds the page into `outDir`; returns the list of files written. */
export async function buildWeb({ outDir = join(ROOT, "dist", "web"), minify = true } = {}) {
  const { build } = await import("esbuild");
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: { app: join(CLIENT, "main.ts") },
    outdir: outDir,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["es2022"],
    minify,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
    charset: "utf8",
    plugins: [zodEnglishOnly],
  });
  await copyFile(join(CLIENT, "index.html"), join(outDir, "index.html"));
  await copyFile(join(CLIENT, "app.css"), join(outDir, "app.css"));
  return ["index.html", "app.js", "app.css"].map((f) => join(outDir, f));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf("--out");
  const outDir = i >= 0 && args[i + 1] ? resolve(args[i + 1]) : undefined;
  const files = await buildWeb({ outDir, minify: !args.includes("--dev") });
  console.log(`built the web planner: ${files.map((f) => f.slice(ROOT.length + 1)).join(", ")}`);
}
