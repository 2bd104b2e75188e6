/**
 * Plan files in, one plan out: detects each file's format from its content
 * (aksnet plan YAML/JSON, `az aks show`, ARM/REST, `az network vnet show/list`,
 * `terraform show -json`), imports it, merges the files (a cluster JSON and a
 * VNet JSON make one plan) and parses the result, keeping a source map so every
 * field path can be located as file, line and column.
 */
import { parsePlan, type Plan, type SchemaProblem } from "../../engines/plan/index.js";
import { isObj, PlanBuilder, type AzureId, type PlanPath } from "./builder.js";
import {
  importManagedCluster,
  isArmTemplate,
  isManagedCluster,
  templateResources,
  withParameterDefaults,
} from "./managed-cluster.js";
import { parseText, PlanLoadError, type ParsedText } from "./source-map.js";
import { importTerraformPlan, isTerraformPlan } from "./terraform-plan.js";
import { importVnetList, importVnets, isVnetDocument } from "./vnet.js";

export type PlanFormat = "aksnet" | "az-aks-show" | "arm" | "arm-template" | "az-vnet" | "terraform-plan";

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
  /** Where a plan field (path text like `nodePools[0].maxPods`, or keys) came from; the nearest existing ancestor when the field itself is absent. */
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

const PLAN_KEYS = new Set([
  "apiVersion",
  "kind",
  "name",
  "location",
  "resourceGroup",
  "kubernetesVersion",
  "network",
  "vnet",
  "connectedNetworks",
  "nodePools",
  "reserved",
  "requirements",
]);

function isAksnetPlan(v: unknown): boolean {
  if (!isObj(v)) return false;
  if (typeof v["apiVersion"] === "string" && v["apiVersion"].startsWith("aksnet/")) return true;
  if (v["kind"] === "ClusterPlan") return true;
  const keys = Object.keys(v);
  return (
    keys.length > 0 &&
    keys.every((k) => PLAN_KEYS.has(k)) &&
    (isObj(v["network"]) || Array.isArray(v["nodePools"]) || isObj(v["vnet"]))
  );
}

/** Splits `nodePools[0].maxPods` into `["nodePools", 0, "maxPods"]`. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

interface Detected {
  readonly format: PlanFormat;
  readonly parsed: ParsedText;
}

function detect(parsed: ParsedText, fileName: string): PlanFormat {
  const v = parsed.value;
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === ""))
    throw new PlanLoadError(
      `${fileName} is empty; give an aksnet plan or an az aks show, ARM, az network vnet or terraform show -json document.`,
    );
  if (isAksnetPlan(v)) return "aksnet";
  if (isTerraformPlan(v)) return "terraform-plan";
  if (isArmTemplate(v)) return "arm-template";
  if (isManagedCluster(v)) return isObj(v) && isObj(v["properties"]) ? "arm" : "az-aks-show";
  if (isVnetDocument(v)) return "az-vnet";
  throw new PlanLoadError(
    `${fileName} is not a format aksnet reads: expected an aksnet plan (apiVersion: aksnet/v1), az aks show -o json, an ARM managed cluster, az network vnet show/list -o json, or terraform show -json output.`,
  );
}

/** Loads one file. Throws `PlanLoadError` (one sentence naming the file) for text that is not YAML/JSON or not a known format. */
export function loadPlanText(text: string, fileName: string): LoadedPlan {
  return loadPlanFiles([{ text, fileName }]);
}

/** Loads and merges several files into one plan. Throws `PlanLoadError` like `loadPlanText`. */
export function loadPlanFiles(files: readonly PlanFile[]): LoadedPlan {
  const detected: Detected[] = files.map((f) => {
    const parsed = parseText(f.text, f.fileName);
    return { parsed, format: detect(parsed, f.fileName) };
  });
  const notes: string[] = [];
  const builders: PlanBuilder[] = [];
  const refs: AzureId[] = [];
  detected.forEach((d, i) => {
    if (d.format === "aksnet") {
      const b = new PlanBuilder(i);
      for (const [k, v] of Object.entries(d.parsed.value as Record<string, unknown>)) b.set([k], v, [k]);
      builders[i] = b;
    } else if (d.format === "terraform-plan") {
      const b = importTerraformPlan(d.parsed.value as Record<string, unknown>);
      builders[i] = rebase(b, i);
    } else if (d.format === "arm-template") {
      // Values written as template expressions ("[parameters('x')]") are not known until deployment and are left out.
      const template = withParameterDefaults(d.parsed.value, d.parsed.value as Record<string, unknown>);
      const cluster = templateResources(template, "cluster")[0]!;
      const r = importManagedCluster(cluster.o, cluster.at);
      for (const x of r.vnetRefs) refs.push(x);
      const vnets = templateResources(template, "vnet");
      if (vnets.length > 0) r.builder.absorb(importVnetList(vnets, r.vnetRefs).builder);
      builders[i] = rebase(r.builder, i);
    } else if (d.format === "az-aks-show" || d.format === "arm") {
      const r = importManagedCluster(d.parsed.value as Record<string, unknown>);
      builders[i] = rebase(r.builder, i);
      for (const x of r.vnetRefs) refs.push(x);
    }
  });
  detected.forEach((d, i) => {
    if (d.format !== "az-vnet") return;
    const r = importVnets(d.parsed.value, refs, new PlanBuilder(i));
    if (r.chosen === undefined) {
      const wanted = refs.find((x) => x.vnet)?.vnet;
      notes.push(
        wanted
          ? `${files[i]!.fileName}: no VNet named "${wanted}" (found: ${r.candidates.join(", ") || "none"}); its VNets were not used.`
          : `${files[i]!.fileName}: holds ${r.candidates.length} VNets and no cluster file says which one the nodes use; give the cluster's az aks show output too.`,
      );
    }
    builders[i] = r.builder;
  });

  const merged = new PlanBuilder(0);
  builders.forEach((b, i) => {
    if (!b) return;
    const skipped = merged.absorb(b);
    for (const s of skipped)
      notes.push(
        `${files[i]!.fileName}: section "${s}" was already given by an earlier file; the earlier one is used.`,
      );
  });

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

/** The importers build with file index 0; re-tag their origins with the file's index. */
function rebase(b: PlanBuilder, file: number): PlanBuilder {
  if (file === 0) return b;
  const out = new PlanBuilder(file);
  for (const [k, v] of Object.entries(b.value)) out.value[k] = v;
  out.copyOriginsFrom(b);
  return out;
}

export { PlanLoadError };
