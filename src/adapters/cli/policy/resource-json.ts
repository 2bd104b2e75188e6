/** The `suppressed` list of inspect's and scan's JSON: each finding the project policy suppressed, and why. */
import type { SuppressedResourceFinding } from "./resources.js";

export interface SuppressedJson {
  readonly ruleId: string;
  readonly severity: string;
  readonly resource: string;
  readonly key: string;
  readonly message: string;
  readonly suppression: { readonly kind: string; readonly reason: string; readonly by: string };
}

export function suppressedJson(list: readonly SuppressedResourceFinding[]): SuppressedJson[] {
  return list.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    resource: f.resource,
    key: f.key,
    message: f.message,
    suppression: { kind: f.suppression.kind, reason: f.suppression.reason, by: f.suppression.by },
  }));
}

/** A resource ID in short: `cluster` or `cluster/pool` for AKS resources, else the ID (or name) as it is. */
function shortName(resource: string): string {
  const m = /\/managedClusters\/([^/]+)(?:\/agentPools\/([^/]+))?$/i.exec(resource);
  if (!m) return resource || "the cluster";
  return m[2] ? `${m[1]}/${m[2]}` : m[1]!;
}

/** The human outputs' lines for the suppressed findings: rule, resource, reason and where it is written. */
export function suppressedLines(list: readonly SuppressedResourceFinding[]): string[] {
  return list.map((f) => `${f.ruleId} on ${shortName(f.resource)}: ${f.suppression.reason} (${f.suppression.by})`);
}
