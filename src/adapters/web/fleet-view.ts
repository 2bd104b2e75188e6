/**
 * The page's fleet view: a fleet file (`kind: FleetPlan`) in the editor is
 * checked by the same `checkFleet` as `aksnet fleet check`, and the view shows
 * its pools (supernets, used and free space, the largest free block, how many
 * more VNets fit), its clusters (model, VNet, pod and service CIDRs, findings)
 * and the fleet's findings. Pure; the page renders it (client/render-fleet.ts).
 * A cluster whose plan is a file cannot be read in the browser: the view says to
 * paste it inline.
 */
import { parse as parseYaml } from "yaml";
import { checkFleet, type FleetCheckResult } from "../../engines/fleet/index.js";
import { isFleetDocument } from "../../engines/plan/index.js";
import type { Finding } from "../../engines/validate/index.js";

export interface FleetPoolView {
  readonly name: string;
  readonly for: string;
  readonly cidrs: readonly string[];
  readonly size: number;
  readonly used: number;
  /** Used share of the pool, 0..1. */
  readonly usedShare: number;
  readonly free: readonly string[];
  readonly freeCount: number;
  readonly largestFree: string | null;
  /** "12 × /20", one per size counted. */
  readonly fits: readonly string[];
}

export interface FleetClusterView {
  readonly name: string;
  readonly model: string | null;
  readonly vnet: readonly string[];
  readonly podCidrs: readonly string[];
  readonly serviceCidrs: readonly string[];
  readonly podsRouted: string | null;
  readonly errors: number;
  readonly warnings: number;
  /** Where its plan is: "inline", or the file it names (not read by the page). */
  readonly plan: string;
}

export interface FleetView {
  readonly name: string | null;
  readonly pools: readonly FleetPoolView[];
  readonly clusters: readonly FleetClusterView[];
  /**
   * The fleet's own findings (overlaps between clusters, pools, meshes, names); clusters' own are counted per cluster.
   */
  readonly findings: readonly Finding[];
  readonly summary: FleetCheckResult["summary"];
  readonly counts: FleetCheckResult["counts"];
  /** What the page could not do, one sentence each (plan files it cannot read). */
  readonly notes: readonly string[];
}

/** The value of a fleet file's text, or undefined when the text is not a fleet file. */
export function fleetValueOf(text: string): unknown {
  if (!/\bFleetPlan\b/.test(text)) return undefined;
  let value: unknown;
  try {
    value = text.trimStart().startsWith("{") ? JSON.parse(text) : parseYaml(text);
  } catch {
    return undefined;
  }
  return isFleetDocument(value) ? value : undefined;
}

/** The fleet view of a fleet file's value. Never throws for user input. */
export function fleetView(value: unknown): FleetView {
  const r = checkFleet(value);
  const notes = r.clusters
    .filter((c) => c.plan !== "inline" && c.plan !== "none")
    .map(
      (c) =>
        `Cluster ${c.name}'s plan is the file ${c.plan}, which the page cannot read: paste the plan inline under ` +
        `plan: to check it here, or run aksnet fleet check.`,
    );
  // The page does not read plan files: their "not loaded" findings are the notes above instead.
  const unread = (f: Finding) => notes.length > 0 && /not loaded/.test(f.message);
  return {
    name: r.name,
    pools: r.pools.map((p) => ({
      name: p.name,
      for: p.for,
      cidrs: p.cidrs,
      size: p.size,
      used: p.used,
      usedShare: p.size > 0 ? p.used / p.size : 0,
      free: p.free,
      freeCount: p.freeCount,
      largestFree: p.largestFree,
      fits: p.fits.map((f) => `${f.fits.toLocaleString("en-US")} × /${f.prefixLength}`),
    })),
    clusters: r.clusters.map((c) => ({
      name: c.name,
      model: c.model,
      vnet: c.vnet,
      podCidrs: c.podCidrs,
      serviceCidrs: c.serviceCidrs,
      podsRouted: c.podsRouted,
      errors: c.summary.errors,
      warnings: c.summary.warnings,
      plan: c.plan,
    })),
    findings: r.findings.filter((f) => !unread(f)),
    summary: {
      errors: r.summary.errors - r.findings.filter((f) => unread(f) && f.severity === "error").length,
      warnings: r.summary.warnings - r.findings.filter((f) => unread(f) && f.severity === "warning").length,
      infos: r.summary.infos - r.findings.filter((f) => unread(f) && f.severity === "info").length,
    },
    counts: r.counts,
    notes,
  };
}
