/**
 * The Go peer (bench/peers/overlap-go): built with the local Go toolchain (Debian's
 * `golang-go`; offline, the standard library only) into .bench-data/, then run on a
 * workload file. Like the Python peers it times its own work (parse + compute, not
 * file reading or formatting) and prints {"ms", "cpuMs", "runs"}; its output lines
 * are read back and compared with aksnet's before its figure counts.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DATA_DIR } from "./data.mjs";

const SOURCE = new URL("../peers/overlap-go/main.go", import.meta.url).pathname;

/** The Go version, or undefined when no Go toolchain is installed. */
export function goVersion() {
  const r = spawnSync("go", ["version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim().split(" ")[2] : undefined;
}

/** Builds the peer; returns the binary's path or { missing }. */
export function buildGoPeer() {
  if (!goVersion()) return { missing: "no Go toolchain (apt-get install golang-go)" };
  const bin = join(DATA_DIR, "overlap-go");
  const r = spawnSync("go", ["build", "-o", bin, SOURCE], {
    encoding: "utf8",
    env: { ...process.env, GOFLAGS: "-mod=mod", GOPROXY: "off", GOTOOLCHAIN: "local", GO111MODULE: "on" },
  });
  return r.status === 0 ? { bin } : { missing: `go build failed: ${(r.stderr || r.stdout).trim().split("\n").pop()}` };
}

/** Runs the built peer on `input`; returns { ms, cpuMs, runs, output } or { missing }. */
export function runGoPeer(bin, input) {
  const out = join(DATA_DIR, "out-go.txt");
  const r = spawnSync(bin, [out, input], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) return { missing: `failed: ${(r.stderr || r.stdout).trim().split("\n").pop()}` };
  const result = JSON.parse(r.stdout.trim().split("\n").pop());
  const text = readFileSync(out, "utf8");
  rmSync(out);
  return { ...result, output: text === "" ? [] : text.replace(/\n$/, "").split("\n") };
}
