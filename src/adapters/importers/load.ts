/**
 * Plan files in, one plan out (or one per cluster of an `az aks list`): detects
 * each file's format from its content (`detect.ts`), imports it, merges the files
 * (a cluster JSON and a VNet JSON make one plan) and parses the result, keeping a
 * source map so every field path can be located as file, line and column.
 */
import { parsePlan, type Plan, type SchemaProblem } from "../../engines/plan/index.js";
import { templateResources, withParameterDefaults } from "./arm-template.js";
import { field, parseAzureId, PlanBuilder, type AzureId, type PlanPath } from "./builder.js";
import { clusterListItems, detect, type PlanFormat } from "./detect.js";
import { importManagedCluster, importPool } from "./managed-cluster.js";
import { duplicateKeyWords, parseText, PlanLoadError, refuseDuplicateKey, type ParsedText } from "./source-map.js";
import { importTerraformPlan } from "./terraform-plan.js";
import { importVnetList, importVnets } from "./vnet.js";

export interface Location {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export interface LocatedProblem extends SchemaProblem, Location {}

export interface LoadedPlan {
  /** The plan, when every file imported and the merged plan has no schema problems. */
  readonly plan?: Plan;
  readonly problems: readonly LocatedProblem[];
  /**
   * Where a plan field (path text like `nodePools[0].maxPods`, or keys) came from; the nearest existing ancestor when
   * the field itself is absent.
   */
  locate(path: string | PlanPath): Location;
  /** The detected format of each file, in order. */
  readonly formats: readonly PlanFormat[];
  /** The file names, in order. */
  readonly fileNames: readonly string[];
  /** What the merge did that the user should know (a section found in two files, a VNet not found). */
  readonly notes: readonly string[];
}

export interface PlanFile {
  readonly text: string;
  readonly fileName: string;
}

/** Splits `nodePools[0].maxPods` into `["nodePools", 0, "maxPods"]`. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  if (typeof path !== "string") return out; // a value from JavaScript
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

interface Detected {
  readonly format: PlanFormat;
  readonly parsed: ParsedText;
  /** A key given twice in a JSON object of tool output: the last one was read. */
  readonly note?: string;
}

/**
 * Formats a person writes: a key given twice is a mistake whose meaning is unknown (which one was meant?), refused
 * as YAML refuses it. Tool output (az, ARM responses, terraform show -json) never repeats a key; one edited by hand
 * is read as JSON.parse reads it (the last one wins), with a note.
 */
const WRITTEN_BY_HAND: ReadonlySet<PlanFormat> = new Set(["aksnet", "arm-template"]);

/** A note for a JSON key given twice in tool output; throws for one in a format a person writes. */
function duplicateKeyNote(fileName: string, format: PlanFormat, parsed: ParsedText): string | undefined {
  if (WRITTEN_BY_HAND.has(format)) refuseDuplicateKey(parsed, fileName);
  const words = duplicateKeyWords(parsed, fileName);
  return words === undefined ? undefined : `${words}; the last one was read.`;
}

/**
 * Loads one file. Throws `PlanLoadError` (one sentence naming the file) for text that is not YAML/JSON or not a known
 * format.
 */
export function loadPlanText(text: string, fileName: string): LoadedPlan {
  return loadPlanFiles([{ text, fileName }]);
}

const isList = (d: Detected) => d.format === "az-aks-list" || d.format === "arm-list";

/** Parses and detects every file. */
function detectAll(files: readonly PlanFile[]): Detected[] {
  if (!Array.isArray(files))
    throw new PlanLoadError(`the files to load must be a list of { text, fileName }, not ${typeof files}.`);
  return files.map((f: PlanFile | null | undefined, i) => {
    const fileName = typeof f?.fileName === "string" ? f.fileName : `file ${i + 1}`;
    const parsed = parseText(f?.text as string, fileName);
    const format = detect(parsed, fileName);
    const note = duplicateKeyNote(fileName, format, parsed);
    return { parsed, format, ...(note ? { note } : {}) };
  });
}

/** A deployment template's cluster, its separately declared agent pools and its VNets. */
function importTemplate(d: Detected, file: number): { builder: PlanBuilder; refs: AzureId[] } {
  // Values written as template expressions this importer cannot evaluate ("[reference(…)]") are not known until
  // deployment and are left out.
  const template = withParameterDefaults(d.parsed.value, d.parsed.value as Record<string, unknown>);
  const cluster = templateResources(template, "cluster")[0]!;
  const r = importManagedCluster(cluster.o, cluster.at);
  const refs = [...r.vnetRefs];
  const clusterName = cluster.name.at(-1);
  const pools = (r.builder.value["nodePools"] as unknown[] | undefined)?.length ?? 0;
  // Agent pools declared as their own resources (managedClusters/agentPools), named "<cluster>/<pool>".
  templateResources(template, "agentPool")
    .filter((p) => p.name.length < 2 || clusterName === undefined || p.name.at(-2) === clusterName)
    .forEach((p, k) => {
      const props = field(p.o, "properties");
      const name = p.name.at(-1);
      const nameField = field(p.o, "name");
      const ref = importPool(
        r.builder,
        pools + k,
        props?.value,
        props ? [...p.at, props.key] : p.at,
        name !== undefined && nameField ? { value: name, at: [...p.at, nameField.key] } : undefined,
      );
      if (ref) refs.push(ref);
    });
  const vnets = templateResources(template, "vnet");
  if (vnets.length > 0) r.builder.absorb(importVnetList(vnets, refs).builder);
  return { builder: rebase(r.builder, file), refs };
}

/** One cluster-describing file (everything but VNet documents) as a builder and the VNets its subnets are in. */
function importClusterFile(
  d: Detected,
  file: number,
  listIndex: number | undefined,
): { builder?: PlanBuilder; refs: AzureId[] } {
  const v = d.parsed.value;
  switch (d.format) {
    case "aksnet": {
      const b = new PlanBuilder(file);
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) b.set([k], x, [k]);
      return { builder: b, refs: [] };
    }
    case "terraform-plan":
      return { builder: rebase(importTerraformPlan(v as Record<string, unknown>), file), refs: [] };
    case "arm-template":
      return importTemplate(d, file);
    case "az-aks-show":
    case "arm": {
      const r = importManagedCluster(v as Record<string, unknown>);
      return { builder: rebase(r.builder, file), refs: [...r.vnetRefs] };
    }
    case "az-aks-list":
    case "arm-list": {
      const item = clusterListItems(d.format, v)[listIndex ?? 0]!;
      const r = importManagedCluster(item.o as Record<string, unknown>, item.at);
      return { builder: rebase(r.builder, file), refs: [...r.vnetRefs] };
    }
    default:
      return { refs: [] };
  }
}

/** Each `az network vnet` file: the VNet the cluster files name, with a note when none or several fit. */
function importVnetFiles(
  files: readonly PlanFile[],
  detected: readonly Detected[],
  refs: readonly AzureId[],
  builders: PlanBuilder[],
  notes: string[],
): void {
  detected.forEach((d, i) => {
    if (d.format !== "az-vnet") return;
    const r = importVnets(d.parsed.value, refs, new PlanBuilder(i));
    if (r.chosen === undefined) {
      const wanted = refs.find((x) => x.vnet)?.vnet;
      notes.push(
        wanted
          ? `${files[i]!.fileName}: no VNet named "${wanted}" (found: ${r.candidates.join(", ") || "none"}); its ` +
              `VNets were not used.`
          : `${files[i]!.fileName}: holds ${r.candidates.length} VNets and no cluster file says which one the nodes ` +
              `use; give the cluster's az aks show output too.`,
      );
    }
    builders[i] = r.builder;
  });
}

/** One plan from the files' builders; a section an earlier file gave wins, with a note. */
function mergeBuilders(files: readonly PlanFile[], builders: readonly PlanBuilder[], notes: string[]): PlanBuilder {
  const merged = new PlanBuilder(0);
  builders.forEach((b, i) => {
    if (!b) return;
    const skipped = merged.absorb(b);
    for (const s of skipped)
      notes.push(
        `${files[i]!.fileName}: section "${s}" was already given by an earlier file; the earlier one is used.`,
      );
  });
  return merged;
}

/**
 * Imports and merges the detected files into one plan. `pick` chooses the cluster of each `az aks list` file
 * (file index → cluster index); a list file without a pick is left out.
 */
function loadDetected(
  files: readonly PlanFile[],
  detected: readonly Detected[],
  pick: ReadonlyMap<number, number>,
): LoadedPlan {
  const notes: string[] = detected.flatMap((d) => (d.note ? [d.note] : []));
  const builders: PlanBuilder[] = [];
  const refs: AzureId[] = [];
  detected.forEach((d, i) => {
    if (isList(d) && !pick.has(i)) return;
    const r = importClusterFile(d, i, pick.get(i));
    if (r.builder) builders[i] = r.builder;
    for (const x of r.refs) refs.push(x);
  });
  importVnetFiles(files, detected, refs, builders, notes);
  const merged = mergeBuilders(files, builders, notes);

  // Only a VNet record can lag behind the cluster's: a plan's own VNet that lacks the subnet is checked as written.
  const agic = detected.some((d) => d.format === "az-vnet") ? unrecordedAgicSubnet(merged.value) : undefined;
  if (agic !== undefined)
    notes.push(
      `the AGIC add-on's subnet "${agic}" is not in the VNet record (made after it was read, or in another VNet): ` +
        "left out of the plan; give a VNet record that holds it to check it.",
    );

  const locate = (path: string | PlanPath): Location => {
    const keys = typeof path === "string" ? splitPath(path) : path;
    const hit = merged.origin(keys);
    if (!hit) return { file: files[0]?.fileName ?? "", line: 1, column: 1 };
    const { origin: o, depth } = hit;
    const d = detected[o.file]!;
    const src = d.format === "aksnet" ? [...o.path, ...keys.slice(depth)] : o.path;
    return { file: files[o.file]!.fileName, ...d.parsed.position(src) };
  };

  const r = parsePlan(merged.value);
  const problems = r.problems.map((p) => ({ ...p, ...locate(p.path) }));
  return {
    ...(r.plan ? { plan: r.plan } : {}),
    problems,
    locate,
    formats: detected.map((d) => d.format),
    fileNames: files.map((f) => f.fileName),
    notes,
  };
}

/**
 * Loads and merges several files into one plan. Throws `PlanLoadError` like `loadPlanText`, also for an
 * `az aks list` file with several clusters (use `loadPlanSet` to read each).
 */
export function loadPlanFiles(files: readonly PlanFile[]): LoadedPlan {
  const detected = detectAll(files);
  const pick = new Map<number, number>();
  detected.forEach((d, i) => {
    if (!isList(d)) return;
    const n = clusterListItems(d.format, d.parsed.value).length;
    if (n > 1)
      throw new PlanLoadError(
        `${files[i]!.fileName} holds ${n} clusters (a cluster list); aksnet check reads each of them, other commands ` +
          `take one cluster: give its az aks show output.`,
      );
    pick.set(i, 0);
  });
  return loadDetected(files, detected, pick);
}

export interface PlanSetEntry {
  /** The cluster's name (with its resource group or position when names repeat), or the file names for one plan. */
  readonly label: string;
  readonly loaded: LoadedPlan;
}

/**
 * Loads the files as one plan, or, when a file is `az aks list` output, one plan per cluster in it (each merged
 * with the other files, e.g. its VNet's az network vnet list). Throws `PlanLoadError` like `loadPlanText`.
 */
export function loadPlanSet(files: readonly PlanFile[]): { readonly plans: readonly PlanSetEntry[] } {
  const detected = detectAll(files);
  const lists = detected.flatMap((d, i) => (isList(d) ? [i] : []));
  if (lists.length === 0)
    return {
      plans: [{ label: files.map((f) => f.fileName).join(" "), loaded: loadDetected(files, detected, new Map()) }],
    };
  const picks = lists.flatMap((file) =>
    clusterListItems(detected[file]!.format, detected[file]!.parsed.value).map((c, index) => ({
      file,
      index,
      cluster: c.o,
    })),
  );
  const labels = clusterLabels(
    picks.map((p) => ({ cluster: p.cluster, fallback: `${files[p.file]!.fileName}[${p.index}]` })),
  );
  return {
    plans: picks.map((p, k) => ({
      label: labels[k]!,
      loaded: loadDetected(files, detected, new Map([[p.file, p.index]])),
    })),
  };
}

/** Cluster names as labels: the resource group is added where names repeat, the position where both do. */
function clusterLabels(items: readonly { cluster: unknown; fallback: string }[]): string[] {
  const text = (o: unknown, k: string) => {
    const v = field(o, k)?.value;
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  const first = items.map((x) => text(x.cluster, "name") ?? x.fallback);
  const count = (list: readonly string[], s: string) => list.filter((x) => x === s).length;
  const second = first.map((l, i) => {
    const rg = text(items[i]!.cluster, "resourceGroup") ?? parseAzureId(text(items[i]!.cluster, "id"))?.resourceGroup;
    return count(first, l) > 1 && rg !== undefined ? `${l} (${rg})` : l;
  });
  return second.map((l, i) => (count(second, l) > 1 ? `${l} ${items[i]!.fallback}` : l));
}

/** The importers build with file index 0; re-tag their origins with the file's index. */
function rebase(b: PlanBuilder, file: number): PlanBuilder {
  if (file === 0) return b;
  const out = new PlanBuilder(file);
  for (const [k, v] of Object.entries(b.value)) out.value[k] = v;
  out.copyOriginsFrom(b);
  return out;
}

export { PlanLoadError, type PlanFormat };

/**
 * The AGIC add-on's subnet when the plan's VNet does not hold it, removed from the plan (a cluster record names
 * the Application Gateway subnet by ID; the VNet record read beside it may predate that subnet).
 */
function unrecordedAgicSubnet(plan: Record<string, unknown>): string | undefined {
  const addons = plan["addons"];
  const vnet = plan["vnet"];
  if (!isRecord(addons) || !isRecord(addons["applicationGateway"]) || !isRecord(vnet)) return undefined;
  const name = addons["applicationGateway"]["subnet"];
  const subnets = Array.isArray(vnet["subnets"]) ? (vnet["subnets"] as unknown[]) : [];
  if (typeof name !== "string" || subnets.some((s) => isRecord(s) && s["name"] === name)) return undefined;
  delete addons["applicationGateway"];
  if (Object.keys(addons).length === 0) delete plan["addons"];
  return name;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
