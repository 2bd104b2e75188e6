/**
 * How long AKS supports a Kubernetes minor version: three GA minors (N-2) with community support for about 12
 * months from AKS GA, then (Premium tier, LTS support plan) one more year of long-term support. The calendar is
 * Microsoft's table; an end of life given as a month is its last day.
 */
import { tryParseKubernetesVersion, type KubernetesVersion } from "./kubernetes-version.js";
import { aksDoc, sourced, type Sourced } from "./source.js";

const VERSIONS_PAGE = (note: string) => aksDoc("supported-kubernetes-versions", note);

/** One Kubernetes minor in AKS's calendar. */
export interface KubernetesRelease {
  /** "1.33". */
  readonly minor: string;
  /** YYYY-MM: the month AKS made it generally available. */
  readonly aksGa: string;
  /** YYYY-MM-DD: the end of community support (the month's last day unless the page gives a day). */
  readonly endOfLife: string;
  /** YYYY-MM-DD: the end of long-term support (Premium tier with the LTS support plan). */
  readonly ltsEndOfLife: string;
}

export interface KubernetesSupportFacts {
  /** GA minor versions AKS supports at a time (N, N-1, N-2). */
  readonly supportedMinors: Sourced<number>;
  /** Long-term support needs the Premium tier and the AKSLongTermSupport plan. */
  readonly ltsTier: Sourced<"Premium">;
  /** The calendar, oldest first. */
  readonly releases: Sourced<readonly KubernetesRelease[]>;
}

export const KUBERNETES_SUPPORT: KubernetesSupportFacts = {
  supportedMinors: sourced(3, VERSIONS_PAGE("AKS supports three GA minor versions: N, N-1 and N-2"), {
    checked: "2026-12-07",
  }),
  ltsTier: sourced(
    "Premium",
    aksDoc("long-term-support", "enabling LTS requires the Premium tier and the LTS support plan"),
    { checked: "2026-12-07" },
  ),
  releases: sourced(
    [
      { minor: "1.29", aksGa: "2024-03", endOfLife: "2025-03-31", ltsEndOfLife: "2026-04-30" },
      { minor: "1.30", aksGa: "2024-07", endOfLife: "2025-08-22", ltsEndOfLife: "2026-07-31" },
      { minor: "1.31", aksGa: "2024-11", endOfLife: "2025-11-01", ltsEndOfLife: "2026-11-30" },
      { minor: "1.32", aksGa: "2025-04", endOfLife: "2026-03-31", ltsEndOfLife: "2027-03-31" },
      { minor: "1.33", aksGa: "2025-06", endOfLife: "2026-07-31", ltsEndOfLife: "2027-07-31" },
      { minor: "1.34", aksGa: "2025-11", endOfLife: "2026-11-30", ltsEndOfLife: "2027-11-30" },
      { minor: "1.35", aksGa: "2026-03", endOfLife: "2027-03-31", ltsEndOfLife: "2028-03-31" },
      { minor: "1.36", aksGa: "2026-06", endOfLife: "2027-06-30", ltsEndOfLife: "2028-06-30" },
      { minor: "1.37", aksGa: "2026-10", endOfLife: "2027-10-31", ltsEndOfLife: "2028-10-31" },
    ],
    VERSIONS_PAGE(
      "AKS Kubernetes release calendar and LTS versions tables (an end of life given as a month is its last day)",
    ),
    { checked: "2026-12-07" },
  ),
};

/**
 * Where a Kubernetes version stands on a day: before its AKS GA month (preview), community support, LTS only, past
 * both, or not in the calendar.
 */
export type KubernetesSupport =
  | { readonly status: "preview" | "supported" | "lts-only" | "end-of-life"; readonly release: KubernetesRelease }
  | { readonly status: "unknown" };

/**
 * The support status of `version` ("1.33", "1.33.2" or a parsed version) on `day` (YYYY-MM-DD). Any other value
 * from JavaScript gives `unknown`.
 */
export function kubernetesSupportOn(version: string | KubernetesVersion, day: string): KubernetesSupport {
  const v = typeof version === "string" ? tryParseKubernetesVersion(version) : version;
  if (typeof v !== "object" || v === null || typeof day !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(day))
    return { status: "unknown" };
  const release = KUBERNETES_SUPPORT.releases.value.find((r) => r.minor === `${String(v.major)}.${String(v.minor)}`);
  if (!release) return { status: "unknown" };
  if (day < `${release.aksGa}-01`) return { status: "preview", release };
  if (day <= release.endOfLife) return { status: "supported", release };
  return { status: day <= release.ltsEndOfLife ? "lts-only" : "end-of-life", release };
}
