/**
 * `aksnet generate --format F FLEET.yaml`: every cluster of the fleet through the
 * single-cluster checks and generator, put together (Terraform modules with
 * for_each, Bicep module loops, one az script). Several files need `--out-dir`,
 * where they are written all or none; one file (az) goes to standard output
 * without it; `-o json` prints them all.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { EXIT, UsageError } from "../errors.js";
import type { Io } from "../io.js";
import type { FleetInput } from "./fleet-input.js";
import type * as Generate from "../../generate/index.js";
import { renderJson } from "../output/json.js";
import { versioned } from "../output/formats.js";

export interface FleetRunOptions {
  readonly format: "az" | "bicep" | "terraform";
  readonly outDir?: string | undefined;
  readonly output?: string | undefined;
  readonly force: boolean;
  readonly existingVnet?: boolean | undefined;
  /** `--ipam-pool`: every cluster's VNet and subnets from this IPAM pool (over the fleet file's `ipamPool`). */
  readonly ipamPool?: string | undefined;
  /** `--ipam-pool-scope`: which ranges ask the pool, for every cluster (over the fleet file's `ipamPoolScope`). */
  readonly ipamPoolScope?: "vnetAndSubnets" | "vnetOnly" | undefined;
}

/** Writes every file through a temporary beside it, then renames them all: all or none. */
async function writeAll(dir: string, files: readonly { path: string; text: string }[], shown: string): Promise<void> {
  const tmps: string[] = [];
  const stamp = `${process.pid}.${Date.now()}`;
  try {
    for (const f of files) {
      const path = join(dir, f.path);
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${stamp}.tmp`;
      tmps.push(tmp);
      await writeFile(tmp, f.text, { encoding: "utf8", flag: "wx" });
    }
    for (const f of files) await rename(`${join(dir, f.path)}.${stamp}.tmp`, join(dir, f.path));
  } catch (e) {
    await Promise.all(tmps.map((t) => rm(t, { force: true }).catch(() => undefined)));
    const code = (e as NodeJS.ErrnoException).code ?? "it cannot be written";
    throw new UsageError(
      `cannot write the fleet's files to ${shown} (${code}); give a writable directory for --out-dir`,
    );
  }
}

/** The peerings the fleet file states for its clusters' VNets; a usage error when one cannot be written. */
function peeringsOf(
  fleet: FleetInput,
  fleetPeerings: typeof Generate.fleetPeerings,
): ReturnType<typeof Generate.fleetPeerings> {
  const peered = fleetPeerings(
    fleet.value,
    fleet.clusters.map((c) => ({
      name: c.name,
      vnet: {
        name: c.plan.vnet?.name ?? `${c.plan.name ?? c.name}-vnet`,
        resourceGroup: c.plan.vnet?.resourceGroup ?? c.plan.resourceGroup ?? "",
      },
      location: c.plan.location,
    })),
  );
  if (peered.problems.length > 0) throw new UsageError(`${fleet.file}: ${peered.problems[0]}`);
  return peered;
}

/** The first error that stops the fleet's code: the fleet's own, else a cluster plan's. */
async function errorsFirst(fleet: FleetInput): Promise<string | undefined> {
  const [{ validate }, { checkFleet }] = await Promise.all([
    import("../../../engines/validate/index.js"),
    import("../../../engines/fleet/index.js"),
  ]);
  // The fleet's own errors (overlaps between networks that reach each other, names, meshes): Azure refuses to
  // peer overlapping VNets, so code for such a fleet only moves the failure later.
  const fleetErrors = checkFleet(fleet.value, { plans: fleet.plans, clusterChecks: false }).findings.filter(
    (f) => f.severity === "error",
  );
  if (fleetErrors.length > 0)
    return (
      `${fleet.file} has ${fleetErrors.length} fleet error ` +
      `finding${fleetErrors.length === 1 ? "" : "s"}, first: ${fleetErrors[0]?.message}`
    );
  for (const c of fleet.clusters) {
    const errors = validate(c.plan).filter((f) => f.severity === "error");
    if (errors.length > 0)
      return (
        `cluster ${c.name} of ${fleet.file} has ${errors.length} error ` +
        `finding${errors.length === 1 ? "" : "s"}, first: ${errors[0]?.message}`
      );
  }
  return undefined;
}

export async function runFleetGenerate(fleet: FleetInput, o: FleetRunOptions, io: Io): Promise<number> {
  const { generateFleet, fleetPeerings, formatName } = await import("../../generate/index.js");
  if (!o.force) {
    const refused = await errorsFirst(fleet);
    if (refused) {
      io.err(`aksnet generate: ${refused} Run aksnet fleet check ${fleet.file}, or pass --force.\n`);
      return EXIT.findings;
    }
  }
  const peered = peeringsOf(fleet, fleetPeerings);
  const r = generateFleet(
    fleet.clusters.map((c) => ({
      ...c,
      ...(o.ipamPool !== undefined ? { ipamPool: o.ipamPool } : {}),
      ...(o.ipamPoolScope !== undefined ? { ipamPoolScope: o.ipamPoolScope } : {}),
    })),
    o.format,
    o.existingVnet !== undefined ? { existingVnet: o.existingVnet } : {},
    peered.peerings,
    peered.notes,
    peered.networkManager,
  );
  if (!r.ok) {
    const p = r.problems[0]!;
    const rest = r.problems.length - 1;
    const more = rest > 0 ? ` (and ${rest} more value${rest === 1 ? "" : "s"} refused)` : "";
    const how = p.format !== undefined ? `as ${formatName(p.format)}` : "safely";
    const who = p.cluster ? `cluster ${p.cluster}: ` : "";
    throw new UsageError(
      `${fleet.file}: ${who}${p.path} ${JSON.stringify(p.value)} cannot be written ${how}: ${p.reason}${more}`,
    );
  }
  if (o.output === "json") {
    const json = { format: r.format, clusters: r.clusters, notes: r.notes, files: r.files };
    await io.out(renderJson(versioned("GenerateFleetReport", json)));
    return EXIT.ok;
  }
  if (o.outDir !== undefined) {
    await writeAll(resolve(io.cwd, o.outDir), r.files, o.outDir);
    io.err(`aksnet generate: wrote ${r.files.map((f) => join(o.outDir!, f.path)).join(", ")}\n`);
    return EXIT.ok;
  }
  if (r.files.length > 1)
    throw new UsageError(
      `${fleet.file}: a fleet's ${formatName(o.format)} is ${r.files.length} files ` +
        `(${r.files.map((f) => f.path).join(", ")}); give --out-dir DIR to write them, or -o json`,
    );
  await io.out(r.files[0]!.text);
  return EXIT.ok;
}
