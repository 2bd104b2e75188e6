/**
 * The shape of every inspect verdict: a value (or `unknown`), the objects
 * that prove it, and for `unknown` which resource was missing or refused and
 * the `kubectl` command that would settle it. A verdict never guesses: no
 * proof, no value.
 */
import { formatCount } from "../../kb/index.js";
import type { ClusterSnapshot, ReadProblemKind, ResourceKind } from "./snapshot.js";

/**
 * One object and what it says, e.g. `node aks-system-…-vmss000000` says `label
 * kubernetes.azure.com/azure-cni-overlay=true`.
 */
export interface Proof {
  readonly object: string;
  readonly says: string;
}

/** Why a verdict is unknown. */
export interface UnknownBecause {
  /** The resources whose absence leaves the question open (empty: they were read and say too little). */
  readonly missing: readonly ResourceKind[];
  /** One sentence: what was missing or refused, or why what was read does not decide. */
  readonly why: string;
  /** The command that would settle it. */
  readonly settle: string;
}

export interface Verdict<T extends string> {
  readonly value: T | "unknown";
  /** The objects that prove the value (at most `MAX_PROOF`; `proofTotal` counts them all). */
  readonly proof: readonly Proof[];
  readonly proofTotal: number;
  /** Set when `value` is `unknown`. */
  readonly unknown: UnknownBecause | null;
  /** What else the reader should know (a migration in progress, a model that has no such thing…). */
  readonly note: string | null;
}

/** Proofs kept per verdict. */
export const MAX_PROOF = 5;

/** A verdict with a value and its proof (cut to `MAX_PROOF`; `total` counts proofs not built). */
export function known<T extends string>(
  value: T,
  proof: readonly Proof[],
  note: string | null = null,
  total = proof.length,
): Verdict<T> {
  return { value, proof: proof.slice(0, MAX_PROOF), proofTotal: Math.max(total, proof.length), unknown: null, note };
}

/** An unknown verdict. */
export function unknown<T extends string>(because: UnknownBecause, note: string | null = null): Verdict<T> {
  return { value: "unknown", proof: [], proofTotal: 0, unknown: because, note };
}

const HOW: Record<ReadProblemKind, string> = {
  forbidden: "forbidden (403)",
  unauthorized: "refused the credentials (401)",
  timeout: "not finished within the time limit",
  unreachable: "unreachable",
  absent: "not served by the API",
  "not-in-dump": "not in the dump",
  refused: "refused by aksnet",
  unreadable: "unreadable",
  error: "failed",
};

/** Which of the resources were not read, and how each failed, as one clause: `daemonsets forbidden (403)`. */
export function whyMissing(s: ClusterSnapshot, resources: readonly ResourceKind[]): string {
  const parts = resources
    .filter((r) => !s.read.includes(r))
    .map((r) => {
      const p = s.problems.find((x) => x.resource === r);
      return `${r} ${p ? HOW[p.kind] : "not read"}`;
    });
  return parts.join(", ");
}

/** The resources of the list that were not read. */
export function notRead(s: ClusterSnapshot, resources: readonly ResourceKind[]): ResourceKind[] {
  return resources.filter((r) => !s.read.includes(r));
}

/** Counts a noun: `3 nodes`, `1 node`. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : plural}`;
}
