/**
 * What the `aksnet fleet` formatters get, and the JSON contracts (docs/fleet.md):
 * `fleet check -o json` is the engine's `FleetCheckResult` with the fleet file's
 * name and each fleet finding's line and column; `fleet allocate -o json` is the
 * `FleetAllocateResult` without the rewritten fleet, plus what was written.
 */
import type { FleetAllocateResult, FleetCheckResult } from "../../../engines/fleet/index.js";
import type { Finding } from "../../../engines/validate/index.js";
import type { Suppression } from "../policy/apply.js";

export interface Located {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type LocatedFleetFinding = Finding & { readonly location: Located };

export type SuppressedFleetFinding = LocatedFleetFinding & { readonly suppression: Suppression };

export interface FleetCheckView {
  readonly file: string;
  /** The engine's result, its summary and ok after the project's policy. */
  readonly result: FleetCheckResult;
  /** The fleet's findings the project's policy reports. */
  readonly findings: readonly LocatedFleetFinding[];
  /** The fleet's findings an inline comment or the baseline suppressed (docs/ci.md). */
  readonly suppressed: readonly SuppressedFleetFinding[];
  /** What the used-space readers noticed. */
  readonly notes: readonly string[];
}

export interface FleetAllocateView {
  readonly file: string;
  readonly result: FleetAllocateResult;
  readonly notes: readonly string[];
  /** Files written: the per-cluster plans and the fleet file. */
  readonly wrote: readonly string[];
}

export function fleetCheckJson(v: FleetCheckView): unknown {
  return { file: v.file, ...v.result, findings: v.findings, suppressed: v.suppressed, notes: v.notes };
}

export function fleetAllocateJson(v: FleetAllocateView): unknown {
  const { fleet: _fleet, ...rest } = v.result;
  return { file: v.file, ...rest, notes: v.notes, wrote: v.wrote };
}
