/**
 * The project's policy for findings about Azure resources (`aksnet inspect`, `aksnet scan`): live data has no file
 * to write an `# aksnet-ignore` comment in, so the config names resources instead. Applied in this order: the
 * config's rule levels (`rules`, then `overrides[].resources`, the last match winning; off drops a finding), then
 * the comments of inspect's `--plan` file (its findings have a line there), then `suppressions[]` (resources, rules
 * and a required reason), then the baseline. A finding's identity across runs is its rule id, its resource ID (any
 * case) and a key that tells it from the rule's other findings on that resource (the range it checks, the field
 * path). docs/ci.md.
 */
import picomatch from "picomatch";
import type { Severity } from "../../../engines/validate/index.js";
import type { Suppression } from "./apply.js";
import type { Baseline } from "./baseline.js";
import { severityOf } from "./levels.js";
import type { LoadedConfig } from "./load-config.js";

/** A finding of inspect or scan, about a cluster or one of its pools. */
export interface ResourceFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** The Azure resource ID it is about (the cluster's or a pool's); the cluster's name when no ID is known. */
  readonly resource: string;
  /** The cluster it belongs to: a pattern matching its ID or its name covers the finding. */
  readonly cluster: { readonly id: string | undefined; readonly name: string | undefined };
  /** What tells it apart from the rule's other findings on the resource: the range ID, the field path. */
  readonly key: string;
  readonly message: string;
}

export type SuppressedResourceFinding = ResourceFinding & { readonly suppression: Suppression };

/** The identity of a resource finding across runs (Azure resource IDs are case-insensitive). */
export function resourceFingerprint(f: Pick<ResourceFinding, "ruleId" | "resource" | "key">): string {
  return [f.ruleId, f.resource.toLowerCase(), f.key].join("|");
}

const matchers = new WeakMap<readonly string[], (s: string) => boolean>();

/** Whether a finding is on a resource the patterns name: its own ID, its cluster's ID or its cluster's name. */
function covers(patterns: readonly string[], f: ResourceFinding): boolean {
  let match = matchers.get(patterns);
  if (!match) matchers.set(patterns, (match = picomatch(patterns as string[], { nocase: true, dot: true })));
  return [f.resource, f.cluster.id, f.cluster.name].some((x) => x !== undefined && x !== "" && match(x));
}

function levelFor(config: LoadedConfig, f: ResourceFinding): Severity | "off" | undefined {
  let level = config.config.rules?.[f.ruleId];
  for (const o of config.config.overrides ?? []) {
    const l = o.rules[f.ruleId];
    if (l !== undefined && o.resources !== undefined && covers(o.resources, f)) level = l;
  }
  if (level === undefined || level === "off") return level;
  return severityOf(level);
}

/** What the policy did to each finding, by fingerprint: its level now, and why it is suppressed. */
export interface ResourcePolicyResult {
  readonly findings: ResourceFinding[];
  readonly suppressed: SuppressedResourceFinding[];
  /** Fingerprint → the finding's level after the policy, `off` when the config turned its rule off. */
  readonly levels: ReadonlyMap<string, Severity | "off">;
}

export function applyResourcePolicy(
  all: readonly ResourceFinding[],
  policy: {
    readonly config?: LoadedConfig | undefined;
    readonly baseline?: Baseline | undefined;
    /** An `# aksnet-ignore` comment in the configuration file inspect read (`--plan`): after the levels. */
    readonly inline?: ((f: ResourceFinding) => Suppression | undefined) | undefined;
  },
): ResourcePolicyResult {
  const findings: ResourceFinding[] = [];
  const suppressed: SuppressedResourceFinding[] = [];
  const levels = new Map<string, Severity | "off">();
  const remaining = policy.baseline ? new Map(policy.baseline.counts) : undefined;
  for (const original of all) {
    const fp = resourceFingerprint(original);
    const level = policy.config ? levelFor(policy.config, original) : undefined;
    if (level === "off") {
      levels.set(fp, "off");
      continue;
    }
    const f = level !== undefined && level !== original.severity ? { ...original, severity: level } : original;
    levels.set(fp, f.severity);
    const comment = policy.inline?.(f);
    if (comment) {
      suppressed.push({ ...f, suppression: comment });
      continue;
    }
    const entry = policy.config?.config.suppressions?.find((s) => s.rules.includes(f.ruleId) && covers(s.resources, f));
    if (entry && policy.config) {
      suppressed.push({
        ...f,
        suppression: { kind: "external", reason: entry.reason, by: policy.config.file, from: "config" },
      });
      continue;
    }
    const left = remaining?.get(fp) ?? 0;
    if (remaining && policy.baseline && left > 0) {
      remaining.set(fp, left - 1);
      const by = policy.baseline.file;
      suppressed.push({ ...f, suppression: { kind: "external", reason: "already in the baseline", by } });
      continue;
    }
    findings.push(f);
  }
  return { findings, suppressed, levels };
}

/** What the policy decided for a finding a formatter renders: its level (or off) and its suppression. */
export interface PolicyDecision {
  readonly level: Severity | "off";
  readonly suppression: Suppression | undefined;
}

/**
 * The decisions of a policy run, looked up by a finding's identity (SARIF renders from the report, not from the
 * policy's lists); undefined for a finding the policy did not see.
 */
export function policyDecisions(
  r: Pick<ResourcePolicyResult, "levels" | "suppressed">,
): (f: Pick<ResourceFinding, "ruleId" | "resource" | "key">) => PolicyDecision | undefined {
  const suppressions = new Map<string, Suppression[]>();
  for (const s of r.suppressed) {
    const fp = resourceFingerprint(s);
    suppressions.set(fp, [...(suppressions.get(fp) ?? []), s.suppression]);
  }
  return (f) => {
    const fp = resourceFingerprint(f);
    const level = r.levels.get(fp);
    if (level === undefined) return undefined;
    // Equal findings take the suppressions in turn: two against one baseline entry leave one new.
    return { level, suppression: suppressions.get(fp)?.shift() };
  };
}
