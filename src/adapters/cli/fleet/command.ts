/**
 * `aksnet fleet check|allocate FLEET`: many clusters at once (docs/fleet.md).
 * - `check`: every cluster's own findings plus the fleet's (overlaps between networks that reach each other,
 *   names, meshes), and how many more clusters of each size fit each pool. Exit 1 with error findings.
 * - `allocate`: VNets and subnets for the clusters without addresses, from the pools, around everything used;
 *   `--out-dir DIR` writes each allocated cluster's plan, `--write FILE|-` the fleet file pointing at them
 *   (plans inline without --out-dir). Exit 1 when a cluster could not be placed or a written plan fails check.
 * Bad input (an unreadable file, not a fleet, a bad flag) exits 2 with one sentence.
 */
import { failOnOption } from "../policy/fail-on.js";
import { failsAt } from "../policy/levels.js";
import { fleetPolicy } from "./policy.js";
import { mkdir } from "node:fs/promises";
import { basename, dirname, relative, resolve } from "node:path";
import { defineCommand } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { writeTextFile } from "../files.js";
import { chooseFormat, defineOutput, outputOption, type FormatName } from "../output/formats.js";
import type { Io } from "../io.js";
import type { checkFleet as CheckFleet, FleetAllocateResult } from "../../../engines/fleet/index.js";
import { writeOutput } from "../output/write.js";
import { loadFleet, type LoadedFleet } from "./load.js";
import { fleetAllocateJson, fleetCheckJson, type FleetAllocateView, type FleetCheckView } from "./view.js";

const CHECK_OUTPUT = defineOutput<FleetCheckView>({
  formatters: {
    table: () => import("./check-text.js"),
    markdown: () => import("./check-markdown.js"),
    sarif: () => import("./check-sarif.js"),
  },
  kind: "FleetCheckReport",
  data: fleetCheckJson,
});

const ALLOCATE_OUTPUT = defineOutput<FleetAllocateView>({
  formatters: { table: () => import("./allocate-text.js"), markdown: () => import("./allocate-markdown.js") },
  kind: "FleetAllocateReport",
  data: fleetAllocateJson,
});

const EXAMPLES = `
Examples:
  aksnet fleet check examples/fleet/fleet.yaml
  aksnet fleet check fleet.yaml --used netbox-prefixes.json -o sarif > fleet.sarif
  aksnet fleet allocate examples/fleet/fleet.yaml
  aksnet fleet allocate fleet.yaml --used avnm-usage.json --out-dir clusters --write fleet.yaml

Output: check writes table (default), json, yaml, markdown or sarif; allocate all but sarif.
Exit codes: 0 clean / everything placed; 1 error findings / something not placed; 2 bad input.
`;

function list(v: unknown): string[] {
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String).filter(Boolean);
}

/** fleet check: the fleet's findings and each cluster's, located in the file that holds them. */
async function runCheck(
  checkFleet: typeof CheckFleet,
  file: string,
  loaded: LoadedFleet,
  opts: Readonly<Record<string, unknown>>,
  io: Io,
  format: FormatName,
): Promise<number> {
  const result = checkFleet(loaded.fleet ?? loaded.value, {
    plans: loaded.plans,
    used: loaded.used,
    clusterChecks: opts["clusterChecks"] !== false,
  });
  // Each cluster's own findings, located in its plan file (or in the fleet file for an inline plan).
  const clusters = result.clusters.map((c, i) => ({
    ...c,
    findings: c.findings.map((f) => ({ ...f, location: loaded.locatePlan(i, f.path) })),
  }));
  const policy = await fleetPolicy({ ...result, clusters }, loaded, opts, io.cwd);
  await writeOutput(io, CHECK_OUTPUT, format, { file, ...policy.view, notes: loaded.notes });
  const failOn = policy.failOn;
  const s = policy.view.result.summary;
  const fails =
    (s.errors > 0 && failsAt(failOn, "error")) ||
    (s.warnings > 0 && failsAt(failOn, "warning")) ||
    (s.infos > 0 && failsAt(failOn, "info"));
  return fails ? EXIT.findings : EXIT.ok;
}

/**
 * fleet allocate's files: each allocated plan (--out-dir), the fleet file pointing at them (--write); "stdout" when
 * the fleet file went to standard output.
 */
async function writeAllocated(
  result: FleetAllocateResult,
  file: string,
  opts: Readonly<Record<string, unknown>>,
  io: Io,
): Promise<string[] | "stdout"> {
  const wrote: string[] = [];
  const outDir = opts["outDir"] === undefined ? undefined : String(opts["outDir"]);
  const write = opts["write"] === undefined ? undefined : String(opts["write"]);
  if ((outDir !== undefined || write !== undefined) && result.fleet) {
    const { renderYaml } = await import("../output/yaml.js");
    let fleetOut = result.fleet;
    if (outDir !== undefined) {
      try {
        await mkdir(resolve(io.cwd, outDir), { recursive: true });
      } catch {
        throw new UsageError(`cannot create the directory ${outDir}; give a writable directory for --out-dir`);
      }
      const planFiles = new Map<string, string>();
      for (const c of result.clusters) {
        if (c.status !== "allocated" || !c.plan) continue;
        const name = `${outDir.replace(/\/+$/, "")}/${basename(c.name).replace(/[^A-Za-z0-9._-]/g, "-")}.yaml`;
        await writeTextFile(
          io.cwd,
          name,
          `# Allocated by aksnet fleet allocate from ${file}.\n${renderYaml(c.plan)}`,
          "give a writable directory for --out-dir",
        );
        // The fleet file names plans relative to itself.
        const from = write === undefined || write === "-" ? io.cwd : dirname(resolve(io.cwd, write));
        planFiles.set(c.name, relative(from, resolve(io.cwd, name)));
        wrote.push(name);
      }
      fleetOut = {
        ...fleetOut,
        clusters: fleetOut.clusters.map((c) => (planFiles.has(c.name) ? { ...c, plan: planFiles.get(c.name) } : c)),
      };
    }
    if (write !== undefined) {
      const text = `# Allocated by aksnet fleet allocate from ${file}.\n${renderYaml(fleetOut)}`;
      if (write === "-") {
        await io.out(text);
        return "stdout";
      }
      await writeTextFile(io.cwd, write, text, "give a writable path for --write");
      wrote.push(write);
    }
  }
  return wrote;
}

export default defineCommand({
  configure(cmd) {
    cmd
      .argument("<action>", "check | allocate")
      .argument("<fleet>", "the fleet file (kind: FleetPlan, YAML or JSON)")
      .option(
        "--used <files...>",
        "used space: AVNM pool usage, Azure IPAM, NetBox, a prefix list or aksnet scan -o json",
      )
      .option("--used-format <format>", "the format of the --used files (default: detected)")
      .option("--out-dir <dir>", "allocate: write each allocated cluster's plan here as <name>.yaml")
      .option(
        "--write <file>",
        "allocate: write the fleet file here (- prints it); with --out-dir it points at the plans",
      )
      .option("--no-cluster-checks", "check: leave out each cluster's own check (the fleet's findings only)")
      .addOption(outputOption(CHECK_OUTPUT))
      .addOption(failOnOption(" (fleet check)"))
      .option("--config <file>", "check: the project config (default: the nearest aksnet.config.yaml up from here)")
      .option("--no-config", "check: ignore any aksnet.config.yaml")
      .option("--baseline <file>", "check: a saved fleet check -o json (or -o sarif): report only findings not in it")
      .addHelpText("after", EXAMPLES);
  },
  async run({ args, opts, io }) {
    const action = String(args[0] ?? "");
    const file = String(args[1] ?? "");
    if (action !== "check" && action !== "allocate")
      throw new UsageError(
        `"${action}" is not a fleet action; use aksnet fleet check FLEET or aksnet fleet allocate FLEET`,
      );
    if (action === "check" && (opts["outDir"] !== undefined || opts["write"] !== undefined))
      throw new UsageError("--out-dir and --write belong to aksnet fleet allocate; fleet check writes nothing");
    const usedFormat = opts["usedFormat"] === undefined ? undefined : String(opts["usedFormat"]);
    if (usedFormat !== undefined) {
      const { USED_FORMATS } = await import("../../importers/index.js");
      if (!(USED_FORMATS as readonly string[]).includes(usedFormat))
        throw new UsageError(
          `--used-format "${usedFormat}" is not one aksnet reads; use one of ${USED_FORMATS.join(", ")}`,
        );
    }
    const format =
      action === "check" ? chooseFormat(CHECK_OUTPUT, opts["output"]) : chooseFormat(ALLOCATE_OUTPUT, opts["output"]);
    const loaded = await loadFleet(file, io, list(opts["used"]), usedFormat);
    const { checkFleet, allocateFleet } = await import("../../../engines/fleet/index.js");
    if (action === "check") return runCheck(checkFleet, file, loaded, opts, io, format);
    if (!loaded.fleet)
      throw new UsageError(
        `${file} does not match the fleet schema (${loaded.problems[0]?.pathText || "the document"}: ` +
          `${loaded.problems[0]?.message ?? ""}); aksnet fleet check ${file} lists every problem`,
      );
    const result = allocateFleet(loaded.fleet, { plans: loaded.plans, used: loaded.used });
    const wrote = await writeAllocated(result, file, opts, io);
    if (wrote === "stdout") return result.ok ? EXIT.ok : EXIT.findings;
    await writeOutput(io, ALLOCATE_OUTPUT, format, { file, result, notes: loaded.notes, wrote });
    return result.ok ? EXIT.ok : EXIT.findings;
  },
});
