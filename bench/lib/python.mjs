/**
 * Runs a Python peer as a subprocess on the workload files. The script times its
 * own work with time.perf_counter (parse + compute + format, not file reading or
 * writing), writes its output lines to a file and prints a JSON line
 * {"ms": median, "runs": n} or {"missing": "reason"} when its library is absent.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DATA_DIR } from "./data.mjs";

const SCRIPT = new URL("../peers/python_peers.py", import.meta.url).pathname;

/** The first python3 that can import `module`, or undefined. */
export function findPython(module) {
  for (const exe of ["python3", "/usr/bin/python3"]) {
    const r = spawnSync(exe, ["-c", `import ${module}`], { encoding: "utf8" });
    if (r.status === 0) return exe;
  }
  return undefined;
}

export function pythonVersion(exe) {
  const r = spawnSync(exe, ["-c", "import sys; print(sys.version.split()[0])"], { encoding: "utf8" });
  return r.stdout.trim();
}

/**
 * Runs `lib` (ipaddress | netaddr) on `workload` with the given input files (the first cut to `limit` lines); returns {
 * ms, runs, output } or { missing }.
 */
export function runPython(exe, lib, workload, inputs, limit) {
  const out = join(DATA_DIR, `out-${lib}-${workload}.txt`);
  const r = spawnSync(exe, [SCRIPT, lib, workload, out, ...(limit ? ["--limit", String(limit)] : []), ...inputs], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) return { missing: `failed: ${(r.stderr || r.stdout).trim().split("\n").pop()}` };
  const result = JSON.parse(r.stdout.trim().split("\n").pop());
  if (result.missing) return result;
  const text = readFileSync(out, "utf8");
  rmSync(out);
  return { ...result, output: text === "" ? [] : text.replace(/\n$/, "").split("\n") };
}
