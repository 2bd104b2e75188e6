/**
 * Real JSON outputs of every command, for the output-schema test: each documented example
 * (`$ aksnet …` in docs/) run again with `-o json`, plus runs over the examples/ that the
 * docs do not show as JSON (policy, SARIF-only and file-writing cases left out).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { memoryIo } from "../src/adapters/cli/io.js";
import { run } from "../src/adapters/cli/main.js";
import { docExamples } from "./docs-examples.js";

export interface Sample {
  readonly command: string;
  readonly json: unknown;
}

/** Commands without JSON output, and options that write files or print something else than the result. */
const NO_JSON = new Set(["serve", "completion", "mcp"]);
const NOT_RESULT = new Set(["--write", "--out-dir", "--emit-plan", "--show-queries", "--help", "-h", "--version"]);

/** Runs beyond the docs' own examples: every example file through the commands that read it. */
const EXTRA: readonly string[][] = [
  ...["clean", "dns-outside-service-cidr", "kubenet-too-many-nodes", "pod-cidr-overlaps-vnet", "schema-errors"].map(
    (p) => ["check", `examples/plans/${p}.yaml`, "--show-resolved"],
  ),
  ["check", "examples/ci/suppressed.yaml", "--config", "examples/ci/aksnet.config.yaml"],
  ["check", "examples/imports/aks-show.json", "examples/imports/vnet-show.json"],
  ["size", "--pools", "examples/pools.yaml"],
  ["size", "--pools", "examples/generate/automatic-custom-vnet.yaml", "-o", "json"],
  ["compare", "--subnet", "fd00::/64"],
  ["recommend", "--nodes", "20", "--windows"],
  ...["az", "bicep", "terraform"].map((f) => ["generate", "--format", f, "examples/generate/overlay-cilium-vnet.yaml"]),
  ["generate", "--format", "terraform", "examples/generate/fleet.yaml"],
  ["migrate", "examples/recommend/kubenet.yaml", "--to", "overlay", "--dataplane", "cilium"],
  ["layout", "examples/layout/no-room.yaml"],
  ["scan", "--from", "examples/scan/az-aks-list.json", "examples/scan/az-network-vnet-list.json"],
  ["fleet", "check", "examples/fleet/fleet.yaml"],
  ["fleet", "allocate", "examples/fleet/overlapping.yaml"],
  ["cidr", "free", "10.224.0.0/20", "-f", "examples/cidr/used.txt"],
  ["cidr", "overlaps", "10.1.0.0/16", "--against", "examples/cidr/onprem.txt"],
  ["cidr", "info", "2001:db8::/32", "10.0.0.0/8"],
];

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? markdownFiles(p) : n.endsWith(".md") ? [p] : [];
  });
}

/** The argv with `-o json` in place of any other format, or undefined when the run gives no JSON result. */
function asJson(argv: readonly string[]): string[] | undefined {
  if (argv.length === 0 || NO_JSON.has(argv[0]!) || argv.some((a) => NOT_RESULT.has(a.split("=")[0]!)))
    return undefined;
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "-o" || a === "--output") i++;
    else if (!a.startsWith("--output=")) out.push(a);
  }
  return [...out, "-o", "json"];
}

/** The command argv's kind of output: `fleet check`, `cidr split`, or the command. */
function commandOf(argv: readonly string[]): string {
  return argv[0] === "fleet" || argv[0] === "cidr" ? `${argv[0]} ${argv[1]}` : argv[0]!;
}

export async function outputSamples(root: string): Promise<Sample[]> {
  const runs = new Map<string, string[]>();
  for (const file of markdownFiles(join(root, "docs")))
    for (const ex of docExamples(readFileSync(file, "utf8"))) {
      const argv = asJson(ex.argv);
      if (argv) runs.set(argv.join(" "), argv);
    }
  for (const argv of EXTRA) {
    const json = asJson(argv);
    if (json) runs.set(json.join(" "), json);
  }
  const samples: Sample[] = [];
  for (const argv of runs.values()) {
    const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: root, isTTY: false });
    const code = await run(argv, io);
    if (code === 2 || io.stdout.trim() === "") continue;
    samples.push({ command: `${commandOf(argv)}: ${argv.join(" ")}`, json: JSON.parse(io.stdout) as unknown });
  }
  return samples;
}
