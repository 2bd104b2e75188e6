/**
 * Kubernetes versions as AKS names them ("1.33", "1.33.2"). Defaults that change
 * with the version (default plugin, default max surge) compare minor versions.
 */

import { describeValue } from "../ip/index.js";

/** A Kubernetes version reduced to what AKS defaults depend on. */
export interface KubernetesVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch?: number;
}

/** Parses "1.33", "1.33.2" or "v1.33"; undefined when the text is not such a version. */
export function tryParseKubernetesVersion(text: string | number): KubernetesVersion | undefined {
  if (typeof text !== "string" && typeof text !== "number") return undefined; // a value from JavaScript
  const s = String(text).trim().replace(/^v/, "");
  const m = /^(\d{1,3})\.(\d{1,3})(?:\.(\d{1,4}))?$/.exec(s);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  return m[3] === undefined ? { major, minor } : { major, minor, patch: Number(m[3]) };
}

/** Reports whether `v` is at least major.minor. */
export function isAtLeast(v: KubernetesVersion, major: number, minor: number): boolean {
  // Values from JavaScript: what is not a version is not at least any version.
  if (typeof v !== "object" || v === null || typeof major !== "number" || typeof minor !== "number") return false;
  return v.major > major || (v.major === major && v.minor >= minor);
}

/** "1.33" or "1.33.2". */
export function formatKubernetesVersion(v: KubernetesVersion): string {
  if (typeof v !== "object" || v === null)
    throw new RangeError(`formatKubernetesVersion takes a version { major, minor }, not ${describeValue(v)}`);
  return v.patch === undefined ? `${v.major}.${v.minor}` : `${v.major}.${v.minor}.${v.patch}`;
}
