/**
 * The findings of `aksnet scan` and `aksnet inspect` as resource findings, the policy's input: each check that
 * is not ok, each rule finding, each headroom check that does not fit, on the cluster's (or pool's) Azure
 * resource. The same functions read a saved `-o json` output (absent values are null there), which is how a
 * baseline of these commands is read.
 */
import { HEADROOM_RULE_ID } from "../../../engines/inspect/index.js";
import { formatPath } from "../../../engines/plan/index.js";
import type { Severity } from "../../../engines/validate/index.js";
import { resourceFingerprint, type ResourceFinding } from "./resources.js";

/** The rule ids of the findings below that are not check or drift rules: a project config may name them. */
export const SCAN_CHECK_RULE_IDS = [
  "scan/next-upgrade",
  "scan/scale-out",
  "scan/upgrade-at-max",
  "scan/shared-subnet-at-max",
  "scan/unassessed",
] as const;
export const INSPECT_RULE_IDS = [HEADROOM_RULE_ID] as const;

const SEVERITY: Record<string, Severity | undefined> = { fails: "error", "at-risk": "warning", unknown: "info" };

type Loose = Record<string, unknown>;
const rec = (v: unknown): Loose => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : {});
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.map(rec) : []);
const text = (v: unknown): string => (typeof v === "string" ? v : "");
const pathOf = (v: unknown): string => (Array.isArray(v) ? formatPath(v as (string | number)[]) : text(v));

interface Cluster {
  readonly id: string | undefined;
  readonly name: string | undefined;
}

function ruleFindings(findings: unknown, cluster: Cluster, resource: string, onlyErrors: boolean): ResourceFinding[] {
  return list(findings)
    .filter((f) => !onlyErrors || f["severity"] === "error")
    .map((f) => ({
      ruleId: text(f["ruleId"]),
      severity: (f["severity"] as Severity | undefined) ?? "error",
      resource,
      cluster,
      key: pathOf(f["path"]),
      message: text(f["message"]),
    }));
}

function checkFinding(x: Loose, cluster: Cluster, resource: string): ResourceFinding[] {
  const severity = SEVERITY[text(x["verdict"])];
  if (severity === undefined) return [];
  const fix = text(x["fix"]);
  const message = text(x["message"]) + (fix ? ` Fix: ${fix}` : "");
  return [{ ruleId: `scan/${text(x["check"])}`, severity, resource, cluster, key: text(x["rangeId"]), message }];
}

/**
 * One scan cluster report's findings (`clusters[]` of scan's JSON, or inspect's `azure.cluster`): its pools'
 * and shared ranges' checks, what could not be assessed, and (unless `withoutFindings`) its record's errors.
 */
export function scanClusterFindings(report: unknown, o: { withoutFindings?: boolean } = {}): ResourceFinding[] {
  const c = rec(report);
  const cluster: Cluster = { id: text(c["id"]) || undefined, name: text(c["name"]) || undefined };
  const self = cluster.id ?? cluster.name ?? "";
  const pools = list(c["pools"]);
  const out: ResourceFinding[] = [];
  for (const p of pools) {
    const at = `${self}/agentPools/${text(p["name"])}`;
    const checks = list(p["checks"]);
    for (const x of checks) out.push(...checkFinding(x, cluster, at));
    if (checks.length === 0) out.push(unassessed(cluster, at, "no-subnet", `pool ${text(p["name"])}: no subnet found`));
  }
  for (const x of list(c["shared"])) out.push(...checkFinding(x, cluster, self));
  const notAssessed = (c["reasons"] as unknown[] | undefined)?.find((r) => text(r).startsWith("could not assess"));
  if (notAssessed !== undefined || pools.length === 0 || c["model"] === null || c["model"] === undefined)
    out.push(unassessed(cluster, self, "cluster", text(notAssessed) || "the cluster could not be assessed"));
  if (!o.withoutFindings) out.push(...ruleFindings(c["findings"], cluster, self, true));
  return out;
}

function unassessed(cluster: Cluster, resource: string, key: string, message: string): ResourceFinding {
  return { ruleId: "scan/unassessed", severity: "info", resource, cluster, key, message };
}

/** The cluster an inspect report is about: its Azure ID and name with --azure, else the kubeconfig context. */
function inspectCluster(report: Loose): Cluster {
  const azure = rec(rec(report["azure"])["cluster"]);
  const source = rec(report["source"]);
  const id = text(azure["id"]) || undefined;
  const name = text(azure["name"]) || (source["kind"] === "live" ? text(source["context"]) : "") || undefined;
  return { id, name };
}

/** The resource an inspect report's findings are about: the cluster's Azure ID, else its name, else "". */
export function inspectResource(report: unknown): string {
  const c = inspectCluster(rec(report));
  return c.id ?? c.name ?? "";
}

/** A headroom check's key: its name without its figures ("next upgrade (surge)" → "next upgrade"), which move. */
export function headroomKey(name: string): string {
  return name.replace(/\s*\(.*$/, "");
}

/** An inspect report's findings (the report, or its saved `-o json`). */
export function inspectFindings(report: unknown): ResourceFinding[] {
  const r = rec(report);
  const cluster = inspectCluster(r);
  const self = cluster.id ?? cluster.name ?? "";
  const configured = r["configured"] === null || r["configured"] === undefined ? undefined : rec(r["configured"]);
  const azure = r["azure"] === null || r["azure"] === undefined ? undefined : rec(r["azure"]);
  const headroom = list(rec(r["headroom"])["checks"])
    .filter((c) => c["fits"] === false)
    .map((c): ResourceFinding => ({
      ruleId: HEADROOM_RULE_ID,
      severity: "error",
      resource: self,
      cluster,
      key: headroomKey(text(c["name"])),
      message: text(c["message"]),
    }));
  return [
    ...headroom,
    // The record's own findings are inspect's configured findings when it is the configuration.
    ...(azure ? scanClusterFindings(azure["cluster"], { withoutFindings: configured !== undefined }) : []),
    ...ruleFindings(configured?.["drift"], cluster, self, false),
    ...ruleFindings(configured?.["findings"], cluster, self, false),
  ];
}

/** The fingerprints of a saved scan or inspect `-o json` (or their SARIF); undefined when it is neither. */
export function resourceBaselineFingerprints(doc: unknown): string[] | undefined {
  const d = rec(doc);
  if (d["kind"] === "ScanReport")
    return list(d["clusters"]).flatMap((c) => scanClusterFindings(c).map(resourceFingerprint));
  if (d["kind"] === "InspectReport") return inspectFindings(d).map(resourceFingerprint);
  if (Array.isArray(d["runs"]))
    return list(d["runs"]).flatMap((run) =>
      list(run["results"]).flatMap((res) => {
        const fp = rec(res["partialFingerprints"])["aksnet/resource/v1"];
        return typeof fp === "string" ? [fp] : [];
      }),
    );
  return undefined;
}
