/**
 * Reads what `aksnet fleet` works on: the fleet file (YAML or JSON, with a source
 * map for line and column), the cluster plans it references (paths relative to
 * the fleet file, read with the plan importers) and the used space of `usedFrom`
 * and `--used` (the used-space importers). A fleet file that cannot be read or is
 * no fleet, or a used-space file that cannot be read, is a `UsageError` (exit 2);
 * a referenced plan that cannot be read is a finding (the other clusters still count).
 */
import { dirname, resolve } from "node:path";
import type { FleetLoadedPlan } from "../../../engines/fleet/index.js";
import type { FieldPath, FleetPlan, Plan, SchemaProblem, UsedPrefix } from "../../../engines/plan/index.js";
import { UsageError } from "../errors.js";
import type { loadPlanText as LoadPlanTextFn, ParsedText } from "../../importers/index.js";
import type { Io } from "../io.js";
import { readFailure, readInputFile } from "../read-input.js";

export interface LoadedFleet {
  readonly file: string;
  /** The parsed fleet, when it passed the schema. */
  readonly fleet?: FleetPlan;
  readonly problems: readonly SchemaProblem[];
  /** The raw document (for `--write`). */
  readonly value: unknown;
  /** The fleet file's text (its `# aksnet-ignore` comments). */
  readonly text: string;
  readonly plans: ReadonlyMap<string, FleetLoadedPlan>;
  readonly used: readonly UsedPrefix[];
  readonly notes: readonly string[];
  /** Line and column of a field of the fleet file. */
  locate(path: FieldPath): { readonly file: string; readonly line: number; readonly column: number };
  /**
   * Line and column of a field of cluster i's plan: in the plan file it names (the path as written in the fleet
   * file, relative to it), or inside the fleet file for an inline plan.
   */
  locatePlan(i: number, path: FieldPath): { readonly file: string; readonly line: number; readonly column: number };
}

async function text(io: Io, base: string, path: string, what: string): Promise<string> {
  try {
    return await readInputFile(resolve(base, path));
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${readFailure(e)}; give the path of ${what}`);
  }
}

/**
 * Why a referenced plan file did not load: its first schema problem at `file:line:col` (with how many more),
 * e.g. `clusters/a.yaml:7:14: network.podCidrs[0]: expected a string, got 42 (and 1 more schema problem)`.
 */
export function planSchemaError(
  ref: string,
  problems: readonly { line: number; column: number; pathText: string; message: string }[],
): string {
  const p = problems[0];
  if (p === undefined) return "it is not a cluster plan";
  const rest = problems.length - 1;
  const more = rest > 0 ? ` (and ${rest} more schema problem${rest === 1 ? "" : "s"})` : "";
  return `${ref}:${p.line}:${p.column}: ${p.pathText || "the document"}: ${p.message}${more}`;
}

/** Reads the fleet file and everything it references. */
export async function loadFleet(
  file: string,
  io: Io,
  usedFiles: readonly string[],
  usedFormat?: string,
): Promise<LoadedFleet> {
  const raw = await text(io, io.cwd, file, "a fleet file (kind: FleetPlan, YAML or JSON)");
  const { parseText, PlanLoadError, refuseDuplicateKey } = await import("../../importers/index.js");
  const { isFleetDocument } = await import("../../../engines/plan/index.js");
  let parsed: ParsedText;
  try {
    parsed = parseText(raw, file);
    refuseDuplicateKey(parsed, file);
  } catch (e) {
    if (e instanceof PlanLoadError) throw new UsageError(e.message.replace(/\.$/, ""));
    throw e;
  }
  if (!isFleetDocument(parsed.value))
    throw new UsageError(
      `${file} is not a fleet file: it needs kind: FleetPlan (a cluster plan goes to aksnet check; a fleet lists ` +
        `clusters)`,
    );
  return loadParsedFleet(parsed, raw, file, io, usedFiles, usedFormat);
}

/**
 * The fleet in `file` with everything it references, or undefined when the file cannot be read or parsed or is
 * not a fleet file (`aksnet generate` then reads it as a cluster plan, whose reader says what is wrong).
 */
export async function loadFleetIfAny(file: string, io: Io): Promise<LoadedFleet | undefined> {
  let raw: string;
  try {
    raw = await readInputFile(resolve(io.cwd, file));
  } catch {
    return undefined;
  }
  const { parseText } = await import("../../importers/index.js");
  const { isFleetDocument } = await import("../../../engines/plan/index.js");
  let parsed: ParsedText;
  try {
    parsed = parseText(raw, file);
  } catch {
    return undefined; // not YAML or JSON: the plan reader says why
  }
  return isFleetDocument(parsed.value) ? loadParsedFleet(parsed, raw, file, io, []) : undefined;
}

type PlanLocate = (path: FieldPath) => { file: string; line: number; column: number };

/** One plan file a cluster names: its plan (or why it cannot be read) and where its fields are. */
async function readPlanFile(
  ref: string,
  base: string,
  loadPlanText: typeof LoadPlanTextFn,
  plans: Map<string, FleetLoadedPlan>,
  planLocate: Map<string, PlanLocate>,
): Promise<void> {
  let t: string;
  try {
    t = await readInputFile(resolve(base, ref));
  } catch (e) {
    plans.set(ref, { error: readFailure(e) });
    return;
  }
  try {
    const loaded = loadPlanText(t, ref);
    planLocate.set(ref, (path) => {
      const at = loaded.locate(path as never);
      return { file: ref, line: at.line, column: at.column };
    });
    if (loaded.plan) plans.set(ref, loaded.plan satisfies Plan);
    else plans.set(ref, { error: planSchemaError(ref, loaded.problems) });
  } catch (e) {
    plans.set(ref, { error: e instanceof Error ? e.message.replace(/\.$/, "") : String(e) });
  }
}

/** The used-space files: those the fleet file names (relative to it), then those given on the command line. */
function usedSources(
  fleet: FleetPlan,
  usedFiles: readonly string[],
  base: string,
  cwd: string,
  usedFormat: string | undefined,
): { path: string; name: string; format: string }[] {
  return [
    ...fleet.usedFrom.map((u) => ({ path: resolve(base, u.file), name: u.file, format: u.format as string })),
    ...usedFiles.map((u) => ({ path: resolve(cwd, u), name: u, format: usedFormat ?? "auto" })),
  ];
}

async function loadParsedFleet(
  parsed: ParsedText,
  raw: string,
  file: string,
  io: Io,
  usedFiles: readonly string[],
  usedFormat?: string,
): Promise<LoadedFleet> {
  const { loadPlanText, readUsedSpace, UsedSpaceError } = await import("../../importers/index.js");
  const { parseFleetPlan } = await import("../../../engines/schema/index.js");
  const locate = (path: FieldPath) => ({ file, ...parsed.position(path) });
  const result = parseFleetPlan(parsed.value);
  const base = dirname(resolve(io.cwd, file));
  const plans = new Map<string, FleetLoadedPlan>();
  const planLocate = new Map<string, PlanLocate>();
  const notes: string[] = [];
  const used: UsedPrefix[] = [];
  const fleet = result.fleet;
  if (fleet) {
    const refs = [...new Set(fleet.clusters.flatMap((c) => (typeof c.plan === "string" ? [c.plan] : [])))];
    await Promise.all(refs.map((ref) => readPlanFile(ref, base, loadPlanText, plans, planLocate)));
    const within = fleet.pools.flatMap((p) => p.cidrs);
    const sources = usedSources(fleet, usedFiles, base, io.cwd, usedFormat);
    for (const s of sources) {
      const t = await text(
        io,
        "/",
        s.path,
        "a used-space file (AVNM pool usage, Azure IPAM, NetBox, a prefix list, aksnet scan -o json)",
      );
      try {
        const space = readUsedSpace(t, s.name, { format: s.format as never, within });
        used.push(...space.prefixes);
        notes.push(...space.notes);
      } catch (e) {
        if (e instanceof UsedSpaceError) throw new UsageError(e.message.replace(/\.$/, ""));
        throw e;
      }
    }
  }
  return {
    file,
    ...(fleet ? { fleet } : {}),
    problems: result.problems,
    value: parsed.value,
    text: raw,
    plans,
    used,
    notes,
    locate,
    locatePlan(i, path) {
      const ref = fleet?.clusters[i]?.plan;
      const inPlanFile = typeof ref === "string" ? planLocate.get(ref) : undefined;
      if (inPlanFile) return inPlanFile(path);
      return locate(typeof ref === "object" ? ["clusters", i, "plan", ...path] : ["clusters", i]);
    },
  };
}
