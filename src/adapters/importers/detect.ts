/**
 * Which format a parsed file is, from its content: an aksnet plan, `az aks show`
 * (one cluster, flattened), `az aks list` (an array of clusters), an ARM/REST
 * managed cluster or list of them (`{ value: […] }`), an ARM deployment template, `az network vnet show/list`, or
 * `terraform show -json`.
 */
import { PLAN_FIELDS } from "../../engines/plan/index.js";
import { isArmTemplate } from "./arm-template.js";
import { isObj } from "./builder.js";
import { isManagedCluster } from "./managed-cluster.js";
import { PlanLoadError, type ParsedText } from "./source-map.js";
import { isTerraformPlan } from "./terraform-plan.js";
import { isVnetDocument } from "./vnet.js";

export type PlanFormat =
  "aksnet" | "az-aks-show" | "az-aks-list" | "arm" | "arm-list" | "arm-template" | "az-vnet" | "terraform-plan";

/** The plan's top-level keys, from its schema (so new sections are recognised without a list to keep). */
const PLAN_KEYS: ReadonlySet<string> = new Set(PLAN_FIELDS);

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

/** Reports whether the value is `az aks list -o json` output: a non-empty array of managed clusters. */
export function isClusterList(v: unknown): v is readonly unknown[] {
  return Array.isArray(v) && v.length > 0 && v.every(isManagedCluster);
}

/** Reports whether the value is an ARM list response (`{ "value": [clusters…] }`, REST or Resource Graph). */
export function isArmClusterList(v: unknown): boolean {
  return isObj(v) && isClusterList(v["value"]);
}

/** The clusters of a list file, with the source path of each. */
export function clusterListItems(format: PlanFormat, v: unknown): { o: unknown; at: (string | number)[] }[] {
  if (format === "az-aks-list" && Array.isArray(v)) return v.map((o, i) => ({ o, at: [i] }));
  if (format === "arm-list" && isObj(v) && Array.isArray(v["value"]))
    return v["value"].map((o: unknown, i) => ({ o, at: ["value", i] }));
  return [];
}

const EXPECTED =
  "expected an aksnet plan (apiVersion: aksnet/v1), az aks show or az aks list -o json, an ARM managed cluster or " +
  "deployment template, az network vnet show/list -o json, or terraform show -json output";

export function detect(parsed: ParsedText, fileName: string): PlanFormat {
  const v = parsed.value;
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === ""))
    throw new PlanLoadError(
      `${fileName} is empty; give an aksnet plan or an az aks show, ARM, az network vnet or terraform show -json ` +
        `document.`,
    );
  if (Array.isArray(v) && v.length === 0)
    throw new PlanLoadError(
      `${fileName} is an empty list (az aks list or az network vnet list found nothing); give a file that describes ` +
        `a cluster.`,
    );
  if (isAksnetPlan(v)) return "aksnet";
  if (isTerraformPlan(v)) return "terraform-plan";
  if (isArmTemplate(v)) return "arm-template";
  if (isManagedCluster(v)) return isObj(v) && isObj(v["properties"]) ? "arm" : "az-aks-show";
  if (isClusterList(v)) return "az-aks-list";
  if (isArmClusterList(v)) return "arm-list";
  if (isVnetDocument(v)) return "az-vnet";
  throw new PlanLoadError(`${fileName} is not a format aksnet reads: ${EXPECTED}.`);
}
